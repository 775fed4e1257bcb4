/**
 * The back office's audit trail: every change an administrator makes, through the console, the API or the
 * `hicare-portal` commands, is kept with who made it and when.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common.js';
import { endpoint, vendorAdmin } from '../endpoint.js';
import { ListQuerySchema, pageOf } from './paging.js';

export const AUDIT_SUBJECTS = [
  'customer',
  'account',
  'contract',
  'system',
  'region',
  'release',
  'line',
  'mail',
  'article',
] as const;
export const AuditSubjectSchema = z.enum(AUDIT_SUBJECTS);
export type AuditSubject = z.infer<typeof AuditSubjectSchema>;

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  /** The account that made the change; null for a change made with `hicare-portal` on the portal's machine. */
  actorId: IdSchema.nullable(),
  /** The account's e-mail address, or `user@host` for the CLI. */
  actor: z.string().max(320),
  /** What was done, as `<subject>.<verb>`: `contract.renew`, `account.disable`. */
  action: z.string().max(64),
  subject: AuditSubjectSchema,
  subjectId: z.string().max(200),
  /** The fields the change set, as they were sent (never a password). */
  changes: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = ListQuerySchema.extend({
  subject: AuditSubjectSchema.optional(),
  subjectId: z.string().max(200).optional(),
}).strict();

export const auditApi = {
  adminAudit: endpoint({
    method: 'GET',
    path: '/api/v1/admin/audit',
    summary: 'Every back-office change, newest first: who, when, what and to which record',
    auth: vendorAdmin,
    query: AuditQuerySchema,
    response: pageOf(AuditEntrySchema),
  }),
} as const;
