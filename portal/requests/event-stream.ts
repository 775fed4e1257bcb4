/**
 * GET /api/v1/events: live request events as server-sent events. A customer admin hears only their own customer's
 * requests, engineers and portal admins everybody's. A comment line every 15 s keeps proxies from closing an idle
 * stream, and at the same time the token is checked again, so a signed-out or expired session stops listening. The
 * reply is hijacked from Fastify and written raw; the portal ends open streams when it shuts down.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { EVENTS_PATH, type Endpoint } from '../../shared/contracts/portal-api.js';
import { registerEndpoint, type Authenticate, type Caller } from '../http/endpoints.js';
import type { RequestContext } from './context.js';
import type { BusEvent } from './events.js';

export const HEARTBEAT_MS = 15_000;
/** A client that stops reading is dropped once this much is waiting for it, instead of growing the portal's memory. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

const eventsEndpoint = {
  method: 'GET',
  path: EVENTS_PATH,
  summary: 'Listen to live events of service requests',
  auth: ['customer-admin', 'engineer', 'portal-admin'],
  response: z.unknown(),
} as const satisfies Endpoint;

function hears(caller: Caller, e: BusEvent): boolean {
  const { role, customerId } = caller.account;
  if (role === 'engineer' || role === 'portal-admin') return true;
  return role === 'customer-admin' && customerId !== null && e.customerId === customerId;
}

function bearerOf(request: FastifyRequest): string | null {
  return /^Bearer (\S{1,512})$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

export function frame(e: BusEvent): string {
  // JSON.stringify never emits a raw line break, so the event fits one data: line.
  return `id: ${e.id}\nevent: ${e.event.type}\ndata: ${JSON.stringify(e.event)}\n\n`;
}

export function registerEventStream(app: FastifyInstance, ctx: RequestContext, auth: Authenticate, heartbeatMs = HEARTBEAT_MS): void {
  const open = new Set<() => void>();
  // Fastify waits for open connections when it closes; a stream never finishes by itself, so end them first.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  registerEndpoint(app, eventsEndpoint, auth, async ({ caller, request, reply }) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
      // Reverse proxies such as nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.write(': connected\nretry: 5000\n\n');

    const bearer = bearerOf(request);
    let ended = false;
    let unsubscribe = (): void => undefined;
    // Runs only after everything below is set up (the first tick is heartbeatMs away).
    const heartbeat = setInterval(() => {
      if (bearer === null) return end();
      auth(bearer, request).then(
        () => send(': heartbeat\n\n'),
        () => end(),
      );
    }, heartbeatMs);
    heartbeat.unref();
    const end = (): void => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
      if (!res.writableEnded) res.end();
    };
    const send = (text: string): void => {
      if (ended) return;
      if (res.writableLength > MAX_BACKLOG_BYTES) return end();
      res.write(text);
    };
    unsubscribe = ctx.events.subscribe((e) => {
      if (hears(caller, e)) send(frame(e));
    });
    // The response's close, not the request's: a GET's request stream closes as soon as it has been read.
    res.on('close', end);
    res.on('error', end);
    open.add(end);
  });
}
