/**
 * The portal's HTTP API, declared once: the portal registers its routes from this table (validating params, query
 * and body with these schemas and generating /openapi.json from them), and the client core derives its calls.
 */
import { z } from 'zod';
import { AccountSchema, SessionSchema, SignInSchema } from './accounts.js';
import { ReleaseTargetSchema } from './catalog.js';
import { IdSchema, ProductIdSchema, SerialNumberSchema, VersionSchema } from './common.js';
import {
  ContractViewSchema,
  InstalledReportCreateSchema,
  InstalledReportSchema,
  KnownWithdrawalSchema,
  SystemEntitlementSchema,
  SystemRecordSchema,
} from './entitlement.js';
import { KnowledgeArticleSchema, KnowledgeSearchSchema, KnownIssueQuerySchema } from './knowledge.js';
import { DownloadRecordsQuerySchema, DownloadRecordsSchema } from './downloads.js';
import {
  ActionBodySchema,
  AttachmentSchema,
  AttachmentUploadSchema,
  GrantCreateSchema,
  GrantSchema,
  MessageCreateSchema,
  MessageSchema,
  RequestStateSchema,
  ServiceRequestCreateSchema,
  ServiceRequestDetailSchema,
  ServiceRequestSchema,
  SurveySchema,
} from './requests.js';
import { REQUEST_OPENERS } from '../domain/request-state.js';
import { HicareError } from '../errors.js';
import { auditApi } from './admin/audit.js';
import { customersApi } from './admin/customers.js';
import { contractsApi } from './admin/contracts.js';
import { regionsApi } from './admin/regions.js';
import { releasesApi } from './admin/releases.js';
import { reportsApi } from './admin/reports.js';
import { mailApi } from './admin/mail.js';
import { articlesApi } from './admin/articles.js';
import { kbApi } from './selfhelp/kb.js';
import { communityApi } from './selfhelp/community.js';
import { bundleApi } from './bundle.js';
import {
  conversation,
  customer,
  customerOrStaff,
  customerOrVendorAdmin,
  endpoint,
  engineer,
  people,
  support,
  type Endpoint,
} from './endpoint.js';

export type { Endpoint, HttpMethod } from './endpoint.js';

const IdParams = z.object({ id: IdSchema }).strict();

export const portalApi = {
  signIn: endpoint({
    method: 'POST',
    path: '/api/v1/sessions',
    summary: 'Sign in with e-mail and password',
    auth: 'public',
    body: SignInSchema,
    response: SessionSchema,
  }),
  signOut: endpoint({
    method: 'DELETE',
    path: '/api/v1/sessions/current',
    summary: 'Revoke the token used for this call',
    auth: people,
    response: z.object({ ok: z.literal(true) }),
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/v1/me',
    summary: 'The signed-in account',
    auth: people,
    response: AccountSchema,
  }),
  contracts: endpoint({
    method: 'GET',
    path: '/api/v1/contracts',
    summary: "The caller's contracts with their computed status",
    auth: customerOrStaff,
    response: z.object({ contracts: z.array(ContractViewSchema) }),
  }),
  systems: endpoint({
    method: 'GET',
    path: '/api/v1/systems',
    summary: "The caller's covered systems with the installed version the portal last recorded",
    auth: customerOrStaff,
    response: z.object({ systems: z.array(SystemRecordSchema) }),
  }),
  systemEntitlement: endpoint({
    method: 'GET',
    path: '/api/v1/systems/:serialNumber/entitlement',
    summary: 'The verdict for every release of a covered system’s product',
    auth: customerOrStaff,
    params: z.object({ serialNumber: SerialNumberSchema }).strict(),
    query: z
      .object({
        installedVersion: z.string().max(64).optional(),
        platform: z.string().max(32).optional(),
        previews: z.enum(['0', '1']).optional(),
      })
      .strict(),
    response: SystemEntitlementSchema,
  }),
  withdrawals: endpoint({
    method: 'GET',
    path: '/api/v1/withdrawals',
    summary: 'The releases the vendor withdrew, with which of the caller’s systems downloaded each before',
    auth: customerOrStaff,
    response: z.object({ withdrawals: z.array(KnownWithdrawalSchema) }),
  }),
  reportInstalled: endpoint({
    method: 'POST',
    path: '/api/v1/systems/:serialNumber/installed',
    summary: 'Report the version installed or entered on a covered system',
    auth: customerOrStaff,
    params: z.object({ serialNumber: SerialNumberSchema }).strict(),
    body: InstalledReportCreateSchema,
    response: InstalledReportSchema,
    idempotent: true,
  }),
  releases: endpoint({
    method: 'GET',
    path: '/api/v1/products/:product/releases',
    summary: 'The catalog entries of one product',
    auth: people,
    params: z.object({ product: ProductIdSchema }).strict(),
    response: z.object({ releases: z.array(ReleaseTargetSchema) }),
  }),
  knowledge: endpoint({
    method: 'GET',
    path: '/api/v1/knowledge',
    summary: 'Search documents and known issues (by text, product, exit code or installer log)',
    auth: people,
    query: KnowledgeSearchSchema,
    response: z.object({ articles: z.array(KnowledgeArticleSchema) }),
  }),
  knownIssues: endpoint({
    method: 'POST',
    path: '/api/v1/knowledge/known-issues',
    summary: 'The known issues matching a failed installation (product, version, exit code, installer log)',
    auth: people,
    body: KnownIssueQuerySchema,
    response: z.object({ articles: z.array(KnowledgeArticleSchema) }),
  }),
  createRequest: endpoint({
    method: 'POST',
    path: '/api/v1/requests',
    summary: 'Open a remote-guidance request',
    auth: REQUEST_OPENERS,
    body: ServiceRequestCreateSchema,
    response: ServiceRequestSchema,
    idempotent: true,
  }),
  listRequests: endpoint({
    method: 'GET',
    path: '/api/v1/requests',
    summary: 'Requests visible to the caller (engineers: the queue by time left)',
    auth: support,
    query: z.object({ state: RequestStateSchema.optional() }).strict(),
    response: z.object({ requests: z.array(ServiceRequestSchema) }),
  }),
  getRequest: endpoint({
    method: 'GET',
    path: '/api/v1/requests/:id',
    summary: 'One request with its messages, attachments and grants (no passwords)',
    auth: support,
    params: IdParams,
    response: ServiceRequestDetailSchema,
  }),
  takeRequest: endpoint({
    method: 'POST',
    path: '/api/v1/requests/:id/take',
    summary: 'Assign an accepted, unassigned request to the calling engineer',
    auth: engineer,
    params: IdParams,
    response: ServiceRequestSchema,
  }),
  actOnRequest: endpoint({
    method: 'POST',
    path: '/api/v1/requests/:id/actions',
    summary: 'Move a request through its states (proposing carries the solution, rejecting it the reason)',
    auth: support,
    params: IdParams,
    body: ActionBodySchema,
    response: ServiceRequestSchema,
  }),
  postMessage: endpoint({
    method: 'POST',
    path: '/api/v1/requests/:id/messages',
    summary: 'Write to the other side',
    auth: support,
    params: IdParams,
    body: MessageCreateSchema,
    response: MessageSchema,
  }),
  uploadAttachment: endpoint({
    method: 'POST',
    path: '/api/v1/requests/:id/attachments',
    summary: 'Attach a file (log, archive, screenshot; at most 5 MiB, checked by its content)',
    auth: conversation,
    params: IdParams,
    body: AttachmentUploadSchema,
    response: AttachmentSchema,
  }),
  createGrant: endpoint({
    method: 'POST',
    path: '/api/v1/requests/:id/grants',
    summary: 'Grant temporary remote access',
    auth: customer,
    params: IdParams,
    body: GrantCreateSchema,
    response: GrantSchema.extend({ password: z.string() }),
  }),
  getGrant: endpoint({
    method: 'GET',
    path: '/api/v1/grants/:id',
    summary: 'One grant (no password)',
    auth: support,
    params: IdParams,
    response: GrantSchema,
  }),
  revokeGrant: endpoint({
    method: 'POST',
    path: '/api/v1/grants/:id/revoke',
    summary: 'Revoke a grant at once',
    auth: customer,
    params: IdParams,
    response: GrantSchema,
  }),
  readGrantPassword: endpoint({
    method: 'GET',
    path: '/api/v1/grants/:id/password',
    summary: 'The grant’s password, for the assigned engineer only (audited)',
    auth: engineer,
    params: IdParams,
    response: z.object({ password: z.string() }),
  }),
  answerSurvey: endpoint({
    method: 'POST',
    path: '/api/v1/requests/:id/survey',
    summary: 'Answer the satisfaction survey once after closure',
    auth: customer,
    params: IdParams,
    body: SurveySchema,
    response: SurveySchema,
  }),
  downloadRecords: endpoint({
    method: 'GET',
    path: '/api/v1/downloads',
    summary: 'Who downloaded which release for which system, and when (the caller’s customer; newest first, paged)',
    auth: customerOrVendorAdmin,
    query: DownloadRecordsQuerySchema,
    response: DownloadRecordsSchema,
  }),
  // The back office (DESIGN.md §6.2), one table per subject under ./admin/.
  ...auditApi,
  ...customersApi,
  ...contractsApi,
  ...regionsApi,
  ...releasesApi,
  ...reportsApi,
  ...mailApi,
  ...articlesApi,
  ...kbApi,
  ...communityApi,
  ...bundleApi,
} as const satisfies Record<string, Endpoint>;

export type PortalApi = typeof portalApi;

/**
 * Package bytes and catalog metadata are not JSON calls, so they sit beside the table: `GET|HEAD
 * /api/v1/packages/<target name>` (bearer; Range, If-Range; the bytes only when the verdict allows the release for
 * the named system or one of the caller's systems) and `GET /tuf/<role>.json` (public, signed).
 */
export const PACKAGES_PATH = '/api/v1/packages/';
export const TUF_PATH = '/tuf/';

/**
 * Live events, as server-sent events (`text/event-stream`, bearer; customer admins get their customer's, engineers
 * and portal admins everybody's): `request.changed`, `request.message`, `grant.changed` (RequestEventSchema), and a
 * comment line every 15 s to keep proxies from closing the stream.
 *
 * Ids: every event's `id:` is a positive integer given by the portal's database, the same through every portal
 * instance and increasing in the order events happened; a stream opens with an `id:` line of the newest id. A
 * client that reconnects sends the last id it saw as `Last-Event-ID` and is first sent, in order, the events it
 * missed (only those it may hear). Events are kept for 24 hours (EVENT_RETENTION_HOURS); when the id is older than
 * that, unknown to the portal, not a number, or more than 1000 events behind, the stream sends one `reset` event
 * (StreamResetSchema, with the newest id) instead: reload what you show, then carry on listening.
 */
export const EVENT_RETENTION_HOURS = 24;
export const EVENTS_PATH = '/api/v1/events';

/** An attachment's bytes: `GET /api/v1/attachments/<id>` (bearer; whoever may see its request), served as a download. */
export const ATTACHMENTS_PATH = '/api/v1/attachments/';
export function attachmentPath(id: string): string {
  return ATTACHMENTS_PATH + encodeURIComponent(id);
}

export const PackageQuerySchema = z
  .object({
    /** The system the package is for; recorded in the download audit. Any of the caller's systems when absent. */
    serialNumber: SerialNumberSchema.optional(),
    /** The version the system runs now, as detected; the portal's record of it when absent. */
    installedVersion: VersionSchema.optional(),
    previews: z.enum(['0', '1']).optional(),
  })
  .strict();
export type PackageQuery = z.infer<typeof PackageQuerySchema>;

/** The package URL path for a target name: each segment encoded, the slashes kept. */
export function packagePath(targetName: string): string {
  return PACKAGES_PATH + targetName.split('/').map(encodeURIComponent).join('/');
}
export type EndpointName = keyof PortalApi;

/** The back office's endpoints: those only a portal administrator may call. The app's console reaches these only. */
export type AdminEndpointName = {
  [K in EndpointName]: PortalApi[K]['auth'] extends readonly ['portal-admin'] ? K : never;
}[EndpointName];

/**
 * Self-help (DESIGN.md §3.5): the knowledge base, the assistant and the community, for every role; the app passes
 * these through one method as it does the console's.
 */
export type SelfHelpEndpointName = keyof typeof kbApi | keyof typeof communityApi;
export const SELFHELP_ENDPOINTS = [...Object.keys(kbApi), ...Object.keys(communityApi)] as SelfHelpEndpointName[];

export const ADMIN_ENDPOINTS = (Object.keys(portalApi) as EndpointName[]).filter((name): name is AdminEndpointName => {
  const auth = portalApi[name].auth;
  return auth !== 'public' && auth.length === 1 && auth[0] === 'portal-admin';
});

/** Fills `:name` segments from params, encoding each so a value can never add a path segment. */
export function endpointPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new HicareError('INVALID_INPUT.pathParameter', { name });
    return encodeURIComponent(value);
  });
}
