/**
 * The portal's Fastify instance with what every route shares: a bounded body, every failure (Fastify's and Node's
 * own included) answered with the coded error body, a request id, a JSON log line per request, security headers,
 * /openapi.json, /healthz, /readyz and /metrics. Routes are added by the caller from the shared route tables
 * (./route-table.ts).
 */
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { HicareError } from '../../shared/errors.js';
import { trackAllowedMethods } from '../ops/allowed-methods.js';
import { answerClientError, answerFrameworkError } from '../ops/client-errors.js';
import { portalLogger, type PortalLogSettings } from '../ops/logging.js';
import { registerMetrics, type PortalMetricsOptions } from '../ops/metrics.js';
import { registerHealthRoutes, type ReadinessCheck } from '../ops/readiness.js';
import { REQUEST_ID_HEADER, requestIdFor } from '../ops/request-id.js';
import { setCommonHeaders } from './common-headers.js';
import { openApiDocument } from './openapi.js';
import { recordRoutes } from './route-list.js';
import { sendError } from './endpoints.js';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Probes hit these every few seconds: their lines would drown the rest at info level. */
const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export interface PortalAppOptions {
  version: string;
  /** Absent or false: no log (tests, the embedded demo). true: JSON lines at info on standard error. */
  logger?: boolean | PortalLogSettings;
  /**
   * Believe X-Forwarded-For from these proxies (addresses or CIDRs), as behind a load balancer. Off by default:
   * otherwise any client could pick the address the sign-in rate limit counts per.
   */
  trustProxy?: string[];
  /** What /readyz checks; none means ready whenever the process answers. */
  readiness?: readonly ReadinessCheck[];
  metrics?: PortalMetricsOptions;
}

function logSettings(logger: PortalAppOptions['logger']): PortalLogSettings | undefined {
  if (logger === undefined || logger === false) return undefined;
  return logger === true ? { level: 'info' } : logger;
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '';
}

export function createPortalApp(options: PortalAppOptions): FastifyInstance {
  const settings = logSettings(options.logger);
  const logger = settings === undefined ? undefined : portalLogger(settings);
  const app = Fastify({
    ...(logger === undefined ? { logger: false } : { loggerInstance: logger }),
    // One line per request, written below with the route and the time taken, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestIdFor,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    bodyLimit: MAX_JSON_BODY_BYTES,
    trustProxy: options.trustProxy !== undefined && options.trustProxy.length > 0 ? options.trustProxy : false,
    return503OnClosing: true,
  }) as unknown as FastifyInstance;
  const openapi = JSON.stringify(openApiDocument({ title: 'Hi-Care portal', version: options.version }));
  const allowed = trackAllowedMethods(app);
  recordRoutes(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });

  app.addHook('onResponse', async (request, reply) => {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      url: request.url.slice(0, 300),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (PROBE_PATHS.has(pathOf(request))) request.log.debug(line, 'answered');
    else request.log.info(line, 'answered');
  });

  app.addHook('onSend', async (_request, reply) => {
    setCommonHeaders(reply);
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    // Fastify's own failures (body too large, malformed JSON, wrong content type) get the same coded body.
    if (error.statusCode === 413) {
      return sendError(reply, new HicareError('INVALID_INPUT.bodyTooLarge', { maxBytes: MAX_JSON_BODY_BYTES }), 413);
    }
    if (error.statusCode === 415) return sendError(reply, new HicareError('INVALID_INPUT.bodyNotJson'), 415);
    if (error.statusCode === 400) return sendError(reply, new HicareError('INVALID_INPUT.bodyMalformedJson'), 400);
    // Anything else is the portal's fault: sendError logs it with its cause and answers in plain words.
    return sendError(reply, error);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request);
    const methods = allowed.for(path);
    if (methods.length > 0) {
      const refusal = new HicareError(
        'METHOD_NOT_ALLOWED.portalRoute',
        { path, method: request.method, methods: methods.join(', '), count: methods.length },
        { allow: methods },
      );
      return sendError(reply.header('allow', methods.join(', ')), refusal, 405);
    }
    return sendError(reply, new HicareError('NOT_FOUND.portalRoute', { method: request.method, path }), 404);
  });

  app.get('/openapi.json', async (_request, reply) =>
    reply.type('application/json').header('cache-control', 'public, max-age=300').send(openapi),
  );
  registerHealthRoutes(app, { checks: options.readiness ?? [] });
  registerMetrics(app, options.metrics);
  // pino writes asynchronously: what the last requests logged must be out before the process exits.
  app.addHook('onClose', async () => {
    logger?.flush();
  });
  return app;
}
