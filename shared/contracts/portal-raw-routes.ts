/**
 * The portal's routes whose answer is not one JSON document checked against a schema: package bytes, the signed
 * catalog's metadata, the manager's own update feed, attachment downloads and the live event stream. They sit beside
 * the JSON table of ./portal-api.ts so that one declaration still says what the portal serves: the portal registers
 * them from here and /openapi.json documents them from here, content types and all.
 */
import { z } from 'zod';
import { IdSchema } from './common.js';
import { ATTACHMENTS_PATH, EVENTS_PATH, PACKAGES_PATH, PackageQuerySchema, TUF_PATH } from './portal-api.js';
import { RequestEventSchema, StreamResetSchema } from './requests.js';
import type { Role } from '../domain/request-state.js';

/** The feed electron-updater's generic provider reads: `/app-updates/<os>/<arch>/<channel file or installer>`. */
export const APP_UPDATES_PATH = '/app-updates/';

export interface RawContent {
  /** The media type of the body, as sent in Content-Type. */
  type: string;
  /** The body's shape, when it has one a schema can say (the data of an event stream, a JSON document). */
  schema?: z.ZodType;
}

export interface RawAnswer {
  description: string;
  content?: RawContent;
}

export interface RawHeader {
  name: string;
  description: string;
}

export interface RawRoute {
  /** POST only for the plain HTML forms an e-mail link opens (the survey, unsubscribing): their bodies are forms. */
  methods: readonly ('GET' | 'HEAD' | 'POST')[];
  /** Fastify-style path: `:name` segments are params, a trailing `*` is the rest of the address, named by `rest`. */
  path: string;
  rest?: { name: string; description: string };
  summary: string;
  /** Roles that may call it; `public` needs no token. */
  auth: 'public' | readonly Role[];
  /** What a refused caller was trying to do, when it has words of its own; the summary is quoted otherwise. */
  action?: 'downloadPackages';
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: readonly RawHeader[];
  /** The successful answers by status; a coded error body is documented for every route besides these. */
  answers: Readonly<Record<string, RawAnswer>>;
}

const bytes: RawContent = { type: 'application/octet-stream' };
const page: RawContent = { type: 'text/html' };

/**
 * The pages an e-mail's links open, without signing in: the token in the address is the capability (stored only
 * hashed), so a POST without it cannot do anything. Refusals are pages too, with the coded error in them.
 */
function mailPages() {
  const token = z.object({ token: z.string().min(20).max(100) }).strict();
  return {
    surveyPage: {
      methods: ['GET'],
      path: '/survey/:token',
      summary: 'The satisfaction survey of a closed request, from its invitation e-mail: one use, 30 days',
      auth: 'public',
      params: token,
      answers: {
        '200': { description: 'The survey form (1–5 and a comment), or a coded refusal page', content: page },
      },
    },
    surveyAnswer: {
      methods: ['POST'],
      path: '/survey/:token',
      summary: 'Records the survey answer (form fields rating and comment); the link is used up',
      auth: 'public',
      params: token,
      answers: { '200': { description: 'Thanks, or a coded refusal page (used, expired)', content: page } },
    },
    unsubscribePage: {
      methods: ['GET'],
      path: '/mail/unsubscribe/:token',
      summary: 'Asks to turn off one kind of e-mail for the account it was sent to',
      auth: 'public',
      params: token,
      answers: { '200': { description: 'A page with one button', content: page } },
    },
    unsubscribe: {
      methods: ['POST'],
      path: '/mail/unsubscribe/:token',
      summary: 'Turns off one kind of e-mail for the account it was sent to',
      auth: 'public',
      params: token,
      answers: { '200': { description: 'Done', content: page } },
    },
  } as const;
}
const conditional: readonly RawHeader[] = [
  { name: 'If-None-Match', description: 'An ETag from before: 304 when it still matches' },
];

export const portalRawRoutes = {
  downloadPackage: {
    methods: ['GET', 'HEAD'],
    path: `${PACKAGES_PATH}*`,
    rest: {
      name: 'target',
      description: 'The TUF target name, or its consistent-snapshot path; "/" kept between segments',
    },
    summary:
      'The bytes of a signed target, when the entitlement verdict allows its release (supports Range and If-Range)',
    auth: ['customer-admin', 'it-staff'],
    action: 'downloadPackages',
    query: PackageQuerySchema,
    headers: [
      { name: 'Range', description: 'One byte range, to resume a download' },
      {
        name: 'If-Range',
        description: 'The ETag the first part came with: the range only while the bytes are the same',
      },
      ...conditional,
    ],
    answers: {
      '200': { description: 'The whole package', content: bytes },
      '206': { description: 'The requested range', content: bytes },
      '302': { description: 'A presigned store address, valid a few minutes (when the portal delivers by redirect)' },
      '304': { description: 'Not modified' },
    },
  },
  tufMetadata: {
    methods: ['GET', 'HEAD'],
    path: `${TUF_PATH}*`,
    rest: {
      name: 'file',
      description:
        "timestamp.json, root.json, N.root.json, N.snapshot.json, N.targets.json, a product's role N.product.<product>.json or a hash bin",
    },
    summary: 'Signed TUF metadata, public and cacheable',
    auth: 'public',
    headers: conditional,
    answers: {
      '200': { description: 'Signed metadata, byte for byte as signed', content: { type: 'application/json' } },
      '304': { description: 'Not modified' },
    },
  },
  appUpdates: {
    methods: ['GET', 'HEAD'],
    path: `${APP_UPDATES_PATH}*`,
    rest: {
      name: 'file',
      description: '<os>/<arch>/<name>: the channel file electron-updater asks for, or an installer it names',
    },
    summary: "The manager's own update feed, made from the newest signed installers for an OS and architecture",
    auth: 'public',
    headers: [...conditional, { name: 'Range', description: 'One byte range of an installer, to resume a download' }],
    answers: {
      '200': {
        description: `The channel file (application/yaml) or the installer's bytes`,
        content: { type: 'application/yaml' },
      },
      '206': { description: "A range of the installer's bytes", content: bytes },
      '304': { description: 'Not modified' },
    },
  },
  attachmentContent: {
    methods: ['GET'],
    path: `${ATTACHMENTS_PATH}:id`,
    summary: "An attachment's bytes, for whoever may see its request, as a download",
    auth: ['customer-admin', 'engineer', 'portal-admin'],
    params: z.object({ id: IdSchema }).strict(),
    answers: { '200': { description: 'The file, with its own content type and X-Content-SHA256', content: bytes } },
  },
  liveEvents: {
    methods: ['GET'],
    path: EVENTS_PATH,
    summary:
      'Listen to live events of service requests (server-sent events; a reset when missed events cannot be told)',
    auth: ['customer-admin', 'engineer', 'portal-admin'],
    headers: [{ name: 'Last-Event-ID', description: 'The last id seen: what was missed is sent first' }],
    answers: {
      '200': {
        description: 'An endless event stream; each data line is one event',
        content: { type: 'text/event-stream', schema: z.union([RequestEventSchema, StreamResetSchema]) },
      },
    },
  },
  ...mailPages(),
} as const satisfies Record<string, RawRoute>;

export type PortalRawRoutes = typeof portalRawRoutes;
export type RawRouteName = keyof PortalRawRoutes;

/**
 * For load balancers, monitoring and integrators: no customer data. Registered by the portal's operations modules,
 * documented here with the rest so that /openapi.json lists every address the portal answers.
 */
export const portalOpsRoutes = {
  liveness: {
    methods: ['GET'],
    path: '/healthz',
    summary: 'The process answers (no dependency is asked)',
    auth: 'public',
    answers: { '200': { description: '{"ok": true}', content: { type: 'application/json' } } },
  },
  readiness: {
    methods: ['GET'],
    path: '/readyz',
    summary:
      'Whether this instance can serve: database reachable, migrations current, store reachable, signed catalog not expired',
    auth: 'public',
    answers: {
      '200': { description: 'Ready; every check listed', content: { type: 'application/json' } },
      '503': { description: 'Not ready; details.checks names the failing checks in plain words' },
    },
  },
  metrics: {
    methods: ['GET'],
    path: '/metrics',
    summary: 'Prometheus metrics (a bearer token when the portal is configured with one)',
    auth: 'public',
    answers: { '200': { description: 'Prometheus text format', content: { type: 'text/plain' } } },
  },
  openApi: {
    methods: ['GET'],
    path: '/openapi.json',
    summary: 'This document',
    auth: 'public',
    answers: { '200': { description: 'OpenAPI 3.1', content: { type: 'application/json' } } },
  },
} as const satisfies Record<string, RawRoute>;
