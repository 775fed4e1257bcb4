/**
 * The back office's endpoints: Releases, their lines’ lifecycle dates, and withdrawals. A release is one version of
 * a product (all its platform builds); withdrawing it stops it being offered while its signed targets stay signed.
 */
import { z } from 'zod';
import { CalendarDateSchema, InstantSchema, NonBlankSchema, ProductIdSchema, VersionSchema } from '../common.js';
import { LifecycleSchema } from '../catalog.js';
import { endpoint, vendorAdmin, type Endpoint } from '../endpoint.js';
import { ListQuerySchema, pageOf } from './paging.js';

export const LINE_PHASES = [
  'before-ga',
  'maintained',
  'past-end-of-maintenance',
  'past-end-of-service',
  'no-lifecycle',
] as const;
export const LinePhaseSchema = z.enum(LINE_PHASES);

/** What a release is within its line: the line's first release, a new feature release, or a fix. */
export const RELEASE_STEPS = ['major', 'minor', 'patch'] as const;

export const WITHDRAWAL_REASON_MAX = 2000;

export const WithdrawalSchema = z.object({
  at: InstantSchema,
  reason: z.string(),
  /** The administrator's e-mail address, or `user@host` for the command line. */
  by: z.string(),
});
export type WithdrawalView = z.infer<typeof WithdrawalSchema>;

export const ReleaseSummarySchema = z.object({
  product: ProductIdSchema,
  version: VersionSchema,
  major: z.number().int().min(0),
  step: z.enum(RELEASE_STEPS),
  publishedAt: InstantSchema,
  prerelease: z.boolean(),
  /** Bytes of all its platform builds together. */
  size: z.number().int().min(0),
  platforms: z.array(z.string()),
  /** Where its line stands today. */
  linePhase: LinePhaseSchema,
  withdrawn: WithdrawalSchema.nullable(),
  downloads: z.number().int().min(0),
});
export type ReleaseSummary = z.infer<typeof ReleaseSummarySchema>;

export const ReleaseDownloadsByCustomerSchema = z.object({
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  downloads: z.number().int().min(0),
  systems: z.number().int().min(0),
  lastAt: InstantSchema,
});

export const ReleaseDetailSchema = ReleaseSummarySchema.extend({
  minUpgradeFrom: z.string().nullable(),
  notes: z.string(),
  lifecycle: LifecycleSchema.nullable(),
  targets: z.array(
    z.object({ name: z.string(), platform: z.string(), length: z.number().int().min(0), sha256: z.string() }),
  ),
  downloadsByCustomer: z.array(ReleaseDownloadsByCustomerSchema),
});
export type ReleaseDetail = z.infer<typeof ReleaseDetailSchema>;

export const ReleaseListQuerySchema = ListQuerySchema.extend({
  product: ProductIdSchema.optional(),
  withdrawn: z.enum(['yes', 'no']).optional(),
}).strict();
export type ReleaseListQuery = z.output<typeof ReleaseListQuerySchema>;

export const ReleaseParamsSchema = z.object({ product: ProductIdSchema, version: VersionSchema }).strict();

export const WithdrawBodySchema = z.object({ reason: NonBlankSchema(WITHDRAWAL_REASON_MAX) }).strict();
export type WithdrawBody = z.infer<typeof WithdrawBodySchema>;

export const LineSchema = z.object({
  product: ProductIdSchema,
  major: z.number().int().min(0),
  ga: CalendarDateSchema,
  endOfMaintenance: CalendarDateSchema.nullable(),
  endOfService: CalendarDateSchema.nullable(),
  phase: LinePhaseSchema,
  /** How many releases of the line the catalog has. */
  releases: z.number().int().min(0),
});
export type LineView = z.infer<typeof LineSchema>;

export const LineListQuerySchema = ListQuerySchema.extend({ product: ProductIdSchema.optional() }).strict();

export const LineParamsSchema = z
  .object({ product: ProductIdSchema, major: z.coerce.number().int().min(0).max(999_999) })
  .strict();

export const LineSetBodySchema = z
  .object({
    ga: CalendarDateSchema,
    endOfMaintenance: CalendarDateSchema.optional(),
    endOfService: CalendarDateSchema.optional(),
    /** On a shared database the signer re-signs the line: how long to wait for it before answering with the job. */
    waitSeconds: z.number().int().min(0).max(60).optional(),
  })
  .strict();
export type LineSetBody = z.infer<typeof LineSetBodySchema>;

/** Done at once (or by the signer in time), or still a publish job the signer has yet to run. */
export const LineSetResultSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('done'), line: LineSchema, resigned: z.number().int().min(0) }),
  z.object({ state: z.enum(['pending', 'running']), job: z.string() }),
]);
export type LineSetResult = z.infer<typeof LineSetResultSchema>;

export const releasesApi = {
  adminReleases: endpoint({
    method: 'GET',
    path: '/api/v1/admin/releases',
    summary: 'Every release of every product, newest first: its line, size, downloads and whether it is withdrawn',
    auth: vendorAdmin,
    query: ReleaseListQuerySchema,
    response: pageOf(ReleaseSummarySchema),
  }),
  adminRelease: endpoint({
    method: 'GET',
    path: '/api/v1/admin/releases/:product/:version',
    summary: 'One release: its signed builds, its upgrade range and which customers downloaded it',
    auth: vendorAdmin,
    params: ReleaseParamsSchema,
    response: ReleaseDetailSchema,
  }),
  adminReleaseWithdraw: endpoint({
    method: 'POST',
    path: '/api/v1/admin/releases/:product/:version/withdrawal',
    summary: 'Withdraw a release: no longer offered, its bytes refused to those who had not downloaded it',
    auth: vendorAdmin,
    params: ReleaseParamsSchema,
    body: WithdrawBodySchema,
    response: ReleaseDetailSchema,
  }),
  adminReleaseRestore: endpoint({
    method: 'DELETE',
    path: '/api/v1/admin/releases/:product/:version/withdrawal',
    summary: 'Undo a withdrawal: the release is offered again under the usual rules',
    auth: vendorAdmin,
    params: ReleaseParamsSchema,
    response: ReleaseDetailSchema,
  }),
  adminLines: endpoint({
    method: 'GET',
    path: '/api/v1/admin/lines',
    summary: 'Every product line (major version) with its lifecycle dates and where it stands today',
    auth: vendorAdmin,
    query: LineListQuerySchema,
    response: pageOf(LineSchema),
  }),
  adminLineSet: endpoint({
    method: 'PUT',
    path: '/api/v1/admin/lines/:product/:major',
    summary: 'Set a line’s lifecycle dates and re-sign its targets (a publish job on a shared database)',
    auth: vendorAdmin,
    params: LineParamsSchema,
    body: LineSetBodySchema,
    response: LineSetResultSchema,
  }),
} as const satisfies Record<string, Endpoint>;
