/** Remote-guidance service requests, their messages, remote-access grants and satisfaction surveys (DESIGN.md §3.4). */
import { z } from 'zod';
import { PRIORITIES } from '../domain/sla.js';
import { REQUEST_STATES } from '../domain/request-state.js';
import { IdSchema, InstantSchema, NonBlankSchema, ProductIdSchema, SerialNumberSchema, Sha256Schema, TextSchema, VersionSchema } from './common.js';

export const PrioritySchema = z.enum(PRIORITIES);
export const RequestStateSchema = z.enum(REQUEST_STATES);

/** What an install failure contributes to a request, shown to the customer (redacted) before sending. */
export const InstallFailureSchema = z.object({
  product: ProductIdSchema,
  fromVersion: VersionSchema.nullable(),
  toVersion: VersionSchema,
  packageName: z.string().max(300),
  sha256: Sha256Schema,
  exitCode: z.number().int().nullable(),
  signal: z.string().max(32).nullable(),
  log: TextSchema(200_000),
  systemInfo: z.record(z.string().max(64), z.string().max(500)),
});

export const OperationRecordSchema = z.object({
  at: InstantSchema,
  kind: z.string().max(64),
  summary: z.string().max(2_000),
});

export const ServiceRequestCreateSchema = z
  .object({
    serialNumber: SerialNumberSchema,
    location: NonBlankSchema(200),
    faultDescription: NonBlankSchema(20_000),
    priority: PrioritySchema,
    alarms: z.array(z.string().max(2_000)).max(200).default([]),
    performanceMeasurements: TextSchema(50_000).optional(),
    operationRecords: z.array(OperationRecordSchema).max(1_000).default([]),
    installFailure: InstallFailureSchema.optional(),
  })
  .strict();

export const SlaViewSchema = z.object({
  state: z.enum(['awaiting-acceptance', 'running', 'met', 'breached']),
  dueAt: InstantSchema.nullable(),
  msLeft: z.number().nullable(),
});

export const ServiceRequestSchema = ServiceRequestCreateSchema.extend({
  id: IdSchema,
  number: z.string().max(32),
  customerId: IdSchema,
  product: ProductIdSchema,
  state: RequestStateSchema,
  assignedEngineerId: IdSchema.nullable(),
  submittedAt: InstantSchema,
  acceptedAt: InstantSchema.nullable(),
  firstContactAt: InstantSchema.nullable(),
  updatedAt: InstantSchema,
  sla: SlaViewSchema,
});

export const MessageSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  authorId: IdSchema,
  authorRole: z.enum(['customer-admin', 'engineer', 'portal-admin', 'system']),
  body: NonBlankSchema(20_000),
  at: InstantSchema,
});
export const MessageCreateSchema = z.object({ body: NonBlankSchema(20_000) }).strict();

export const GRANT_CHANNELS = ['ssh', 'rdp', 'vpn', 'web', 'other'] as const;
export const GRANT_SCOPES = ['view', 'diagnose', 'repair'] as const;
export const GRANT_MAX_HOURS = 72;
export const GRANT_DEFAULT_HOURS = 24;

export const GrantCreateSchema = z
  .object({
    channel: z.enum(GRANT_CHANNELS),
    address: NonBlankSchema(300),
    account: NonBlankSchema(128),
    /** Omitted: the portal generates a strong one. */
    password: z.string().min(12).max(256).optional(),
    scope: z.enum(GRANT_SCOPES),
    expiresInHours: z.number().int().min(1).max(GRANT_MAX_HOURS).default(GRANT_DEFAULT_HOURS),
  })
  .strict();

/** A grant as listed: the password never appears here; the assigned engineer reads it through its own audited call. */
export const GrantSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  channel: z.enum(GRANT_CHANNELS),
  address: z.string(),
  account: z.string(),
  scope: z.enum(GRANT_SCOPES),
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
  revokedAt: InstantSchema.nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});

export const SurveySchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: TextSchema(5_000).default(''),
  })
  .strict();

export type ServiceRequestCreate = z.infer<typeof ServiceRequestCreateSchema>;
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;
export type InstallFailure = z.infer<typeof InstallFailureSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type GrantCreate = z.infer<typeof GrantCreateSchema>;
export type Grant = z.infer<typeof GrantSchema>;
export type Survey = z.infer<typeof SurveySchema>;
