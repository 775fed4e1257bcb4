/**
 * The portal's Fastify instance with what every route shares: a bounded body, JSON parse failures and unknown
 * routes answered with the coded error body, security headers, and /openapi.json. Routes are added by the caller
 * from the shared endpoint table (./endpoints.ts).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { HicareError } from '../../shared/errors.js';
import { portalApi } from '../../shared/contracts/portal-api.js';
import { openApiDocument } from './openapi.js';
import { sendError } from './endpoints.js';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export interface PortalAppOptions {
  version: string;
  logger?: boolean;
  /**
   * Believe X-Forwarded-For from these proxies (addresses or CIDRs), as behind a load balancer. Off by default:
   * otherwise any client could pick the address the sign-in rate limit counts per.
   */
  trustProxy?: string[];
}

export function createPortalApp(options: PortalAppOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_JSON_BODY_BYTES, trustProxy: options.trustProxy !== undefined && options.trustProxy.length > 0 ? options.trustProxy : false, return503OnClosing: true });
  const openapi = JSON.stringify(openApiDocument(portalApi, { title: 'Hi-Care portal', version: options.version }));

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    // Fastify's own failures (body too large, malformed JSON, wrong content type) get the same coded body.
    if (error.statusCode === 413) {
      return reply.code(413).send(new HicareError('INVALID_INPUT', 'The request body is too large.', `Send at most ${MAX_JSON_BODY_BYTES} bytes.`).toBody());
    }
    if (error.statusCode === 415) {
      return reply.code(415).send(new HicareError('INVALID_INPUT', 'The request body must be JSON.', 'Send "Content-Type: application/json".').toBody());
    }
    if (error.statusCode === 400) {
      return reply.code(400).send(new HicareError('INVALID_INPUT', 'The request body is not valid JSON.', 'Send a well-formed JSON document.').toBody());
    }
    request.log.error({ err: error }, 'unhandled');
    return sendError(reply, error);
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(new HicareError('NOT_FOUND', `Nothing at ${request.method} ${request.url.split('?')[0] ?? ''}.`, 'Check the address against /openapi.json.').toBody()),
  );

  app.get('/openapi.json', async (_request, reply) => reply.type('application/json').header('cache-control', 'public, max-age=300').send(openapi));
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
