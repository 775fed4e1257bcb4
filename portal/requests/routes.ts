/**
 * The service-request routes of the shared endpoint table (requests, actions, messages, attachments, grants,
 * surveys), the live event stream, the attachment download, and the automatic-closure sweep: the handlers
 * `requestRoutes` gives the portal's route table, and what it sets up beside them.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalidValues, plainIssues, safeParsePlain } from '../../shared/api/plain-issues.js';
import { portalApi } from '../../shared/contracts/portal-api.js';
import { portalRawRoutes } from '../../shared/contracts/portal-raw-routes.js';
import { ATTACHMENT_MAX_BYTES } from '../../shared/contracts/requests.js';
import { attachmentTooLarge } from '../../shared/domain/attachment-type.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import { markReplayed, sendError, type Authenticate } from '../http/endpoints.js';
import type { Locale } from '../../shared/i18n/locales.js';
import { requestLocale } from '../http/locale.js';
import type { PortalHandlers } from '../http/route-table.js';
import { readAttachment, uploadAttachment } from './attachments.js';
import { scheduleAutoClose } from './auto-close.js';
import { requestContext, type RequestContext, type RequestOptions } from './context.js';
import { checkRequiredFields, createServiceRequest } from './create.js';
import { liveEventsHandler } from './event-stream.js';
import { createGrant, getGrant, readGrantPassword, revokeGrant } from './grants.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from './idempotency.js';
import { postMessage } from './messages.js';
import { listRequests, requestDetail } from './queries.js';
import { answerSurvey } from './surveys.js';
import { actOnRequest, takeRequest } from './transitions.js';

/** Base64 of the largest attachment plus room for the JSON around it. */
const ATTACHMENT_BODY_LIMIT = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 64 * 1024;

/** The attachment's id from its address, checked as the raw route table declares it. */
function validAttachmentId(params: unknown, locale: Locale): { id: string } {
  const parsed = safeParsePlain(portalRawRoutes.attachmentContent.params, params ?? {});
  if (parsed.success) return parsed.data;
  throw invalidValues(plainIssues(parsed.error, ['params'], locale), 'INVALID_INPUT.valuesResend', {}, locale);
}

function bearerOf(request: FastifyRequest): string | null {
  return /^Bearer (\S{1,512})$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/**
 * Route options the shared table cannot express: the attachment upload's larger body (and its coded 413), and the
 * required-field check of a new request, which names the missing fields (REQUEST_FIELD_MISSING) before the schema's
 * generic complaint — only for a signed-in customer admin, so nobody else learns anything before authentication.
 */
function tuneRoutes(app: FastifyInstance, auth: Authenticate): void {
  app.addHook('onRoute', (route) => {
    const method = Array.isArray(route.method) ? route.method : [route.method];
    if (!method.includes('POST')) return;
    if (route.url === portalApi.uploadAttachment.path) {
      route.bodyLimit = ATTACHMENT_BODY_LIMIT;
      route.errorHandler = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
        if (error.statusCode === 413) return sendError(reply, attachmentTooLarge());
        // Anything else is answered by the portal's own error handler.
        throw error;
      };
    }
    if (route.url === portalApi.createRequest.path) {
      route.preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
        try {
          checkRequiredFields(request.body);
        } catch (error) {
          const bearer = bearerOf(request);
          if (bearer === null) return;
          const caller = await auth(bearer, request).catch(() => null);
          if (caller?.account.role !== 'customer-admin') return;
          return sendError(reply, error);
        }
      };
    }
  });
}

type RequestRoutes =
  | 'createRequest'
  | 'listRequests'
  | 'getRequest'
  | 'takeRequest'
  | 'actOnRequest'
  | 'postMessage'
  | 'uploadAttachment'
  | 'createGrant'
  | 'getGrant'
  | 'revokeGrant'
  | 'readGrantPassword'
  | 'answerSurvey'
  | 'attachmentContent'
  | 'liveEvents';

/**
 * The service-request handlers, for the portal's route table; tunes their routes on `app` and schedules the automatic
 * closure. Returns the context they share (event bus, policies).
 */
export function requestRoutes(
  app: FastifyInstance,
  base: EntitlementContext & RequestOptions,
  auth: Authenticate,
): { ctx: RequestContext; handlers: Pick<PortalHandlers, RequestRoutes> } {
  const ctx = requestContext(base, base);
  tuneRoutes(app, auth);
  const stop = scheduleAutoClose(ctx, (error) => app.log.error({ err: error }, 'closing confirmed requests failed'));
  app.addHook('onClose', async () => stop());

  const handlers: Pick<PortalHandlers, RequestRoutes> = {
    createRequest: async ({ caller, body, request, reply }) => {
      const key = idempotencyKeyOf(request.headers[IDEMPOTENCY_HEADER]);
      const { request: created, replayed } = await createServiceRequest(ctx, caller.account, body, key);
      if (replayed) markReplayed(reply);
      return created;
    },
    listRequests: async ({ caller, query }) => ({
      requests: await listRequests(ctx, caller.account, { state: query.state }),
    }),
    getRequest: async ({ caller, params }) => requestDetail(ctx, caller.account, params.id),
    takeRequest: async ({ caller, params }) => takeRequest(ctx, caller.account, params.id),
    actOnRequest: async ({ caller, params, body }) =>
      actOnRequest(ctx, caller.account, params.id, body.action, { solution: body.solution, reason: body.reason }),
    postMessage: async ({ caller, params, body }) => postMessage(ctx, caller.account, params.id, body.body),
    uploadAttachment: async ({ caller, params, body }) => uploadAttachment(ctx, caller.account, params.id, body),
    attachmentContent: async ({ caller, request, reply }) => {
      const { id } = validAttachmentId(request.params, requestLocale(request));
      const { attachment, bytes } = await readAttachment(ctx, caller.account, id);
      return (
        reply
          .type(attachment.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
          // Opened in a browser anyway, it can run nothing.
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('x-content-sha256', attachment.sha256)
          .send(bytes)
      );
    },
    createGrant: async ({ caller, params, body }) => createGrant(ctx, caller.account, params.id, body),
    getGrant: async ({ caller, params }) => getGrant(ctx, caller.account, params.id),
    revokeGrant: async ({ caller, params }) => revokeGrant(ctx, caller.account, params.id),
    readGrantPassword: async ({ caller, params, reply }) => {
      const secret = await readGrantPassword(ctx, caller.account, params.id);
      // Not even a private cache may keep it.
      reply.header('cache-control', 'no-store');
      return secret;
    },
    answerSurvey: async ({ caller, params, body }) => answerSurvey(ctx, caller.account, params.id, body),
    liveEvents: liveEventsHandler(app, ctx, auth),
  };
  return { ctx, handlers };
}
