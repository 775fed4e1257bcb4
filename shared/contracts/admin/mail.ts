/**
 * The portal's e-mail (DESIGN.md §6.2): the outbox an administrator watches and retries from, and the opt-outs each
 * signed-in account sets for itself. The survey page and the unsubscribe link are served without sign-in from the
 * raw table (../portal-raw-routes.ts).
 */
import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common.js';
import { endpoint, people, vendorAdmin, type Endpoint } from '../endpoint.js';
import { MAIL_KINDS } from '../../domain/mail.js';
import { ListQuerySchema, pageOf } from './paging.js';

export const MailKindSchema = z.enum(MAIL_KINDS);
export const MAIL_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export const MailStateSchema = z.enum(MAIL_STATES);
export type MailStateName = z.infer<typeof MailStateSchema>;

export const MAIL_FAILURE_REASONS = [
  'unreachable',
  'refused',
  'authentication',
  'recipient',
  'optedOut',
  'other',
] as const;
/** Why the last try failed, as values each reader's language words (admin.mail.failure.*). */
export const MailFailureSchema = z.object({
  reason: z.enum(MAIL_FAILURE_REASONS),
  /** host:port of the SMTP server tried. */
  server: z.string().max(300).optional(),
  /** The SMTP server's reply code, when it answered one. */
  smtpCode: z.number().int().optional(),
});
export type MailFailure = z.infer<typeof MailFailureSchema>;

export const OutboxEntrySchema = z.object({
  id: IdSchema,
  kind: MailKindSchema,
  state: MailStateSchema,
  recipient: z.string().max(320),
  accountId: IdSchema,
  locale: z.string().max(16),
  attempts: z.number().int().min(0),
  /** When the next try is due (queued), or was due. */
  nextAttemptAt: InstantSchema,
  /** The last failure; null when none. */
  lastError: MailFailureSchema.nullable(),
  /** The Message-ID SMTP accepted it under: how a mail is found in the SMTP server's log or the recipient's box. */
  messageId: z.string().nullable(),
  createdAt: InstantSchema,
  sentAt: InstantSchema.nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export const OutboxQuerySchema = ListQuerySchema.extend({
  state: MailStateSchema.optional(),
  kind: MailKindSchema.optional(),
}).strict();

/** Every kind and whether the account gets it. */
export const MailPreferencesSchema = z
  .object({
    kinds: z.object(
      Object.fromEntries(MAIL_KINDS.map((k) => [k, z.boolean()])) as Record<(typeof MAIL_KINDS)[number], z.ZodBoolean>,
    ),
  })
  .strict();
export type MailPreferences = z.infer<typeof MailPreferencesSchema>;

export const MailPreferencesUpdateSchema = z.object({ kinds: z.partialRecord(MailKindSchema, z.boolean()) }).strict();

export const mailApi = {
  adminMailOutbox: endpoint({
    method: 'GET',
    path: '/api/v1/admin/mail',
    summary: 'The mail outbox, newest first: state, kind, recipient, attempts and the last error',
    auth: vendorAdmin,
    query: OutboxQuerySchema,
    response: pageOf(OutboxEntrySchema),
  }),
  adminMailRetry: endpoint({
    method: 'POST',
    path: '/api/v1/admin/mail/:id/retry',
    summary: 'Send a queued or failed mail now, at the sender’s next pass',
    auth: vendorAdmin,
    params: z.object({ id: IdSchema }).strict(),
    response: OutboxEntrySchema,
  }),
  myMailPreferences: endpoint({
    method: 'GET',
    path: '/api/v1/me/mail-preferences',
    summary: 'Which kinds of e-mail the signed-in account gets',
    auth: people,
    response: MailPreferencesSchema,
  }),
  setMyMailPreferences: endpoint({
    method: 'PUT',
    path: '/api/v1/me/mail-preferences',
    summary: 'Turn kinds of e-mail on or off for the signed-in account',
    auth: people,
    body: MailPreferencesUpdateSchema,
    response: MailPreferencesSchema,
  }),
} as const satisfies Record<string, Endpoint>;
