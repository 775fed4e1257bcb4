/**
 * One attempt at fetching the rest of a package: a GET that asks only for the bytes the `.part` lacks (`Range`,
 * guarded by `If-Range` so a changed file is sent whole rather than spliced), checks that the answer is what was
 * asked for, and reads the body into the part. Retrying is the caller's business.
 */
import type { Agents } from 'got';
import { HicareError } from '../../../shared/errors.js';
import { directAnswer, type AnswerRequest, type PackageAnswer } from './package-answer.js';
import { PackageSink, lengthExceeded, type SinkTuning } from './package-sink.js';
import type { PartFile } from './part-file.js';
import { proxiedAnswer } from './proxied-answer.js';
import { AttemptError, httpFailure, protocolError, type FailureContext, type RangeAnswer } from './transfer-errors.js';
import type { DownloadTarget } from './types.js';

export interface AttemptSetup {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** A proxy's agents; without them the package is fetched over a connection of its own. */
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
  const request: AnswerRequest = { url: setup.url, headers, timeoutMs: setup.timeoutMs, signal: setup.signal };
  const ca = setup.https?.certificateAuthority;
  if (ca !== undefined) request.certificateAuthority = ca;
  const response = await (setup.agent === undefined ? directAnswer(request) : proxiedAnswer(request, setup.agent));

  if (response.status === 416 && from > 0) {
    response.close();
    setup.onRestart('the server has fewer bytes than the part already holds');
    await part.restart();
    return;
  }
  if (response.status !== 200 && response.status !== 206) {
    const body = await response.readText(ERROR_BODY_LIMIT);
    throw new AttemptError(httpFailure(response.status, body, ctx));
  }
  if (response.status === 206) {
    checkRange(response, from, target);
  } else {
    if (from > 0) {
      setup.onRestart(part.etag === undefined ? 'the server sent the whole file' : 'the file on the server changed');
      await part.restart();
    }
    checkWholeLength(response, target);
  }

  const etag = response.header('etag');
  part.etag = etag !== undefined && etag !== '' && !etag.startsWith('W/') ? etag : undefined;
  await part.saveSidecar(setup.url);

  const sink = new PackageSink(part, target.length, onBytes, setup.tuning);
  try {
    await response.intoSink(sink);
    await sink.settle();
  } catch (error) {
    response.close();
    // Keep every byte that arrived before the failure; a failing disk is reported by the error itself.
    await sink.settle().catch(() => undefined);
    throw error;
  }
}

function checkRange(response: PackageAnswer, from: number, target: DownloadTarget): void {
  const header = response.header('content-range') ?? '';
  const match = CONTENT_RANGE.exec(header);
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  const total = match?.[3] === '*' ? Number.NaN : Number(match?.[3]);
  const fail = (answer: RangeAnswer) => {
    response.close();
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

function checkWholeLength(response: PackageAnswer, target: DownloadTarget): void {
  const header = response.header('content-length');
  if (header === undefined) return;
  const announced = Number(header);
  if (announced > target.length) {
    response.close();
    throw lengthExceeded(target.length, announced);
  }
  if (announced < target.length) {
    response.close();
    throw new HicareError(
      'TARGET_MISMATCH.packageShorter',
      { announced, name: target.name, length: target.length },
      { announced, length: target.length },
    );
  }
}
