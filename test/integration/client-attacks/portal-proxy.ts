/**
 * A reverse proxy on loopback in front of the real portal: whoever sits between the app and the portal (a hostile
 * network, a compromised mirror, a flaky line). It forwards every request untouched unless the test's rule says
 * otherwise for that request: answer with other bytes, ask the portal for another path, rewrite the answer's body,
 * send it chunked, pace it, or cut the connection after some bytes of it.
 */
import { once } from 'node:events';
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** Served instead of the portal's answer; the portal is not asked. */
export interface Answer {
  kind: 'answer';
  status?: number;
  contentType?: string;
  body: Buffer | string;
}

export interface Forward {
  kind: 'forward';
  /** Path and query asked of the portal instead of the client's. */
  path?: string;
  /** Rewrites the whole answer body (read in full first); Content-Length follows unless `chunked`. */
  body?: (body: Buffer, status: number) => Buffer;
  /** Sends the body without Content-Length, chunked. */
  chunked?: boolean;
  /** Cuts the connection after this many body bytes. */
  cutAfter?: number;
  /** Paces the body to about this many bytes per second. */
  bytesPerSecond?: number;
  /** Told when the answer is over: body bytes that went out, and whether the connection was cut. */
  onEnd?: (outcome: { status: number; bytes: number; cut: boolean }) => void;
}

export type ProxyAction = Answer | Forward;
export type ProxyRule = (request: IncomingMessage) => ProxyAction | undefined;

const PACE_SLICE = 64 * 1024;

export class PortalProxy {
  /** What to do with the next requests; undefined forwards everything untouched. */
  rule: ProxyRule | undefined;
  /** `METHOD path` of every request, in order. */
  readonly requests: string[] = [];
  private readonly upstream: URL;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    upstream: string,
  ) {
    this.upstream = new URL(upstream);
  }

  static async start(upstream: string): Promise<PortalProxy> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const proxy = new PortalProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, upstream);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => proxy.handle(req, res));
    return proxy;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests.push(`${req.method ?? 'GET'} ${req.url ?? '/'}`);
    const action = this.rule?.(req) ?? { kind: 'forward' };
    if (action.kind === 'answer') {
      req.resume();
      const body = Buffer.isBuffer(action.body) ? action.body : Buffer.from(action.body);
      res.writeHead(action.status ?? 200, {
        'content-type': action.contentType ?? 'application/json',
        'content-length': String(body.length),
      });
      res.end(body);
      return;
    }
    const target = new URL(action.path ?? req.url ?? '/', this.upstream);
    // A fresh connection per request: no pooled socket outlives a portal restart.
    const upstream = request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
      (answer) => {
        void relay(answer, res, action);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('the portal cannot be reached');
      else res.destroy();
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }
}

function headersOf(answer: IncomingMessage, chunked: boolean, length?: number): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { ...answer.headers };
  delete headers['transfer-encoding'];
  delete headers['connection'];
  delete headers['keep-alive'];
  if (chunked) delete headers['content-length'];
  else if (length !== undefined) headers['content-length'] = String(length);
  return headers;
}

/** An answer on its way: body bytes that went out so far, and the one report of how it ended. */
interface Relayed {
  bytes: number;
  end(cut: boolean): void;
}

async function relay(answer: IncomingMessage, res: ServerResponse, action: Forward): Promise<void> {
  const status = answer.statusCode ?? 502;
  let ended = false;
  const relayed: Relayed = {
    bytes: 0,
    end(cut) {
      if (ended) return;
      ended = true;
      action.onEnd?.({ status, bytes: relayed.bytes, cut });
    },
  };
  try {
    await relayBody(answer, res, action, relayed);
  } catch {
    // The portal went away mid-answer: the client sees the same broken connection.
    res.destroy();
    relayed.end(true);
  }
}

async function relayBody(
  answer: IncomingMessage,
  res: ServerResponse,
  action: Forward,
  relayed: Relayed,
): Promise<void> {
  const status = answer.statusCode ?? 502;
  if (action.body !== undefined) {
    const chunks: Buffer[] = [];
    for await (const chunk of answer) chunks.push(chunk as Buffer);
    const body = action.body(Buffer.concat(chunks), status);
    res.writeHead(status, headersOf(answer, action.chunked === true, body.length));
    // Two writes, so that a chunked answer really comes in more than one chunk.
    res.write(body.subarray(0, Math.ceil(body.length / 2)));
    res.end(body.subarray(Math.ceil(body.length / 2)));
    relayed.bytes = body.length;
    relayed.end(false);
    return;
  }

  res.writeHead(status, headersOf(answer, action.chunked === true));
  const cutAt = action.cutAfter ?? Number.POSITIVE_INFINITY;
  if (cutAt <= 0) return cut(answer, res, Buffer.alloc(0), () => relayed.end(true));
  const step = action.bytesPerSecond === undefined ? Number.POSITIVE_INFINITY : PACE_SLICE;
  for await (const chunk of answer) {
    const data = chunk as Buffer;
    if (relayed.bytes + data.length >= cutAt) {
      const last = data.subarray(0, cutAt - relayed.bytes);
      relayed.bytes += last.length;
      return cut(answer, res, last, () => relayed.end(true));
    }
    for (let at = 0; at < data.length; at += step) {
      if (res.destroyed) {
        answer.destroy();
        relayed.end(true);
        return;
      }
      const slice = data.subarray(at, at + step);
      const drained = res.write(slice);
      relayed.bytes += slice.length;
      if (action.bytesPerSecond !== undefined) await delay((slice.length / action.bytesPerSecond) * 1000);
      else if (!drained) await writable(res);
    }
  }
  res.end();
  relayed.end(false);
}

/** Resolves when `res` takes more data, or is gone; leaves no listener behind either way. */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Sends `last` (and the headers, if not yet sent), then drops the connection as a failing line would. */
function cut(answer: IncomingMessage, res: ServerResponse, last: Buffer, done: () => void): void {
  answer.destroy();
  const drop = (): void => {
    res.socket?.destroy();
    done();
  };
  if (last.length > 0) res.write(last, drop);
  else {
    res.flushHeaders();
    setImmediate(drop);
  }
}
