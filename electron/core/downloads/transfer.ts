/**
 * One attempt at fetching the rest of a package: a GET that asks only for the bytes the `.part` lacks (`Range`,
 * guarded by `If-Range` so a changed file is sent whole rather than spliced), checks that the answer is what was
 * asked for, and streams the body into the part. Retrying is the caller's business.
 */
import { pipeline } from 'node:stream/promises';
import got, { type Agents, type PlainResponse, type Request, type StreamOptions } from 'got';
import { HicareError } from '../../../shared/errors.js';
import { PackageSink, lengthExceeded, type SinkTuning } from './package-sink.js';
import type { PartFile } from './part-file.js';
import { AttemptError, httpFailure, protocolError, type FailureContext, type RangeAnswer } from './transfer-errors.js';
import type { DownloadTarget } from './types.js';

export interface AttemptSetup {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  agent?: Agents;
  https?: { certificateAuthority?: string | Buffer };
  signal: AbortSignal;
  tuning: SinkTuning;
  /** Told when the server's file changed and the part starts over. */
  onRestart: (reason: string) => void;
}

/** Enough of an error body for a coded JSON answer; the rest is not read. */
const ERROR_BODY_LIMIT = 64 * 1024;
const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/;

/**
 * Fetches from `part.received` on. Returns normally when the server ended its answer (which may still be short of
 * the whole package: the caller decides); throws on anything else.
 */
export async function transferOnce(
  part: PartFile,
  target: DownloadTarget,
  setup: AttemptSetup,
  onBytes: (bytes: number) => void,
  ctx: FailureContext,
): Promise<void> {
  const from = part.received;
  const headers: Record<string, string> = { ...setup.headers, 'accept-encoding': 'identity' };
  if (from > 0) {
    headers['range'] = `bytes=${from}-`;
    if (part.etag !== undefined) headers['if-range'] = part.etag;
  }
  const options: StreamOptions = {
    headers,
    decompress: false,
    throwHttpErrors: false,
    retry: { limit: 0 },
    timeout: { lookup: setup.timeoutMs, connect: setup.timeoutMs, response: setup.timeoutMs, socket: setup.timeoutMs },
    signal: setup.signal,
  };
  if (setup.agent !== undefined) options.agent = setup.agent;
  if (setup.https !== undefined) options.https = setup.https;
  const stream = got.stream(setup.url, options);
  // Until the body is piped, a failure must still have a listener, or it would crash the process.
  stream.on('error', () => undefined);
  const response = await responseOf(stream);

  if (response.statusCode === 416 && from > 0) {
    stream.destroy();
    setup.onRestart('the server has fewer bytes than the part already holds');
    await part.restart();
    return;
  }
  if (response.statusCode !== 200 && response.statusCode !== 206) {
    const body = await readSome(stream, ERROR_BODY_LIMIT);
    throw new AttemptError(httpFailure(response.statusCode, body, ctx));
  }
  if (response.statusCode === 206) {
    checkRange(response, from, target, stream);
  } else {
    if (from > 0) {
      setup.onRestart(part.etag === undefined ? 'the server sent the whole file' : 'the file on the server changed');
      await part.restart();
    }
    checkWholeLength(response, target, stream);
  }

  const etag = response.headers.etag;
  part.etag = typeof etag === 'string' && etag !== '' && !etag.startsWith('W/') ? etag : undefined;
  await part.saveSidecar(setup.url);

  const sink = new PackageSink(part, target.length, onBytes, setup.tuning);
  try {
    await pipeline(stream, sink);
  } catch (error) {
    // Keep every byte that arrived before the failure; a failing disk is reported by the error itself.
    await sink.settle().catch(() => undefined);
    throw error;
  }
}

function responseOf(stream: Request): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    stream.once('response', (response: PlainResponse) => {
      stream.off('error', onError);
      resolve(response);
    });
  });
}

function checkRange(response: PlainResponse, from: number, target: DownloadTarget, stream: Request): void {
  const header = response.headers['content-range'] ?? '';
  const match = CONTENT_RANGE.exec(header);
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  const total = match?.[3] === '*' ? Number.NaN : Number(match?.[3]);
  const fail = (answer: RangeAnswer) => {
    stream.destroy();
    const params = {
      name: target.name,
      from,
      answer,
      header,
      start: String(start),
      end: String(end),
      total: match?.[3] ?? '?',
      length: target.length,
    };
    throw new AttemptError({
      kind: 'fatal',
      error: protocolError(params, { contentRange: header, from, length: target.length }),
    });
  };
  if (from === 0) fail('unasked');
  if (match === null) fail('unreadable');
  if (start !== from) fail('wrongStart');
  if (total !== target.length) fail('wrongTotal');
  if (end < start || end >= target.length) fail('impossible');
}

function checkWholeLength(response: PlainResponse, target: DownloadTarget, stream: Request): void {
  const header = response.headers['content-length'];
  if (header === undefined) return;
  const announced = Number(header);
  if (announced > target.length) {
    stream.destroy();
    throw lengthExceeded(target.length, announced);
  }
  if (announced < target.length) {
    stream.destroy();
    throw new HicareError(
      'TARGET_MISMATCH.packageShorter',
      { announced, name: target.name, length: target.length },
      { announced, length: target.length },
    );
  }
}

async function readSome(stream: Request, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch {
    // The status alone still says enough.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
