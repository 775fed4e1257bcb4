/**
 * GET /api/v1/events: live request events as server-sent events. A customer admin hears only their own customer's
 * requests, engineers and portal admins everybody's. A comment line every 15 s keeps proxies from closing an idle
 * stream, and at the same time the token is checked again, so a signed-out or expired session stops listening. The
 * reply is hijacked from Fastify and written raw; the portal ends open streams when it shuts down.
 *
 * A client that reconnects with `Last-Event-ID` is first sent what it missed (or a `reset` when that cannot be
 * told). The stream subscribes before it reads the backlog and holds live events back meanwhile, so that nothing
 * published in between is lost or sent twice.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { portalRawRoutes, type PortalRawRoutes } from '../../shared/contracts/portal-raw-routes.js';
import { STREAM_READY_EVENT, STREAM_RESET_EVENT } from '../../shared/contracts/requests.js';
import type { Authenticate, Caller } from '../http/endpoints.js';
import { registerRawRoute, type RawHandler } from '../http/raw-route.js';
import type { RequestContext } from './context.js';
import type { BusEvent, Replay } from './events.js';

export const HEARTBEAT_MS = 15_000;
/** A client that stops reading is dropped once this much is waiting for it, instead of growing the portal's memory. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

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

/** The stream's starting point: a fresh stream, or the id a reconnecting client saw last (null when unreadable). */
function lastEventIdOf(request: FastifyRequest): number | null | undefined {
  const header = request.headers['last-event-id'];
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : null;
}

function readyFrame(latestId: number): string {
  return `id: ${latestId}\nevent: ${STREAM_READY_EVENT}\ndata: ${JSON.stringify({ type: STREAM_READY_EVENT })}\n\n`;
}

function resetFrame(latestId: number): string {
  return `id: ${latestId}\nevent: ${STREAM_RESET_EVENT}\ndata: ${JSON.stringify({ type: STREAM_RESET_EVENT })}\n\n`;
}

/**
 * Where a stream starts: a fresh one at the newest event; a reconnecting one after what it saw (`replay`), or at the
 * newest with a reset when what it missed cannot be told.
 */
async function startingPoint(
  ctx: RequestContext,
  lastEventId: number | null | undefined,
): Promise<{ replay: Replay | null; latestId: number }> {
  if (lastEventId === undefined) return { replay: null, latestId: await ctx.events.latestId() };
  if (lastEventId === null) {
    const latestId = await ctx.events.latestId();
    return { replay: { kind: 'reset', latestId }, latestId };
  }
  const replay = await ctx.events.replayAfter(lastEventId);
  return { replay, latestId: replay.kind === 'reset' ? replay.latestId : lastEventId };
}

/** The stream's handler; `app` is where it ends its open streams on close, `auth` how it checks the token again. */
export function liveEventsHandler(
  app: FastifyInstance,
  ctx: RequestContext,
  auth: Authenticate,
  heartbeatMs = HEARTBEAT_MS,
): RawHandler<PortalRawRoutes['liveEvents']> {
  const open = new Set<() => void>();
  // Fastify waits for open connections when it closes; a stream never finishes by itself, so end them first.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  return async ({ caller, request, reply }) => {
    // Live events wait here while the starting point and the backlog are read; null once those have been sent.
    let held: BusEvent[] | null = [];
    let deliver = (e: BusEvent): void => void held?.push(e);
    const unsubscribe = ctx.events.subscribe((e) => {
      if (hears(caller, e)) deliver(e);
    });
    let start: { replay: Replay | null; latestId: number };
    try {
      start = await startingPoint(ctx, lastEventIdOf(request));
    } catch (error) {
      // Nothing is written yet: the client gets the portal's coded error body.
      unsubscribe();
      throw error;
    }

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

    const bearer = bearerOf(request);
    let ended = false;
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
    // The response's close, not the request's: a GET's request stream closes as soon as it has been read.
    res.on('close', end);
    res.on('error', end);
    open.add(end);
    // The client may have gone while the backlog was read: then no close event is still to come.
    if (res.socket === null || res.socket.destroyed) return end();

    let sentUpTo = start.latestId;
    if (start.replay === null) {
      send(': connected\nretry: 5000\n\n');
      send(readyFrame(sentUpTo));
    } else if (start.replay.kind === 'reset') {
      send(': connected\nretry: 5000\n\n');
      send(resetFrame(sentUpTo));
    } else {
      send(': connected\nretry: 5000\n\n');
      for (const e of start.replay.events) {
        if (hears(caller, e)) send(frame(e));
        sentUpTo = e.id;
      }
    }
    const waiting = held;
    held = null;
    deliver = (e) => send(frame(e));
    for (const e of waiting) if (e.id > sentUpTo) send(frame(e));
  };
}

/** The stream alone on `app`, with its own heartbeat (the tests shorten it). */
export function registerEventStream(
  app: FastifyInstance,
  ctx: RequestContext,
  auth: Authenticate,
  heartbeatMs = HEARTBEAT_MS,
): void {
  registerRawRoute(app, portalRawRoutes.liveEvents, auth, liveEventsHandler(app, ctx, auth, heartbeatMs));
}
