/**
 * A package server on 127.0.0.1 that answers like the portal (ETag "sha256-<hex>", Accept-Ranges, 206 for Range,
 * If-Range, 416 past the end, coded JSON errors) and can be told to misbehave: cut the connection after N bytes,
 * send extra or wrong bytes, answer with an error status, lie about ranges, stall, or go down and come back on the
 * same port. It records every request so tests can assert what crossed the wire.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Misbehaviour =
  | { kind: 'cut'; after: number }
  /** Cut when the answer reaches this byte of the file, wherever it started. */
  | { kind: 'cut-at'; offset: number }
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'extra'; bytes: number; announce: boolean }
  | { kind: 'corrupt'; at: number }
  | { kind: 'content-range'; value: string }
  | { kind: 'stall' };

export interface RequestRecord {
  range: string | undefined;
  ifRange: string | undefined;
  authorization: string | undefined;
  status: number;
  /** First byte of the file sent. */
  start: number;
  /** Body bytes written to the socket before the answer ended or was cut. */
  sent: number;
}

interface Hosted {
  bytes: Buffer;
  etag: string;
}

export class PortalDouble {
  readonly requests: RequestRecord[] = [];
  /** One-shot behaviours, taken in order by the next package requests. */
  readonly plan: Misbehaviour[] = [];
  /** Applied to every request when the plan is empty. */
  always: Misbehaviour | undefined;
  /** Called with the request's index (0 for the first) before it is answered: lets a test change the file. */
  beforeAnswer: ((index: number) => void) | undefined;
  /** Slows answers down: `chunk` bytes, then a pause of `delayMs`. */
  pace: { chunk: number; delayMs: number } | undefined;
  active = 0;
  maxActive = 0;
  private readonly files = new Map<string, Hosted>();
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private portNumber = 0;

  static async start(): Promise<PortalDouble> {
    const double = new PortalDouble();
    await double.listen();
    return double;
  }

  get port(): number {
    return this.portNumber;
  }

  url(name: string): string {
    return `http://127.0.0.1:${this.portNumber}/api/v1/packages/${name}`;
  }

  host(name: string, bytes: Buffer): { name: string; length: number; sha256: string } {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.files.set(name, { bytes, etag: `"sha256-${sha256}"` });
    return { name, length: bytes.length, sha256 };
  }

  /** Goes down hard: the listening socket and every open connection are closed. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Comes back on the same port. */
  async listen(): Promise<void> {
    const server = createServer((req, res) => this.answer(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.portNumber, '127.0.0.1', () => resolve());
    });
    this.portNumber = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    this.beforeAnswer?.(this.requests.length);
    const name = decodeURIComponent((req.url ?? '').replace(/^\/api\/v1\/packages\//, '').split('?')[0] ?? '');
    const hosted = this.files.get(name);
    const record: RequestRecord = {
      range: req.headers.range,
      ifRange: req.headers['if-range'] as string | undefined,
      authorization: req.headers.authorization,
      status: 0,
      start: 0,
      sent: 0,
    };
    this.requests.push(record);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    // A request counts as active until its last byte is handed to the socket (the client may be done right then).
    let counted = true;
    const release = () => {
      if (counted) this.active -= 1;
      counted = false;
    };
    res.once('close', release);
    res.once('finish', release);
    const misbehaviour = this.plan.shift() ?? this.always;

    if (misbehaviour?.kind === 'stall') return;
    if (misbehaviour?.kind === 'status')
      return this.json(res, record, misbehaviour.status, misbehaviour.body ?? { error: 'boom' });
    if (hosted === undefined) {
      return this.json(res, record, 404, {
        code: 'NOT_FOUND',
        message: `No package ${name}.`,
        remedy: 'Refresh the catalog.',
      });
    }

    let body = hosted.bytes;
    if (misbehaviour?.kind === 'corrupt') {
      body = Buffer.from(body);
      body[misbehaviour.at] = (body[misbehaviour.at] ?? 0) ^ 0xff;
    }
    const size = body.length;
    const headers: Record<string, string | number> = {
      etag: hosted.etag,
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
    };
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    if (range !== null && (ifRange === undefined || ifRange === hosted.etag)) {
      start = Number(range[1]);
      if (start >= size) {
        record.status = 416;
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      record.status = 206;
      headers['content-range'] =
        misbehaviour?.kind === 'content-range' ? misbehaviour.value : `bytes ${start}-${size - 1}/${size}`;
    } else {
      record.status = 200;
    }
    record.start = start;
    let payload = body.subarray(start);
    if (misbehaviour?.kind === 'extra') {
      payload = Buffer.concat([payload, Buffer.alloc(misbehaviour.bytes, 0x5a)]);
      // Without a length the answer is chunked: only the client's own count can stop it.
      if (misbehaviour.announce) headers['content-length'] = payload.length;
    } else {
      headers['content-length'] = payload.length;
    }
    res.writeHead(record.status, headers);
    const cutAfter =
      misbehaviour?.kind === 'cut'
        ? misbehaviour.after
        : misbehaviour?.kind === 'cut-at'
          ? Math.max(0, misbehaviour.offset - start)
          : undefined;
    const cutAt = cutAfter === undefined ? undefined : Math.min(cutAfter, payload.length);
    void this.send(req, res, record, cutAt === undefined ? payload : payload.subarray(0, cutAt), cutAt !== undefined);
  }

  private async send(
    req: IncomingMessage,
    res: ServerResponse,
    record: RequestRecord,
    payload: Buffer,
    cut: boolean,
  ): Promise<void> {
    const step = this.pace?.chunk ?? 256 * 1024;
    const closed = new Promise((resolve) => res.once('close', resolve));
    for (let at = 0; at < payload.length && !res.destroyed; at += step) {
      const piece = payload.subarray(at, at + step);
      const flushed = res.write(piece);
      record.sent += piece.length;
      if (this.pace !== undefined && at + step < payload.length) await delay(this.pace.delayMs);
      else if (!flushed) await Promise.race([new Promise((resolve) => res.once('drain', resolve)), closed]);
    }
    if (cut) {
      // Everything written so far reaches the client, then the connection dies without finishing the answer.
      await new Promise<void>((resolve) => res.write('', () => resolve()));
      req.socket.destroy();
      return;
    }
    res.end();
  }

  private json(res: ServerResponse, record: RequestRecord, status: number, body: unknown): void {
    record.status = status;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
