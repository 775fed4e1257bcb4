/**
 * The renderer↔main API, declared once. The Electron preload, the IPC handlers, the web host's routes and the
 * renderer's client are all derived from this object (see shared/api/), so a method exists everywhere or nowhere and
 * its arguments are validated on the main side whichever transport carried them.
 */
import { z } from 'zod';
import { LANGUAGE_SETTINGS } from '../i18n/locales.js';
import { defineAppApi } from '../api/define.js';
import { ErrorBodySchema, InstantSchema, IdSchema, SerialNumberSchema, VersionSchema } from './common.js';
import { SHORTCUT_IDS } from '../shortcuts.js';
import { SignInSchema } from './accounts.js';
import { ContractViewSchema, InstalledReportCreateSchema } from './entitlement.js';
import {
  BundleExportProgressSchema,
  BundleExportViewSchema,
  BundleVerdictViewSchema,
  DownloadFolderViewSchema,
  DownloadViewSchema,
  ExportIdSchema,
  InstallIdSchema,
  InstallLogLineSchema,
  InstallOutcomeSchema,
  InventorySystemSchema,
  OpenFailureSchema,
  PathHopEventSchema,
  PathOutcomeSchema,
  PathPlanViewSchema,
  OutboxEntrySchema,
  RequestDraftSchema,
  ResolutionSchema,
  SessionViewSchema,
  StagedFileSchema,
  SubmitOutcomeSchema,
} from './app-views.js';
import { DownloadRecordsSchema } from './downloads.js';
import {
  ADMIN_ENDPOINTS,
  SELFHELP_ENDPOINTS,
  type AdminEndpointName,
  type SelfHelpEndpointName,
} from './portal-api.js';
import { MailPreferencesSchema, MailPreferencesUpdateSchema } from './admin/mail.js';
import { SupportExportInputSchema, SupportExportSchema, SupportPreviewSchema } from './support.js';
import {
  ActionBodySchema,
  AttachmentUploadSchema,
  ATTACHMENT_MAX_BASE64_CHARS,
  ATTACHMENTS_PER_REQUEST_MAX,
  AttachmentFileNameSchema,
  GrantCreateSchema,
  GrantSchema,
  MessageCreateSchema,
  MessageSchema,
  PrioritySchema,
  RequestStateSchema,
  ServiceRequestCreateSchema,
  ServiceRequestDetailSchema,
  ServiceRequestSchema,
  SolutionCreateSchema,
  SurveySchema,
} from './requests.js';

export const HOST_KINDS = ['electron', 'web'] as const;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(HOST_KINDS),
  platform: z.string(),
  portalUrl: z.string().nullable(),
  uiBuilt: z.boolean(),
  /** What the desktop shell has to tell the user about this machine (say, secrets kept only for the session). */
  notices: z.array(ErrorBodySchema).optional(),
});

export const SettingsSchema = z.object({
  portalUrl: z.url().nullable(),
  proxyUrl: z.url().nullable(),
  caBundlePath: z.string().max(1_000).nullable(),
  downloadDirectory: z.string().max(1_000).nullable(),
  checkEveryHours: z.number().int().min(1).max(168),
  includePreviews: z.boolean(),
  /** A root.json the user chose to trust for this portal (the demo's, a staging portal's); the shipped root when null. */
  trustRootPath: z.string().max(1_000).nullable(),
  /** Where products of systems on this desktop are installed (`{target}` of the installers); per system a folder below. */
  installRoot: z.string().max(1_000).nullable(),
  /** Start the desktop app when the user logs in to the computer (macOS and Windows; the web host ignores it). */
  startAtLogin: z.boolean(),
  /** The language of the app and of what it asks the portal for: the OS's, or a fixed one. */
  language: z.enum(LANGUAGE_SETTINGS),
});

export const SettingsPatchSchema = SettingsSchema.partial().strict();

const none = z.object({}).strict();
/** A target of the signed catalog: relative '/'-separated segments of safe characters, so never '..' or an absolute path. */
const TargetNameSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._+-]*(?:\/[A-Za-z0-9][A-Za-z0-9._+-]*)*$/,
    'a catalog name such as product/1.2.0/linux-x64/product-1.2.0.tar.gz',
  );
const RequestIdSchema = z.object({ id: IdSchema }).strict();
/** A path on this desktop the user typed (the web host has no native picker); whether it fits is checked on the main side. */
const LocalPathSchema = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => !p.includes('\u0000'), 'a path without NUL characters');
/** The systems and releases an export is for: the portal signs a statement for exactly these. */
const BundleSelectionSchema = z
  .object({
    serials: z.array(SerialNumberSchema).min(1).max(500),
    targets: z.array(TargetNameSchema).min(1).max(2_000),
    validDays: z.number().int().min(1).max(365).optional(),
    exportId: ExportIdSchema,
  })
  .strict();

export const appApi = defineAppApi({
  methods: {
    'app.info': { input: none, output: AppInfoSchema },
    'settings.get': { input: none, output: SettingsSchema },
    'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },

    'session.get': { input: none, output: SessionViewSchema },
    'session.signIn': {
      input: SignInSchema.extend({ portalUrl: z.url().max(2_000).optional() }).strict(),
      output: SessionViewSchema,
    },
    'session.signOut': { input: none, output: SessionViewSchema },
    /** Trust a portal's root.json explicitly; answers with its fingerprint. */
    'trust.set': { input: z.object({ rootPath: z.string().min(1).max(1_000) }).strict(), output: SessionViewSchema },

    'contracts.list': { input: none, output: z.object({ contracts: z.array(ContractViewSchema) }) },
    'systems.list': { input: none, output: z.object({ systems: z.array(InventorySystemSchema) }) },
    /** `notInCatalog`: the admin confirms the version is not in the vendor's catalog (installed by other means). */
    'systems.setVersion': {
      input: InstalledReportCreateSchema.pick({ version: true, notInCatalog: true }).extend({
        serialNumber: SerialNumberSchema,
      }),
      output: InventorySystemSchema,
    },
    'updates.check': {
      input: none,
      output: z.object({ resolutions: z.array(ResolutionSchema), checkedAt: InstantSchema }),
    },

    /** Who downloaded what for which system, newest first (customer admins: their customer's). */
    /**
     * The back office's console: one call of the portal's admin endpoints (those only a portal administrator may
     * call), passed through the signed-in session. The portal client checks the input and the answer against the
     * endpoint's own schemas; the renderer reads the answer with the same schema.
     */
    'console.call': {
      input: z
        .object({
          endpoint: z.enum(ADMIN_ENDPOINTS as [AdminEndpointName, ...AdminEndpointName[]]),
          params: z.record(z.string(), z.string()).optional(),
          query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
          body: z.unknown().optional(),
        })
        .strict(),
      output: z.unknown(),
    },
    /**
     * Self-help: one call of the knowledge base's, the assistant's or the community's endpoints, passed through the
     * signed-in session like the console's; the portal decides who may do what.
     */
    'selfhelp.call': {
      input: z
        .object({
          endpoint: z.enum(SELFHELP_ENDPOINTS as [SelfHelpEndpointName, ...SelfHelpEndpointName[]]),
          params: z.record(z.string(), z.string()).optional(),
          query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
          body: z.unknown().optional(),
          idempotencyKey: z.uuid().optional(),
        })
        .strict(),
      output: z.unknown(),
    },
    /** Which kinds of e-mail the portal sends the signed-in account, and turning kinds on or off. */
    'mail.preferences': { input: none, output: MailPreferencesSchema },
    'mail.setPreferences': { input: MailPreferencesUpdateSchema, output: MailPreferencesSchema },
    'records.downloads': {
      input: z.object({ contractId: IdSchema.optional(), before: z.string().max(200).optional() }).strict(),
      output: DownloadRecordsSchema,
    },
    /** `toFolder`: also copy the verified file into the download folder under its real name (bulk downloads). */
    'downloads.start': {
      input: z
        .object({
          targetName: TargetNameSchema,
          serialNumber: SerialNumberSchema.optional(),
          toFolder: z.boolean().optional(),
        })
        .strict(),
      output: DownloadViewSchema,
    },
    'downloads.folder': { input: none, output: DownloadFolderViewSchema },
    /** Checks the folder (a full path, a folder this account may write to) before keeping it; null goes back to the default. */
    'downloads.setFolder': {
      input: z.object({ folder: LocalPathSchema.nullable() }).strict(),
      output: DownloadFolderViewSchema,
    },
    'downloads.list': { input: none, output: z.object({ downloads: z.array(DownloadViewSchema) }) },
    'downloads.pause': { input: z.object({ id: z.string().max(64) }).strict(), output: DownloadViewSchema },
    'downloads.resume': { input: z.object({ id: z.string().max(64) }).strict(), output: DownloadViewSchema },
    'downloads.cancel': { input: z.object({ id: z.string().max(64) }).strict(), output: DownloadViewSchema },

    // The window names the run, so the install.log events it receives while the call runs can be told apart.
    'install.run': {
      input: z
        .object({ targetName: TargetNameSchema, serialNumber: SerialNumberSchema, installId: InstallIdSchema })
        .strict(),
      output: InstallOutcomeSchema,
    },
    /** The path from the installed version to a version, every hop checked against the contract; nothing is downloaded. */
    'upgrade.plan': {
      input: z.object({ serialNumber: SerialNumberSchema, toVersion: VersionSchema }).strict(),
      output: PathPlanViewSchema,
    },
    /** Plans again and installs the hops in order (install.log lines carry the hop), stopping at the first failure. */
    'upgrade.run': {
      input: z
        .object({ serialNumber: SerialNumberSchema, toVersion: VersionSchema, installId: InstallIdSchema })
        .strict(),
      output: PathOutcomeSchema,
    },

    /** The system's last failed installation, until a request is sent for it or it is dismissed. */
    'failures.open': {
      input: z.object({ serialNumber: SerialNumberSchema }).strict(),
      output: z.object({ failure: OpenFailureSchema.nullable() }),
    },
    'failures.dismiss': {
      input: z.object({ failureId: z.string().min(1).max(200) }).strict(),
      output: z.object({ dismissed: z.literal(true) }),
    },
    'requests.draft': {
      input: z.object({ failureId: z.string().min(1).max(200), priority: PrioritySchema.optional() }).strict(),
      output: RequestDraftSchema,
    },
    /**
     * A file for a request about to be sent, checked (size, content) and kept on this desktop until the request is
     * created; base64 in the call, since the page cannot hand over a path, and one file per call to bound its size.
     */
    'requests.stageAttachment': {
      input: z
        .object({ fileName: AttachmentFileNameSchema, dataBase64: z.string().max(ATTACHMENT_MAX_BASE64_CHARS + 4) })
        .strict(),
      output: StagedFileSchema,
    },
    'requests.submit': {
      input: z
        .object({
          request: ServiceRequestCreateSchema,
          idempotencyKey: z.uuid(),
          attachments: z.array(StagedFileSchema).max(ATTACHMENTS_PER_REQUEST_MAX).optional(),
        })
        .strict(),
      output: SubmitOutcomeSchema,
    },
    /** Requests waiting on this desktop: not sent yet, or refused by the portal and kept for editing. */
    'requests.outbox': { input: none, output: z.object({ entries: z.array(OutboxEntrySchema) }) },
    'requests.discard': {
      input: z.object({ idempotencyKey: z.uuid() }).strict(),
      output: z.object({ entries: z.array(OutboxEntrySchema) }),
    },
    'requests.list': {
      input: z.object({ state: RequestStateSchema.optional() }).strict(),
      output: z.object({ requests: z.array(ServiceRequestSchema) }),
    },
    'requests.get': { input: RequestIdSchema, output: ServiceRequestDetailSchema },
    'requests.act': {
      input: ActionBodySchema.pick({ action: true }).extend({ id: IdSchema }),
      output: ServiceRequestSchema,
    },
    'requests.take': { input: RequestIdSchema, output: ServiceRequestSchema },
    'requests.message': { input: MessageCreateSchema.extend({ id: IdSchema }), output: MessageSchema },
    'requests.grant': {
      input: z.object({ id: IdSchema, grant: GrantCreateSchema }).strict(),
      output: GrantSchema.extend({ password: z.string() }),
    },
    'requests.revokeGrant': { input: z.object({ grantId: IdSchema }).strict(), output: GrantSchema },
    /** The engineer reveals a grant's password on demand; the portal audits each read. */
    'requests.grantPassword': {
      input: z.object({ grantId: IdSchema }).strict(),
      output: z.object({ password: z.string() }),
    },
    /** The engineer proposes a solution in words, optionally with a file that is attached to the request with it. */
    'requests.proposeSolution': {
      input: z
        .object({ id: IdSchema, text: SolutionCreateSchema.shape.text, attachment: AttachmentUploadSchema.optional() })
        .strict(),
      output: ServiceRequestSchema,
    },
    /** The customer rejects the proposed solution, saying why. */
    'requests.rejectSolution': {
      input: z.object({ id: IdSchema, reason: ActionBodySchema.shape.reason.unwrap() }).strict(),
      output: ServiceRequestSchema,
    },
    'requests.survey': { input: z.object({ id: IdSchema, survey: SurveySchema }).strict(), output: SurveySchema },

    /** Exports the chosen releases with their proof as one bundle file at `path` (never over an existing file). */
    'bundles.export': {
      input: BundleSelectionSchema.extend({ path: LocalPathSchema }).strict(),
      output: BundleExportViewSchema,
    },
    /** Exports them into a new or empty folder: packages under their real names, and the proof beside them. */
    'bundles.exportFolder': {
      input: BundleSelectionSchema.extend({ folder: LocalPathSchema }).strict(),
      output: BundleExportViewSchema,
    },
    /** Verifies a bundle file offline against the root this machine trusts; nothing is installed or trusted. */
    'bundles.verify': {
      input: z.object({ path: LocalPathSchema, serialNumber: SerialNumberSchema.optional() }).strict(),
      output: BundleVerdictViewSchema,
    },
    /** Verifies again and installs a package of the bundle on a system; the log streams as `install.log`. */
    'bundles.install': {
      input: z
        .object({
          path: LocalPathSchema,
          serialNumber: SerialNumberSchema,
          targetName: TargetNameSchema.optional(),
          installId: InstallIdSchema,
        })
        .strict(),
      output: InstallOutcomeSchema,
    },

    /** What a support bundle would hold, redacted, before anything is written. */
    'support.preview': { input: none, output: SupportPreviewSchema },
    'support.export': { input: SupportExportInputSchema, output: SupportExportSchema },
  },
  events: {
    'downloads.changed': DownloadViewSchema,
    'install.log': InstallLogLineSchema,
    /** An export's progress per package, named by the window's export id. */
    'bundles.progress': BundleExportProgressSchema,
    'upgrade.hop': PathHopEventSchema,
    /** Something changed on a request (state, message, grant): the renderer reloads it. */
    'requests.changed': z.object({ id: IdSchema, type: z.string() }),
    /** The portal could not tell what changed while the app was not listening: the renderer reloads what it shows. */
    'requests.reset': z.object({}),
    /** A background check found releases the user has not seen yet. */
    'updates.available': z.object({ count: z.number().int().min(0), checkedAt: InstantSchema }),
    'settings.changed': SettingsSchema,
    /** A main action picked in the desktop app's menu; the renderer acts on it as on its keyboard shortcut. */
    'shell.command': z.object({ command: z.enum(SHORTCUT_IDS) }),
  },
});

export type AppApi = typeof appApi;
export type AppInfo = z.infer<typeof AppInfoSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
