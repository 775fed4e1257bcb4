/**
 * Offline bundles (DESIGN.md §4): what the portal signs for a site without internet. The entitlement statement says
 * which serials of which contract may take which targets, issued when and valid until when; the portal signs it with
 * its online timestamp key, so a machine checks it against the root it already trusts, as it checks the catalog.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, SerialNumberSchema } from './common.js';
import { customerOrStaff, endpoint } from './endpoint.js';

/** The statement's `_type`: never a TUF role's, so a signed statement can never pass for catalog metadata. */
export const STATEMENT_TYPE = 'hicare-entitlement-statement';

/** How long a statement may be asked to hold, in days; the default is the targets metadata's own lifetime. */
export const STATEMENT_MAX_DAYS = 365;
export const STATEMENT_DEFAULT_DAYS = 90;

export const StatementTargetSchema = z
  .object({
    name: z.string().min(1).max(512),
    length: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The statement's serials this target is for: each was allowed it by the verdict when the statement was issued. */
    serials: z.array(SerialNumberSchema).min(1).max(500),
  })
  .strict();

export const EntitlementStatementSchema = z
  .object({
    _type: z.literal(STATEMENT_TYPE),
    version: z.literal(1),
    /** The portal's origin; the bundle's metadata is that portal's catalog. */
    portal: z.string().url().max(2048),
    contract: z.object({ id: IdSchema, customerId: IdSchema }).strict(),
    serials: z.array(SerialNumberSchema).min(1).max(500),
    targets: z.array(StatementTargetSchema).min(1).max(2000),
    issuedAt: InstantSchema,
    validUntil: InstantSchema,
  })
  .strict();
export type EntitlementStatement = z.infer<typeof EntitlementStatementSchema>;

/** TUF's envelope: the signatures cover the canonical JSON of `signed`. */
export const SignedStatementSchema = z
  .object({
    signed: EntitlementStatementSchema,
    signatures: z
      .array(z.object({ keyid: z.string().max(128), sig: z.string().max(1024) }).strict())
      .min(1)
      .max(16),
  })
  .strict();
export type SignedStatement = z.infer<typeof SignedStatementSchema>;

export const StatementRequestSchema = z
  .object({
    /** Systems of the caller's contract; all must be covered by one contract. */
    serials: z.array(SerialNumberSchema).min(1).max(500),
    /** Target names of the signed catalog, each allowed for every serial it is for. */
    targets: z.array(z.string().min(1).max(512)).min(1).max(2000),
    validDays: z.number().int().min(1).max(STATEMENT_MAX_DAYS).optional(),
  })
  .strict();
export type StatementRequest = z.infer<typeof StatementRequestSchema>;

export const bundleApi = {
  issueStatement: endpoint({
    method: 'POST',
    path: '/api/v1/bundles/statements',
    summary: 'Sign an entitlement statement for an offline bundle: which serials may take which targets, until when',
    auth: customerOrStaff,
    body: StatementRequestSchema,
    response: SignedStatementSchema,
  }),
} as const;
