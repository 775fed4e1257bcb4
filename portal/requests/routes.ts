/**
 * The service-request routes of the shared endpoint table (requests, actions, messages, attachments, grants,
 * surveys), the live event stream, the attachment download, and the automatic-closure sweep: everything
 * `registerRequestRoutes` adds to a portal.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdSchema } from '../../shared/contracts/common.js';
import { ATTACHMENTS_PATH, portalApi, type Endpoint } from '../../shared/contracts/portal-api.js';
import { ATTACHMENT_MAX_BYTES } from '../../shared/contracts/requests.js';
import { attachmentTooLarge } from '../../shared/domain/attachment-type.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import { registerEndpoint, sendError, type Authenticate } from '../http/endpoints.js';
import { readAttachment, uploadAttachment } from './attachments.js';
import { scheduleAutoClose } from './auto-close.js';
import { requestContext, type RequestContext, type RequestOptions } from './context.js';
import { checkRequiredFields, createServiceRequest } from './create.js';
import { registerEventStream } from './event-stream.js';
import { createGrant, getGrant, readGrantPassword, revokeGrant } from './grants.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from './idempotency.js';
import { postMessage } from './messages.js';
import { listRequests, requestDetail } from './queries.js';
import { answerSurvey, surveySummary } from './surveys.js';
import { actOnRequest, takeRequest } from './transitions.js';

/** Base64 of the largest attachment plus room for the JSON around it. */
const ATTACHMENT_BODY_LIMIT = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 64 * 1024;

const attachmentContent = {
  method: 'GET',
  path: `${ATTACHMENTS_PATH}:id`,
  summary: 'Download an attachment',
  auth: ['customer-admin', 'engineer', 'portal-admin'],
  params: z.object({ id: IdSchema }).strict(),
  response: z.unknown(),
} as const satisfies Endpoint;

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

/** Adds every service-request route to `app`; returns the context they share (event bus, policies). */
export function registerRequestRoutes(app: FastifyInstance, base: EntitlementContext & RequestOptions, auth: Authenticate): RequestContext {
  const ctx = requestContext(base, base);
  tuneRoutes(app, auth);

  registerEndpoint(app, portalApi.createRequest, auth, async ({ caller, body, request, reply }) => {
    const key = idempotencyKeyOf(request.headers[IDEMPOTENCY_HEADER]);
    const { request: created, replayed } = await createServiceRequest(ctx, caller.account, body, key);
    if (!replayed) return created;
    // A retry gets the first request back as 200 (not 201): nothing new was created.
    reply.code(200).header('idempotent-replayed', 'true').send(created);
  });
  registerEndpoint(app, portalApi.listRequests, auth, async ({ caller, query }) => ({ requests: await listRequests(ctx, caller.account, { state: query.state }) }));
  registerEndpoint(app, portalApi.getRequest, auth, async ({ caller, params }) => requestDetail(ctx, caller.account, params.id));
  registerEndpoint(app, portalApi.takeRequest, auth, async ({ caller, params }) => takeRequest(ctx, caller.account, params.id));
  registerEndpoint(app, portalApi.actOnRequest, auth, async ({ caller, params, body }) => actOnRequest(ctx, caller.account, params.id, body.action, { solution: body.solution, reason: body.reason }));
  registerEndpoint(app, portalApi.postMessage, auth, async ({ caller, params, body }) => postMessage(ctx, caller.account, params.id, body.body));
  registerEndpoint(app, portalApi.uploadAttachment, auth, async ({ caller, params, body }) => uploadAttachment(ctx, caller.account, params.id, body));
  registerEndpoint(app, attachmentContent, auth, async ({ caller, params, reply }) => {
    const { attachment, bytes } = await readAttachment(ctx, caller.account, params.id);
    reply
      .type(attachment.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
      // Opened in a browser anyway, it can run nothing.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('x-content-sha256', attachment.sha256)
      .send(bytes);
  });
  registerEndpoint(app, portalApi.createGrant, auth, async ({ caller, params, body }) => createGrant(ctx, caller.account, params.id, body));
  registerEndpoint(app, portalApi.getGrant, auth, async ({ caller, params }) => getGrant(ctx, caller.account, params.id));
  registerEndpoint(app, portalApi.revokeGrant, auth, async ({ caller, params }) => revokeGrant(ctx, caller.account, params.id));
  registerEndpoint(app, portalApi.readGrantPassword, auth, async ({ caller, params, reply }) => {
    const secret = await readGrantPassword(ctx, caller.account, params.id);
    // Not even a private cache may keep it.
    reply.header('cache-control', 'no-store');
    return secret;
  });
  registerEndpoint(app, portalApi.answerSurvey, auth, async ({ caller, params, body }) => answerSurvey(ctx, caller.account, params.id, body));
  registerEndpoint(app, portalApi.surveyResults, auth, async () => surveySummary(ctx));
  registerEventStream(app, ctx, auth);

  const stop = scheduleAutoClose(ctx, (error) => app.log.error({ err: error }, 'closing confirmed requests failed'));
  app.addHook('onClose', async () => stop());
  return ctx;
}
