/**
 * Every way one attempt at a package can fail, sorted into what is worth another try (the network, a stall, a busy
 * or failing server) and what is not (a refusal, a hostile answer, a full or read-only disk), each as the coded
 * error the user finally sees. A portal's own coded refusal passes through with its code, message and remedy.
 */
import { RequestError } from 'got';
import { ErrorBodySchema } from '../../../shared/contracts/common.js';
import { connectionWords, offlineWords } from '../../../shared/connection-words.js';
import { HicareError, type ErrorCode } from '../../../shared/errors.js';

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
  if (!(error instanceof RequestError)) {
    const message = error instanceof Error ? error.message : String(error);
    if (typeof (error as { syscall?: unknown }).syscall === 'string') {
      const cause = text === '' ? message : text;
      const remedy = 'Make sure the download folder exists and is writable, then try again.';
      return failure('fatal', 'DOWNLOAD_FAILED', `The package cache at ${ctx.cacheDir} cannot be written.`, remedy, {
        cause,
      });
    }
    return failure(
      'fatal',
      'DOWNLOAD_FAILED',
      `Downloading ${ctx.name} failed.`,
      'Try again; if it keeps failing, contact support.',
      { cause: message },
    );
  }
  if (text === 'ETIMEDOUT' || error.name === 'TimeoutError') {
    const message = `The package server at ${ctx.host} stopped answering while sending ${ctx.name}.`;
    return failure(
      'timeout',
      'TIMEOUT',
      message,
      'Check your network connection and try again; the download resumes where it stopped.',
      { cause: text },
    );
  }
  const offline = offlineWords(text);
  if (offline !== undefined) {
    const remedy =
      'Check your network connection and the proxy (Settings → Proxy, or HTTPS_PROXY), then try again; what was downloaded is kept.';
    return failure('offline', 'OFFLINE', `The package server at ${ctx.host} cannot be reached: ${offline}.`, remedy, {
      cause: text,
    });
  }
  if (TLS.test(text)) {
    const remedy = 'Add your company CA bundle under Settings → Extra CA bundle, or check the portal address.';
    return failure(
      'fatal',
      'UNTRUSTED_PORTAL',
      `The certificate of ${ctx.host} is not trusted by this computer.`,
      remedy,
      { cause: text },
    );
  }
  const cause = text === '' ? error.message : text;
  return failure(
    'network',
    'DOWNLOAD_FAILED',
    `The connection to ${ctx.host} broke off while sending ${ctx.name}: ${connectionWords(text)}.`,
    RESUMES,
    { cause },
  );
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
    const { code, message, remedy, details } = parsed.data;
    // A refusal is the portal's word to the user; a failing server's words only explain the retry.
    return retried
      ? failure(
          'server',
          'DOWNLOAD_FAILED',
          `The package server at ${ctx.host} answered ${status}: ${message}`,
          LATER,
          { ...details, status, cause: code },
        )
      : failure('fatal', code, message, remedy, { ...details, status });
  }
  if (retried) {
    return failure(
      'server',
      'DOWNLOAD_FAILED',
      `The package server at ${ctx.host} answered ${status} for ${ctx.name}.`,
      LATER,
      { status, cause: `HTTP ${status}` },
    );
  }
  const message = `The package server at ${ctx.host} refused ${ctx.name} (${status}) without an explanation.`;
  return failure(
    'fatal',
    'PORTAL_ERROR',
    message,
    'Check the portal address and that you are signed in, then try again.',
    { status },
  );
}

function failure(
  kind: FailureKind,
  code: ErrorCode,
  message: string,
  remedy: string,
  details: Record<string, unknown>,
): AttemptFailure {
  return { kind, error: new HicareError(code, message, remedy, details) };
}

const RESUMES = 'Try again; the download resumes where it stopped.';
const LATER = 'Try again later; the download resumes where it stopped.';

/** A server that answers with something other than what was asked for: not worth retrying against. */
export function protocolError(message: string, details: Record<string, unknown>): HicareError {
  const remedy =
    'Try again later; if it happens again, report it to the vendor: the server does not answer range requests correctly.';
  return new HicareError('DOWNLOAD_FAILED', message, remedy, details);
}

/** The error the user sees once retrying stops: what kept failing, in the words of the last failure. */
export function finalError(last: AttemptFailure, attempts: number, ctx: FailureContext): HicareError {
  if (last.kind === 'fatal' || last.kind === 'offline' || last.kind === 'timeout') return last.error;
  return new HicareError(
    'DOWNLOAD_FAILED',
    `Downloading ${ctx.name} failed ${attempts} times in a row; the last time: ${last.error.message}`,
    'Try again later; the download resumes where it stopped. If it keeps failing, contact support.',
    { ...last.error.details, attempts },
  );
}

export function insufficientSpace(cacheDir: string, missingBytes: number, available?: number): HicareError {
  const need = Math.ceil(missingBytes / 1e6);
  const short = available === undefined ? need : Math.max(1, Math.ceil((missingBytes - available) / 1e6));
  return new HicareError(
    'INSUFFICIENT_SPACE',
    `There is not enough free space for the package in ${cacheDir}: it needs ${need} MB more${available === undefined ? '' : `, ${Math.floor(available / 1e6)} MB are free`}.`,
    `Free at least ${short} MB on the disk holding ${cacheDir}, then resume the download: what was downloaded is kept.`,
    available === undefined ? { needBytes: missingBytes } : { needBytes: missingBytes, availableBytes: available },
  );
}

/** Carries a sorted failure out of an attempt, so the retry loop need not sort it again. */
export class AttemptError extends Error {
  constructor(readonly failure: AttemptFailure) {
    super(failure.error.message);
    this.name = 'AttemptError';
  }
}
