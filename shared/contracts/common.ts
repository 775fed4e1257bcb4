/** Building blocks shared by the portal's HTTP resources and the app's API. */
import { z } from 'zod';
import { ERROR_CODES } from '../errors.js';

export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');
export const CalendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const InstantSchema = z.iso.datetime({ offset: true });
export const TimeZoneSchema = z.string().min(1).max(64);
/** Free text a person typed: bounded, never interpreted. */
export const TextSchema = (max: number) => z.string().max(max);
export const NonBlankSchema = (max: number) => z.string().trim().min(1).max(max);
export const SerialNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._/-]+$/, 'letters, digits and . _ / - only');
export const ProductIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and "-"');
export const VersionSchema = z.string().min(1).max(64);
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

export const ErrorCodeSchema = z.enum(ERROR_CODES);

/** A catalog key and the values its text needs, so any reader can render a message in their own language. */
export const MessageKeySchema = z.string().min(1).max(120);
export const MessageParamsSchema = z.record(z.string().max(64), z.union([z.string().max(2000), z.number()]));

/** The one JSON error body every failure uses, on the portal and across the app's API. */
export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  remedy: z.string(),
  key: MessageKeySchema.optional(),
  params: MessageParamsSchema.optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
