/**
 * One HTTP/1.1 GET over a connection of its own (plain or TLS), read without a stream pipeline: the socket reads
 * straight into memory the caller hands out (`onread`), so a package's bytes land once, in the reused blocks that are
 * hashed and written, with no buffer allocated per read and nothing for the garbage collector. While the caller has
 * no free memory the socket is paused, which is the backpressure that keeps memory flat. The connection is closed
 * after the one answer: a package download is one long request, and a fresh connection keeps the framing simple.
 */
import { connect as connectTcp, isIP, type Socket } from 'node:net';
// Node reads `onread` for TLS sockets too (passed on to the socket); its typings only list it for plain ones.
import { connect as connectTls, type ConnectionOptions } from 'node:tls';
import { ChunkedBody } from './chunked-body.js';
import {
  bodyFraming,
  HeadError,
  parseResponseHead,
  type BodyFraming,
  type ResponseHead,
} from './http-response-head.js';

/** Where a body's bytes go: free memory to read into, and a count of the body bytes placed at its start. */
export interface BodyTarget {
  /** The memory the next read may fill; undefined while none is free. */
  region(): Buffer | undefined;
  /** The first `bytes` of the last region hold body bytes now. Throws to end the transfer. */
  commit(bytes: number): void;
  /** Settles when `region()` may give memory again. */
  whenRegionFree(): Promise<void>;
}

export interface ExchangeOptions {
  url: URL;
  headers: Record<string, string>;
  /** No byte for this long, from connecting to the end of the body, is a failure. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Trusted CAs for https (the system's are used when absent). */
  certificateAuthority?: string | Buffer;
}

/** A failure of the connection or of the protocol, with a code in the words Node uses for its own (ECONNRESET…). */
export class ReceiveError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ReceiveError';
  }
}

/**
 * Where reads land when no caller memory is free (or before the caller said where the body goes): the head, and the
 * first read after a pause. Bytes are copied on from here once per head and once per pause, never once per read.
 */
const SPARE_BYTES = 64 * 1024;

type Mode = 'head' | 'held' | 'body' | 'text';

/** Bytes that arrived in a spare buffer, waiting to be moved on. */
interface Parked {
  memory: Buffer;
  at: number;
  end: number;
}

export class HttpExchange {
  private readonly socket: Socket;
  /** Two, so that a read may land in one while the other still holds bytes not yet moved on. */
  private readonly spares = [Buffer.allocUnsafe(SPARE_BYTES), Buffer.allocUnsafe(SPARE_BYTES)] as const;
  private mode: Mode = 'head';
  private headFill = 0;
  private readonly parked: Parked[] = [];
  /** The memory the socket reads into next, and whether it is the caller's (else a spare). */
  private handed: Buffer;
  private handedRegion = false;
  private framing: BodyFraming = { kind: 'close' };
  /** Body bytes still to come, when the head gave a length. */
  private left = 0;
  private chunked: ChunkedBody | undefined;
  private target: BodyTarget | undefined;
  private readonly text: Buffer[] = [];
  private textBytes = 0;
  private textLimit = 0;
  private finished = false;
  /** The server closed its side. */
  private ended = false;
  private onHead: { resolve: (head: ResponseHead) => void; reject: (error: Error) => void } | undefined;
  private onBody: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly abort = () => this.fail(new ReceiveError('the transfer was stopped', 'ABORT_ERR'));

  private constructor(private readonly options: ExchangeOptions) {
    const { url } = options;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const secure = url.protocol === 'https:';
    const port = Number(url.port || (secure ? 443 : 80));
    this.handed = this.spares[0];
    const onread = { buffer: () => this.nextBuffer(), callback: (bytes: number) => this.received(bytes) };
    this.socket = secure
      ? connectTls({
          host,
          port,
          onread,
          rejectUnauthorized: true,
          ALPNProtocols: ['http/1.1'],
          ...(isIP(host) === 0 ? { servername: host } : {}),
          ...(options.certificateAuthority === undefined ? {} : { ca: options.certificateAuthority }),
        } as ConnectionOptions)
      : connectTcp({ host, port, onread });
    this.socket.setNoDelay(true);
    this.socket.setTimeout(options.timeoutMs, () =>
      this.fail(new ReceiveError(`no byte for ${options.timeoutMs} ms`, 'ETIMEDOUT')),
    );
    this.socket.on('error', (error: NodeJS.ErrnoException) => this.fail(asReceiveError(error)));
    this.socket.on('close', () => this.closed());
    this.socket.once(secure ? 'secureConnect' : 'connect', () => this.sendRequest());
    options.signal.addEventListener('abort', this.abort, { once: true });
  }

  /** Connects, asks for `url` and resolves with the answer's head; the body waits until the caller takes it. */
  static async open(options: ExchangeOptions): Promise<{ exchange: HttpExchange; head: ResponseHead }> {
    checkHeaders(options.headers);
    const exchange = new HttpExchange(options);
    if (options.signal.aborted) exchange.abort();
    return new Promise((resolve, reject) => {
      if (exchange.failure !== undefined) return reject(exchange.failure);
      exchange.onHead = { resolve: (head) => resolve({ exchange, head }), reject };
    });
  }

  /** Reads the body into `target`'s memory; resolves when the answer ended as its head said it would. */
  receiveBody(target: BodyTarget): Promise<void> {
    this.target = target;
    this.mode = 'body';
    return this.bodyDone(() => this.drainBody());
  }

  /** Reads up to `limit` bytes of the body as text (an error answer's words), then closes the connection. */
  async readText(limit: number): Promise<string> {
    this.textLimit = limit;
    this.mode = 'text';
    try {
      await this.bodyDone(() => this.drainText());
    } catch {
      // What arrived still says enough.
    }
    return Buffer.concat(this.text).toString('utf8', 0, Math.min(this.textBytes, limit));
  }

  /** Closes the connection; the rest of the answer is not read. */
  close(): void {
    this.finished = true;
    this.cleanUp();
  }

  private bodyDone(drain: () => boolean): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.onBody = { resolve, reject };
      if (this.guard(drain)) this.readOn();
    });
  }

  private sendRequest(): void {
    const { url, headers } = this.options;
    const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Connection: close'];
    for (const [name, value] of Object.entries(headers)) {
      const key = name.toLowerCase();
      if (key !== 'host' && key !== 'connection') lines.push(`${name}: ${value}`);
    }
    this.socket.write(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  }

  /**
   * The memory the next read fills: the caller's while it has some and nothing is parked, else a spare that holds
   * no parked bytes. Called by the socket after each read, so it decides for a read that may come much later.
   */
  private nextBuffer(): Buffer {
    this.handedRegion = false;
    if (this.mode === 'head') {
      this.handed = this.spares[0].subarray(this.headFill);
      return this.handed;
    }
    if (this.mode === 'body' && this.parked.length === 0 && !this.finished && this.failure === undefined) {
      let region: Buffer | undefined;
      try {
        region = this.target!.region();
      } catch (error) {
        // Called from inside the socket: the failure is reported on the exchange, never thrown into Node's reader.
        this.fail(error as Error);
      }
      if (region !== undefined && region.length > 0) {
        this.handed = region;
        this.handedRegion = true;
        return region;
      }
    }
    const free = this.spares.find((spare) => !this.parked.some((parked) => parked.memory === spare));
    this.handed = free ?? Buffer.allocUnsafe(SPARE_BYTES);
    return this.handed;
  }

  /** `bytes` arrived in the memory last handed out. Returns false to pause the socket. */
  private received(bytes: number): boolean {
    if (this.finished || this.failure !== undefined) return false;
    if (this.mode === 'head') return this.guard(() => this.headBytes(bytes));
    if (this.handedRegion) {
      return this.guard(() => {
        this.place(this.handed, bytes);
        return !this.finished;
      });
    }
    this.parked.push({ memory: this.handed, at: 0, end: bytes });
    if (this.mode === 'body') return this.guard(() => this.drainBody());
    if (this.mode === 'text') return this.guard(() => this.drainText());
    this.pause();
    return false;
  }

  /** Runs `step`; a throw fails the exchange (and stops reading). */
  private guard(step: () => boolean): boolean {
    try {
      return step();
    } catch (error) {
      this.fail(error as Error);
      return false;
    }
  }

  private headBytes(bytes: number): boolean {
    const memory = this.spares[0];
    this.headFill += bytes;
    const parsed = parseResponseHead(memory, this.headFill);
    if (parsed === undefined) {
      if (this.headFill === SPARE_BYTES) throw new HeadError('the head does not fit');
      return true;
    }
    const { head, bodyStart } = parsed;
    if (head.status < 200) {
      // An interim answer (103 Early Hints…): the real one follows it.
      memory.copyWithin(0, bodyStart, this.headFill);
      this.headFill -= bodyStart;
      return this.headBytes(0);
    }
    this.framing = bodyFraming(head);
    if (this.framing.kind === 'length') this.left = this.framing.bytes;
    if (this.framing.kind === 'chunked') this.chunked = new ChunkedBody();
    if (bodyStart < this.headFill) this.parked.push({ memory, at: bodyStart, end: this.headFill });
    this.mode = 'held';
    this.pause();
    const onHead = this.onHead;
    this.onHead = undefined;
    onHead?.resolve(head);
    return false;
  }

  /**
   * Moves parked bytes into the target's memory. Returns whether the socket may read on; when the target has no
   * memory free, it pauses and reads on by itself once some is.
   */
  private drainBody(): boolean {
    while (!this.finished && this.parked.length > 0) {
      const parked = this.parked[0]!;
      const region = this.target!.region();
      if (region === undefined) {
        this.pause();
        this.target!.whenRegionFree().then(
          () => this.guard(() => this.drainBody()) && this.readOn(),
          (error: unknown) => this.fail(error as Error),
        );
        return false;
      }
      const bytes = parked.memory.copy(region, 0, parked.at, parked.end);
      parked.at += bytes;
      if (parked.at === parked.end) this.parked.shift();
      this.place(region, bytes);
    }
    if (!this.finished && this.bodyComplete()) this.complete();
    if (this.finished) return false;
    if (this.ended) {
      if (this.framing.kind === 'close') this.complete();
      else this.fail(cutShort());
      return false;
    }
    return true;
  }

  /** Raw body bytes at `memory[0, bytes)`: framing taken off, the body's count given to the target. */
  private place(memory: Buffer, bytes: number): void {
    let body = bytes;
    if (this.chunked !== undefined) body = this.chunked.decode(memory, 0, bytes);
    else if (this.framing.kind === 'length') body = Math.min(bytes, this.left);
    this.left -= body;
    this.target!.commit(body);
    if (this.bodyComplete()) this.complete();
  }

  private drainText(): boolean {
    for (const parked of this.parked.splice(0)) {
      const memory = parked.memory.subarray(parked.at, parked.end);
      let body = memory.length;
      if (this.chunked !== undefined) body = this.chunked.decode(memory, 0, memory.length);
      else if (this.framing.kind === 'length') body = Math.min(body, this.left);
      this.left -= body;
      this.text.push(Buffer.from(memory.subarray(0, body)));
      this.textBytes += body;
    }
    if (this.bodyComplete() || this.ended || this.textBytes >= this.textLimit) {
      this.complete();
      return false;
    }
    return true;
  }

  private bodyComplete(): boolean {
    return this.chunked?.done === true || (this.framing.kind === 'length' && this.left === 0);
  }

  /** Stops reading; a paused socket is not idle, so its timer stops too. */
  private pause(): void {
    this.socket.pause();
    this.socket.setTimeout(0);
  }

  private readOn(): void {
    if (this.finished || this.failure !== undefined) return;
    this.socket.setTimeout(this.options.timeoutMs);
    this.socket.resume();
  }

  private closed(): void {
    this.ended = true;
    if (this.finished || this.failure !== undefined) return;
    if (this.mode === 'head') return this.fail(new ReceiveError('the server closed without answering', 'ECONNRESET'));
    // Parked bytes are still to be moved on: the drain that moves them sees `ended` afterwards.
    if (this.parked.length > 0 || this.mode === 'held') return;
    if (this.mode === 'text' || this.framing.kind === 'close') return this.complete();
    this.fail(cutShort());
  }

  private complete(): void {
    if (this.finished) return;
    this.finished = true;
    this.cleanUp();
    const onBody = this.onBody;
    this.onBody = undefined;
    onBody?.resolve();
  }

  private fail(error: Error): void {
    if (this.finished || this.failure !== undefined) return;
    this.failure = error;
    this.cleanUp();
    const { onHead, onBody } = this;
    this.onHead = undefined;
    this.onBody = undefined;
    onHead?.reject(error);
    onBody?.reject(error);
  }

  private cleanUp(): void {
    this.options.signal.removeEventListener('abort', this.abort);
    this.socket.setTimeout(0);
    this.socket.destroy();
  }
}

function cutShort(): ReceiveError {
  return new ReceiveError('the connection closed before the answer was complete', 'ECONNRESET');
}

function asReceiveError(error: NodeJS.ErrnoException): ReceiveError {
  return new ReceiveError(error.message, typeof error.code === 'string' ? error.code : 'ECONNRESET');
}

/** A header value with a line break would let a caller's value smuggle in a header of its own. */
function checkHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) || /[\r\n\0]/.test(value)) {
      throw new ReceiveError(`the request header ${JSON.stringify(name)} cannot be sent`, 'ERR_INVALID_HEADER');
    }
  }
}
