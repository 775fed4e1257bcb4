/** Accounts, sign-in and tokens. */
import { z } from 'zod';
import { ROLES } from '../domain/request-state.js';
import { LOCALES } from '../i18n/locales.js';
import { IdSchema, InstantSchema, NonBlankSchema } from './common.js';

export const RoleSchema = z.enum(ROLES);

export const AccountSchema = z.object({
  id: IdSchema,
  email: z.email().max(254),
  name: NonBlankSchema(200),
  role: RoleSchema,
  customerId: IdSchema.nullable(),
  /** The language the account reads the portal (and its mail) in; null until a sign-in said which. */
  language: z.enum(LOCALES).nullable().optional(),
});

export const SignInSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(256),
  })
  .strict();

export const SessionSchema = z.object({
  token: z.string().min(20).max(512),
  expiresAt: InstantSchema,
  account: AccountSchema,
});

export type Account = z.infer<typeof AccountSchema>;
export type Session = z.infer<typeof SessionSchema>;
