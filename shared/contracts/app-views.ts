/**
 * What the desktop app's screens show, as the main side hands it to the renderer: the session, the inventory, the
 * resolved updates and upgrades, downloads in flight, install outcomes and request drafts. Portal resources
 * (contracts, requests, grants) travel in their portal schemas.
 */
import { z } from 'zod';
import { AccountSchema, RoleSchema } from './accounts.js';
import { LifecycleSchema, ReleaseTargetSchema } from './catalog.js';
import { InstantSchema, MessageKeySchema, MessageParamsSchema } from './common.js';
import { VerdictSchema, WithdrawnNoticeSchema } from './entitlement.js';
import { KnowledgeArticleSchema } from './knowledge.js';
import {
  ATTACHMENT_TYPES,
  AttachmentFileNameSchema,
  ServiceRequestCreateSchema,
  ServiceRequestSchema,
} from './requests.js';
import { TierSchema } from './entitlement.js';

/**
 * A coded problem the window shows (a failed download or install, a refused request): its English words, and the
 * catalog key and params that word it again in the language chosen when it is read.
 */
export const ProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  remedy: z.string(),
  key: MessageKeySchema.optional(),
  params: MessageParamsSchema.optional(),
});

export const DemoAccountSchema = z.object({
  email: z.string(),
  password: z.string(),
  role: RoleSchema,
  name: z.string(),
  customer: z.object({ id: z.string(), name: z.string(), tier: TierSchema }).nullable(),
});

export const SessionViewSchema = z.object({
  portalUrl: z.string().nullable(),
  account: AccountSchema.nullable(),
  /** The root this portal is trusted through, with its fingerprint for the user to compare. */
  trust: z.object({ rootPath: z.string(), fingerprint: z.string(), shipped: z.boolean() }).nullable(),
  /** Set when the app runs against its embedded demo portal: the accounts to sign in with. */
  demoAccounts: z.array(DemoAccountSchema).nullable(),
});

export const InventorySystemSchema = z.object({
  serialNumber: z.string(),
  product: z.string(),
  location: z.string(),
  contractIds: z.array(z.string()),
  installedVersion: z.string().nullable(),
  versionSource: z.enum(['detected', 'entered', 'installed', 'portal']).nullable(),
  platform: z.string().nullable(),
  installDir: z.string().nullable(),
  updatedAt: z.string(),
  /** The admin confirmed the entered version is not in the vendor's catalog: shown marked, never as up to date. */
  notInCatalog: z.literal(true).optional(),
});

export const CandidateSchema = z.object({
  target: ReleaseTargetSchema,
  verdict: VerdictSchema,
  /** The vendor withdrew it after this system downloaded it: the notice not to install it. */
  withdrawn: WithdrawnNoticeSchema.optional(),
});

export const ResolutionSchema = z.object({
  system: InventorySystemSchema,
  updates: z.array(CandidateSchema),
  upgrades: z.array(CandidateSchema),
  /** The newest allowed release and the hops to it, or why there is no path. */
  recommended: z
    .object({
      version: z.string(),
      hops: z.array(z.string()),
      problem: ProblemSchema.omit({ code: true }).nullable(),
    })
    .nullable(),
  /** The lifecycle of the installed version's major line, when published: what the line's banner is drawn from. */
  line: LifecycleSchema.nullable(),
});

export const DOWNLOAD_STATES = ['queued', 'downloading', 'paused', 'verifying', 'done', 'failed', 'cancelled'] as const;

export const DownloadViewSchema = z.object({
  id: z.string(),
  targetName: z.string(),
  serialNumber: z.string().nullable(),
  state: z.enum(DOWNLOAD_STATES),
  receivedBytes: z.number(),
  totalBytes: z.number(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  /** Whether the bytes hashed to the signed target (only ever true once done). */
  verified: z.boolean(),
  error: ProblemSchema.nullable(),
  /** Where the verified file was copied under its real name (a bulk download into the download folder). */
  savedAs: z.string().nullable().optional(),
  /** Raised by every change: of two views of one download, the higher revision is the newer. */
  revision: z.number().int().nonnegative(),
});

export const InstallOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    product: z.string(),
    fromVersion: z.string().nullable(),
    toVersion: z.string(),
    detectedVersion: z.string(),
    durationMs: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    ...ProblemSchema.shape,
    /** Set for installer failures: what a request can be drafted from. */
    failureId: z.string().nullable(),
    exitCode: z.number().nullable(),
    log: z.string(),
    knownIssues: z.array(KnowledgeArticleSchema),
  }),
]);

export const RedactionSchema = z.object({ kind: z.string(), line: z.number(), masked: z.string(), path: z.string() });

export const RequestDraftSchema = z.object({
  request: ServiceRequestCreateSchema,
  idempotencyKey: z.string(),
  redactions: z.array(RedactionSchema),
  knownIssues: z.array(KnowledgeArticleSchema),
});

/** A system's last failed installation while no request was sent for it and the customer did not dismiss it. */
export const OpenFailureSchema = z.object({
  id: z.string(),
  serialNumber: z.string(),
  product: z.string(),
  fromVersion: z.string().nullable(),
  toVersion: z.string(),
  exitCode: z.number().nullable(),
  failedAt: InstantSchema,
  message: z.string(),
  /** The failure's catalog key and params, to word it in the language chosen when it is read. */
  key: MessageKeySchema.optional(),
  params: MessageParamsSchema.optional(),
  knownIssues: z.array(KnowledgeArticleSchema),
});

/** A file the customer attached to a request not sent yet: checked and kept on this desktop under its own id. */
export const StagedFileSchema = z.object({
  id: z.uuid(),
  fileName: AttachmentFileNameSchema,
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().int().min(0),
});

/** Why the portal refused a request the desktop had queued: its code and words, kept with the request. */
export const RefusalSchema = ProblemSchema.extend({ at: z.string() });

/** A request waiting on this desktop: not sent yet (portal unreachable), or refused and kept for editing. */
export const OutboxEntrySchema = z.object({
  idempotencyKey: z.uuid(),
  queuedAt: z.string(),
  request: ServiceRequestCreateSchema,
  attachments: z.array(StagedFileSchema).default([]),
  /** Set once the portal created the request while some files were still to upload. */
  requestId: z.string().optional(),
  /** Set when the portal refused it: kept for the customer to edit or discard, not sent again as it is. */
  refusal: RefusalSchema.optional(),
});

export const SubmitOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('sent'), request: ServiceRequestSchema }),
  z.object({ status: z.literal('queued'), idempotencyKey: z.string(), reason: z.string() }),
]);

/** A window's name for one installation it runs (a UUID in practice). */
export const InstallIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'An install id is 8 to 64 letters, digits, _ or -.');

export const InstallLogLineSchema = z.object({
  installId: InstallIdSchema,
  serialNumber: z.string(),
  stream: z.string(),
  text: z.string(),
  at: InstantSchema.or(z.string()),
  /** On an upgrade path: which hop (0-based) the line belongs to. */
  hop: z.number().int().nonnegative().optional(),
});

/** One release of an upgrade path, as planned: every hop is allowed by the contract. */
export const PathHopViewSchema = z.object({
  targetName: z.string(),
  version: z.string(),
  kind: z.enum(['update', 'upgrade', 'current', 'older']),
});

export const PathPlanViewSchema = z.object({
  serialNumber: z.string(),
  product: z.string(),
  fromVersion: z.string(),
  toVersion: z.string(),
  hops: z.array(PathHopViewSchema),
});

/** A hop of a running path started or was installed (its log comes as install.log lines with `hop`). */
export const PathHopEventSchema = z.object({
  installId: InstallIdSchema,
  hop: z.number().int().nonnegative(),
  version: z.string(),
  state: z.enum(['started', 'installed']),
  detectedVersion: z.string().nullable(),
});

export const PathOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), plan: PathPlanViewSchema, detectedVersions: z.array(z.string()) }),
  z.object({
    ok: z.literal(false),
    plan: PathPlanViewSchema,
    /** The hops installed before the failure, by detected version. */
    detectedVersions: z.array(z.string()),
    failedHop: z.number().int().nonnegative(),
    /** Where it stopped, in words (English); `stoppedKey` and `stoppedParams` word it in the reader's language. */
    stopped: z.string(),
    stoppedKey: MessageKeySchema.optional(),
    stoppedParams: MessageParamsSchema.optional(),
    failure: InstallOutcomeSchema.options[1],
  }),
]);

export type SessionView = z.infer<typeof SessionViewSchema>;
export type InventorySystemView = z.infer<typeof InventorySystemSchema>;
export type ResolutionView = z.infer<typeof ResolutionSchema>;
export type DownloadView = z.infer<typeof DownloadViewSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type InstallOutcome = z.infer<typeof InstallOutcomeSchema>;
export type PathPlanView = z.infer<typeof PathPlanViewSchema>;
export type PathOutcome = z.infer<typeof PathOutcomeSchema>;
export type PathHopEvent = z.infer<typeof PathHopEventSchema>;
export type RequestDraftView = z.infer<typeof RequestDraftSchema>;
export type SubmitOutcomeView = z.infer<typeof SubmitOutcomeSchema>;
export type OpenFailureView = z.infer<typeof OpenFailureSchema>;
export type StagedFile = z.infer<typeof StagedFileSchema>;
export type OutboxEntryView = z.infer<typeof OutboxEntrySchema>;

/** The folder bulk downloads and exports go to: the one chosen in the settings, else the app's default. */
export const DownloadFolderViewSchema = z.object({ folder: z.string(), isDefault: z.boolean() });

/** An export's name from the window, so its progress events can be told apart (like an install's). */
export const ExportIdSchema = InstallIdSchema;

export const BundleExportProgressSchema = z.object({
  exportId: ExportIdSchema,
  target: z.string(),
  receivedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
});

/** What was written: a bundle file, or a folder of packages under their real names beside their proof. */
export const BundleExportViewSchema = z.object({
  written: z.string(),
  kind: z.enum(['file', 'folder']),
  bytes: z.number().int().nonnegative().nullable(),
  files: z.array(z.string()),
  validUntil: InstantSchema.or(z.string()),
  serials: z.array(z.string()),
  targets: z.array(z.string()),
});

/** A bundle as verified offline against the root this machine trusts: its statement and its packages. */
export const BundleVerdictViewSchema = z.object({
  file: z.string(),
  portal: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
  contract: z.string(),
  serials: z.array(z.string()),
  packages: z.array(
    z.object({
      target: z.string(),
      fileName: z.string(),
      length: z.number().int().nonnegative(),
      product: z.string(),
      version: z.string(),
      platform: z.string(),
    }),
  ),
});

export type DownloadFolderView = z.infer<typeof DownloadFolderViewSchema>;
export type BundleExportView = z.infer<typeof BundleExportViewSchema>;
export type BundleVerdictViewData = z.infer<typeof BundleVerdictViewSchema>;
