/**
 * Every way one attempt at a package can fail, sorted into what is worth another try (the network, a stall, a busy
 * or failing server) and what is not (a refusal, a hostile answer, a full or read-only disk), each as the coded
 * error the user finally sees. A portal's own coded refusal passes through with its code, message and remedy.
 */
import { RequestError } from 'got';
import { ErrorBodySchema } from '../../../shared/contracts/common.js';
import { connectionCause, offlineCause } from '../../../shared/connection-words.js';
import { HicareError, type ErrorKey } from '../../../shared/errors.js';
import type { MessageParams } from '../../../shared/i18n/messages.js';
import { errorBodyOf } from '../portal/errors.js';
import { HeadError } from './http-response-head.js';
import { ReceiveError } from './socket-receiver.js';

export type FailureKind = 'offline' | 'timeout' | 'network' | 'server' | 'fatal';

export interface AttemptFailure {
  kind: FailureKind;
  error: HicareError;
}

export interface FailureContext {
  name: string;
  host: string;
  cacheDir: string;
  /** Bytes still missing, for the space remedy. */
  missingBytes: number;
}

const TLS = /^(ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/;
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);
const RETRIED_STATUS = new Set([408, 429]);

export function isRetryable(failure: AttemptFailure): boolean {
  return failure.kind !== 'fatal';
}

export function classify(error: unknown, ctx: FailureContext): AttemptFailure {
  if (error instanceof AttemptError) return error.failure;
  if (error instanceof HicareError) return { kind: 'fatal', error };
  const code = (error as { code?: unknown }).code;
  const text = typeof code === 'string' ? code : '';
  if (NO_SPACE.has(text)) return { kind: 'fatal', error: insufficientSpace(ctx.cacheDir, ctx.missingBytes) };
  if (!isTransportError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    if (typeof (error as { syscall?: unknown }).syscall === 'string') {
      const cause = text === '' ? message : text;
      return failure('fatal', 'DOWNLOAD_FAILED.cacheNotWritable', { cacheDir: ctx.cacheDir }, { cause });
    }
    return failure('fatal', 'DOWNLOAD_FAILED.packageFailed', { name: ctx.name }, { cause: message });
  }
  const where = { host: ctx.host, name: ctx.name };
  if (text === 'ETIMEDOUT' || (error as Error).name === 'TimeoutError') {
    return failure('timeout', 'TIMEOUT.packageServerStopped', where, { cause: text });
  }
  const offline = offlineCause(text);
  if (offline !== undefined) {
    return failure('offline', 'OFFLINE.packageServerUnreachable', { host: ctx.host, cause: offline }, { cause: text });
  }
  if (TLS.test(text)) {
    return failure('fatal', 'UNTRUSTED_PORTAL.packageServerCertificate', { host: ctx.host }, { cause: text });
  }
  const cause = text === '' ? (error as Error).message : text;
  return failure('network', 'DOWNLOAD_FAILED.connectionBroke', { ...where, cause: connectionCause(text) }, { cause });
}

/** A failure of the connection or of what came over it (as opposed to the disk or the program). */
function isTransportError(error: unknown): boolean {
  return error instanceof RequestError || error instanceof ReceiveError || error instanceof HeadError;
}

/** An HTTP answer that is not the package. `body` is at most a few KiB of what the server said. */
export function httpFailure(status: number, body: string, ctx: FailureContext): AttemptFailure {
  let parsed: ReturnType<typeof ErrorBodySchema.safeParse> | undefined;
  try {
    parsed = ErrorBodySchema.safeParse(JSON.parse(body));
  } catch {
    parsed = undefined;
  }
  const retried = status >= 500 || RETRIED_STATUS.has(status);
  if (parsed?.success === true) {
    const { code, details } = parsed.data;
    // A refusal is the portal's word to the user (its key lets the app word it in the language chosen now); a
    // failing server's words are only the reason for the retry, kept in details.
    return retried
      ? failure(
          'server',
          'DOWNLOAD_FAILED.packageServerAnswered',
          { host: ctx.host, name: ctx.name, status },
          { ...details, status, cause: code },
        )
      : { kind: 'fatal', error: HicareError.fromBody(errorBodyOf(parsed.data), { status }) };
  }
  if (retried) {
    return failure(
      'server',
      'DOWNLOAD_FAILED.packageServerAnswered',
      { host: ctx.host, name: ctx.name, status },
      { status, cause: `HTTP ${status}` },
    );
  }
  return failure('fatal', 'PORTAL_ERROR.packageRefused', { host: ctx.host, name: ctx.name, status }, { status });
}

function failure(
  kind: FailureKind,
  key: ErrorKey,
  params: MessageParams,
  details: Record<string, unknown>,
): AttemptFailure {
  return { kind, error: new HicareError(key, params, details) };
}

/** How a server's answer to a range request was wrong. */
export type RangeAnswer = 'unasked' | 'unreadable' | 'wrongStart' | 'wrongTotal' | 'impossible';

/** A server that answers with something other than what was asked for: not worth retrying against. */
export function protocolError(
  params: MessageParams & { answer: RangeAnswer },
  details: Record<string, unknown>,
): HicareError {
  return new HicareError('DOWNLOAD_FAILED.badRangeAnswer', params, details);
}

/** What kept failing, per the last failure's words: the same sentence, said of the last of several attempts. */
const REPEATED: Partial<Record<string, ErrorKey>> = {
  'DOWNLOAD_FAILED.connectionBroke': 'DOWNLOAD_FAILED.repeatedConnectionBroke',
  'DOWNLOAD_FAILED.packageServerAnswered': 'DOWNLOAD_FAILED.repeatedServerAnswered',
  'DOWNLOAD_FAILED.shortAnswer': 'DOWNLOAD_FAILED.repeatedShortAnswer',
};

/** The error the user sees once retrying stops: what kept failing, in the words of the last failure. */
export function finalError(last: AttemptFailure, attempts: number, ctx: FailureContext): HicareError {
  if (last.kind === 'fatal' || last.kind === 'offline' || last.kind === 'timeout') return last.error;
  const key = REPEATED[last.error.key ?? ''] ?? 'DOWNLOAD_FAILED.repeated';
  return new HicareError(key, { ...last.error.params, name: ctx.name, attempts }, { ...last.error.details, attempts });
}

export function insufficientSpace(cacheDir: string, missingBytes: number, available?: number): HicareError {
  const need = Math.ceil(missingBytes / 1e6);
  const short = available === undefined ? need : Math.max(1, Math.ceil((missingBytes - available) / 1e6));
  return available === undefined
    ? new HicareError('INSUFFICIENT_SPACE.packageCache', { cacheDir, need, short }, { needBytes: missingBytes })
    : new HicareError(
        'INSUFFICIENT_SPACE.packageCacheFree',
        { cacheDir, need, short, free: Math.floor(available / 1e6) },
        { needBytes: missingBytes, availableBytes: available },
      );
}

/** Carries a sorted failure out of an attempt, so the retry loop need not sort it again. */
export class AttemptError extends Error {
  constructor(readonly failure: AttemptFailure) {
    super(failure.error.message);
    this.name = 'AttemptError';
  }
}
