/**
 * Prometheus /metrics: how fast each route answers, how many requests and live-event streams are open, how long
 * until the signed timestamp expires and when the signer last showed signs of life. Each portal has its own
 * registry (tests run several in one process); the process's own figures come from one registry per process.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EVENTS_PATH } from '../../shared/contracts/portal-api.js';
import { HicareError } from '../../shared/errors.js';
import { sendError } from '../http/endpoints.js';

export interface PortalMetricsOptions {
  /** Open live-event (SSE) connections on this instance. */
  sseConnections?: () => number;
  /** Seconds until the signed timestamp expires (negative once expired); undefined when there is none. */
  timestampExpiresInSeconds?: () => Promise<number | undefined>;
  /** Seconds since the signer last re-signed or reported in; undefined when none has. */
  signerHeartbeatAgeSeconds?: () => Promise<number | undefined>;
  /** When set, /metrics answers only to "Authorization: Bearer <token>". */
  token?: string;
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

let processRegistry: Registry | undefined;

/** CPU, memory, event-loop lag, handles: collected once per process, however many portals it runs. */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'hicare_portal_' });
  }
  return processRegistry;
}

function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function registerMetrics(app: FastifyInstance, options: PortalMetricsOptions = {}): Registry {
  const registry = new Registry();
  const duration = new Histogram({
    name: 'hicare_portal_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    // Update checks should answer in milliseconds; package downloads may take far longer.
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'hicare_portal_http_requests_in_flight',
    help: 'HTTP requests being answered now',
    registers: [registry],
  });
  const answered = new Counter({
    name: 'hicare_portal_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'hicare_portal_sse_connections',
    help: 'Open live-event streams on this instance',
    registers: [registry],
    collect() {
      this.set(options.sseConnections?.() ?? 0);
    },
  });
  const optional = (name: string, help: string, read: (() => Promise<number | undefined>) | undefined): void => {
    if (read === undefined) return;
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const value = await read().catch(() => undefined);
        // No value is better than a made-up one: an alert on absence catches a catalog that cannot be read.
        if (value === undefined) this.reset();
        else this.set(value);
      },
    });
  };
  optional(
    'hicare_portal_timestamp_expires_in_seconds',
    'Seconds until the signed timestamp expires',
    options.timestampExpiresInSeconds,
  );
  optional(
    'hicare_portal_signer_heartbeat_age_seconds',
    'Seconds since the signer last reported in',
    options.signerHeartbeatAgeSeconds,
  );

  app.addHook('onRequest', async (request, reply) => {
    const started = process.hrtime.bigint();
    inFlight.inc();
    // 'close' comes both when the answer is complete and when the client goes away first: counted either way.
    reply.raw.once('close', () => {
      inFlight.dec();
      const route = request.routeOptions.url ?? 'unmatched';
      // A live-event stream stays open for hours: its length says nothing about how fast the portal answers.
      if (route === EVENTS_PATH) return;
      const labels = { route, method: request.method, status: statusClass(reply.raw.statusCode) };
      duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      answered.inc(labels);
    });
  });

  app.get('/metrics', async (request, reply) => {
    if (options.token !== undefined && !tokenMatches(request.headers.authorization, options.token)) {
      return sendError(reply, new HicareError('UNAUTHENTICATED.metricsToken'));
    }
    const text = (await registry.metrics()) + '\n' + (await processMetrics().metrics());
    return reply.type(METRICS_CONTENT_TYPE).header('cache-control', 'no-store').send(text);
  });
  return registry;
}
