/** Remote-guidance service requests, their messages, remote-access grants and satisfaction surveys (DESIGN.md §3.4). */
import { z } from 'zod';
import { PRIORITIES } from '../domain/sla.js';
import { REQUEST_ACTIONS, REQUEST_STATES } from '../domain/request-state.js';
import { REJECTION_REASON_MAX_CHARS, SOLUTION_MAX_CHARS } from '../domain/solution.js';
import {
  IdSchema,
  InstantSchema,
  NonBlankSchema,
  ProductIdSchema,
  SerialNumberSchema,
  Sha256Schema,
  TextSchema,
  VersionSchema,
} from './common.js';

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
  /** The region whose business calendar and response table judge this request, when the region has a record. */
  calendar: z.object({ region: z.string().max(64), name: z.string().max(200) }).optional(),
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

/**
 * A grant as listed: the password never appears here; the assigned engineer reads it through its own audited call.
 * The address and account are null for anybody but the request's customer and its assigned engineer
 * (shared/domain/grant-visibility.ts), and in live events, which every engineer hears.
 */
export const GrantSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  channel: z.enum(GRANT_CHANNELS),
  address: z.string().nullable(),
  account: z.string().nullable(),
  scope: z.enum(GRANT_SCOPES),
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
  revokedAt: InstantSchema.nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});

export const GRANT_AUDIT_KINDS = ['created', 'password-revealed', 'reveal-refused', 'revoked', 'expired'] as const;

/** One line of a grant's audit, as the customer reads it: what happened, when, by whom, on which request. */
export const GrantAuditEntrySchema = z.object({
  at: InstantSchema,
  kind: z.enum(GRANT_AUDIT_KINDS),
  /** Null when the portal did it (revocation as the request ended) or for expiry, which nobody does. */
  by: z
    .object({ name: z.string(), role: z.enum(['customer-admin', 'it-staff', 'engineer', 'portal-admin']) })
    .nullable(),
  requestNumber: z.string(),
});

/** A grant on its request's page, with its audit (empty for those who may not see the grant's details). */
export const GrantDetailSchema = GrantSchema.extend({ audit: z.array(GrantAuditEntrySchema) });

/** A proposal as the engineer writes it; the text is checked by assertActionNote, so a blank one gets its own code. */
export const SolutionCreateSchema = z
  .object({
    text: z.string().max(SOLUTION_MAX_CHARS),
    /** An attachment already uploaded to the request (a script, a screenshot) that goes with the solution. */
    attachmentId: IdSchema.optional(),
  })
  .strict();

export const ActionBodySchema = z
  .object({
    action: z.enum(REQUEST_ACTIONS),
    /** Required with propose-solution, refused with anything else. */
    solution: SolutionCreateSchema.optional(),
    /** Required with reject-solution: why the solution did not work. */
    reason: z.string().max(REJECTION_REASON_MAX_CHARS).optional(),
  })
  .strict();

/** Each proposal is kept: a request can be proposed, rejected (with the customer's reason) and proposed again. */
export const SolutionSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  /** 1 for the first proposal on the request, then 2, … */
  round: z.number().int().min(1),
  text: z.string(),
  attachmentId: IdSchema.nullable(),
  proposedBy: IdSchema,
  proposedAt: InstantSchema,
  outcome: z.enum(['pending', 'confirmed', 'rejected']),
  rejectionReason: z.string().nullable(),
  decidedAt: InstantSchema.nullable(),
});

export const SurveySchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: TextSchema(5_000).default(''),
  })
  .strict();

/** Files a customer or engineer adds to a request: logs, dumps, screenshots. The portal checks the bytes, not the label. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** The longest base64 text of one attachment, for the transports that carry it (the app's hosts, the portal). */
export const ATTACHMENT_MAX_BASE64_CHARS = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;
/** How many files one request opened from the desktop may carry. */
export const ATTACHMENTS_PER_REQUEST_MAX = 10;
export const ATTACHMENT_TYPES = [
  'text/plain',
  'application/json',
  'application/gzip',
  'application/zip',
  'image/png',
  'image/jpeg',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** A file name as shown to people; never used as a path (the portal stores bytes under its own id). */
export const AttachmentFileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^/\\\p{Cc}]+$/u, 'no slashes or control characters')
  .refine((name) => name !== '.' && name !== '..', 'not "." or ".."');

export const AttachmentUploadSchema = z
  .object({
    fileName: AttachmentFileNameSchema,
    /** The declared type; one of ATTACHMENT_TYPES (parameters such as charset are ignored). */
    contentType: z.string().min(1).max(100),
    /** The file's bytes, base64 (standard alphabet, padded); at most ATTACHMENT_MAX_BYTES once decoded. */
    dataBase64: z.string().max(16 * 1024 * 1024),
  })
  .strict();

export const AttachmentSchema = z.object({
  id: IdSchema,
  requestId: IdSchema,
  fileName: z.string(),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().int().min(0),
  sha256: Sha256Schema,
  uploadedBy: IdSchema,
  uploaderRole: z.enum(['customer-admin', 'engineer']),
  at: InstantSchema,
});

/** One request with everything said and granted on it, and what the caller may do next. */
export const ServiceRequestDetailSchema = ServiceRequestSchema.extend({
  messages: z.array(MessageSchema),
  attachments: z.array(AttachmentSchema),
  grants: z.array(GrantDetailSchema),
  /** Every solution proposed on the request, oldest first. */
  solutions: z.array(SolutionSchema),
  surveyAnswered: z.boolean(),
  allowedActions: z.array(z.enum(REQUEST_ACTIONS)),
});

/** What the live event stream (GET /api/v1/events, server-sent events) carries; `event:` is the type, `data:` the JSON. */
export const REQUEST_EVENT_TYPES = ['request.changed', 'request.message', 'grant.changed'] as const;
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];
export const RequestEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request.changed'), request: ServiceRequestSchema }),
  z.object({ type: z.literal('request.message'), requestId: IdSchema, number: z.string(), message: MessageSchema }),
  z.object({ type: z.literal('grant.changed'), requestId: IdSchema, number: z.string(), grant: GrantSchema }),
]);

/**
 * Sent by the live event stream, in place of a replay, when it cannot tell what a reconnecting client missed (its
 * Last-Event-ID is unknown, or older than the retention): the client reloads its lists and carries on from here.
 */
export const STREAM_RESET_EVENT = 'reset';
export const StreamResetSchema = z.object({ type: z.literal(STREAM_RESET_EVENT) });

/**
 * The first frame of a fresh stream: it carries the id the stream starts at, so that a client's first reconnect
 * already replays what it missed. It has data because SSE readers report only frames with data.
 */
export const STREAM_READY_EVENT = 'ready';

export type ServiceRequestCreate = z.infer<typeof ServiceRequestCreateSchema>;
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;
export type InstallFailure = z.infer<typeof InstallFailureSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type GrantCreate = z.infer<typeof GrantCreateSchema>;
export type Grant = z.infer<typeof GrantSchema>;
export type GrantAuditEntry = z.infer<typeof GrantAuditEntrySchema>;
export type GrantDetail = z.infer<typeof GrantDetailSchema>;
export type SolutionCreate = z.infer<typeof SolutionCreateSchema>;
export type Solution = z.infer<typeof SolutionSchema>;
export type ActionBody = z.infer<typeof ActionBodySchema>;
export type Survey = z.infer<typeof SurveySchema>;
export type AttachmentUpload = z.infer<typeof AttachmentUploadSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type ServiceRequestDetail = z.infer<typeof ServiceRequestDetailSchema>;
export type RequestEvent = z.infer<typeof RequestEventSchema>;
