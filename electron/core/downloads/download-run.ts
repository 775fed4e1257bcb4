/**
 * One download from start to a verified file in the cache, or to a coded failure: the cache is asked first, then
 * the disk is checked for room, then attempts follow each other — each resuming from what the part holds — until
 * the package is complete, a failure is final or retries run out. The finished part is verified against the target,
 * made durable and renamed into place; a part that does not verify is quarantined.
 */
import { HicareError } from '../../../shared/errors.js';
import type { Clock, Logger } from '../adapters.js';
import { backoffDelay, sleep, type Backoff } from './backoff.js';
import { SPACE_HEADROOM } from './free-space.js';
import { sizeOf, type PackageCache } from './package-cache.js';
import type { SinkTuning } from './package-sink.js';
import { PartFile } from './part-file.js';
import { transferOnce } from './transfer.js';
import {
  classify,
  finalError,
  insufficientSpace,
  isRetryable,
  type AttemptFailure,
  type FailureContext,
} from './transfer-errors.js';
import type { DownloadJob, RequestOptions } from './types.js';
import type { Agents } from 'got';

export interface RunContext {
  cache: PackageCache;
  clock: Clock;
  logger: Logger;
  freeSpace: (dir: string) => Promise<number>;
  headers: NonNullable<RequestOptions['headers']> | undefined;
  timeoutMs: number;
  retries: number;
  backoff: Backoff;
  agent: Agents | undefined;
  https: RequestOptions['https'];
  tuning: SinkTuning;
}

export interface RunHooks {
  /** The run moved on to transferring (`downloading`) or to checking bytes it holds (`verifying`). */
  phase(phase: 'downloading' | 'verifying'): void;
  /** `bytes` more came over the network; the part now holds `received`. */
  bytes(bytes: number, received: number): void;
  retry(retry: number, delayMs: number, error: HicareError): void;
}

export interface RunOutcome {
  path: string;
  fromCache: boolean;
}

/** Thrown when the run was stopped from outside (pause or cancel); the part is left as it is. */
export class RunStopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'RunStopped';
  }
}

/** Failures after which the part is worthless: the server is not serving the target. */
const DISCARD_PART = new Set(['LENGTH_EXCEEDED', 'TARGET_MISMATCH']);

export async function runDownload(
  ctx: RunContext,
  job: DownloadJob,
  signal: AbortSignal,
  hooks: RunHooks,
): Promise<RunOutcome> {
  const { target, url } = job;
  const { cache } = ctx;
  await cache.ensure();
  if ((await sizeOf(cache.packagePath(target.sha256))) !== undefined) {
    hooks.phase('verifying');
    if ((await cache.lookup(target.sha256, target.length, ctx.clock.now())) === 'hit')
      return { path: cache.packagePath(target.sha256), fromCache: true };
    ctx.logger.warn('a cached package did not match its name and was quarantined', {
      target: target.name,
      sha256: target.sha256,
    });
  }

  // Checked before any byte is transferred, against what the part already holds.
  const partSize = Math.min((await sizeOf(cache.partPath(target.sha256))) ?? 0, target.length);
  const missing = target.length - partSize;
  const available = await ctx.freeSpace(cache.root);
  if (available < missing + SPACE_HEADROOM) throw insufficientSpace(cache.root, missing + SPACE_HEADROOM, available);

  hooks.phase('downloading');
  const part = await PartFile.open(cache, target, url, ctx.tuning);
  let partMoved = false;
  try {
    await transferAll(ctx, job, part, signal, hooks);
    hooks.phase('verifying');
    const actual = await part.hash.digest();
    if (actual !== target.sha256 || part.received !== target.length) {
      await part.forgetSidecar();
      partMoved = true;
      const where = await cache.toQuarantine(part.path, target.sha256, ctx.clock.now());
      throw new HicareError(
        'HASH_MISMATCH.downloadedPackage',
        { name: target.name, actual, expected: target.sha256 },
        { expected: target.sha256, actual, quarantined: where },
      );
    }
    await part.sync();
    await part.forgetSidecar();
    partMoved = true;
    return { path: await cache.publish(part.path, target.sha256), fromCache: false };
  } catch (error) {
    if (partMoved) throw error;
    if (error instanceof HicareError && DISCARD_PART.has(error.code)) {
      await part.discard();
    } else {
      // Whatever happened, what the part holds stays resumable.
      await part.saveSidecar(url).catch(() => undefined);
      await part.close();
    }
    throw error;
  }
}

async function transferAll(
  ctx: RunContext,
  job: DownloadJob,
  part: PartFile,
  signal: AbortSignal,
  hooks: RunHooks,
): Promise<void> {
  const { target, url } = job;
  const host = hostOf(url);
  let failures = 0;
  // Retries are counted afresh once an attempt gets further than any before: a long download over a flaky line
  // keeps going, while a server that keeps failing at the same point is given up on.
  let furthest = part.received;
  while (part.received < target.length) {
    if (signal.aborted) throw new RunStopped();
    if (!part.trusted) await part.resync();
    const fctx: FailureContext = {
      name: target.name,
      host,
      cacheDir: ctx.cache.root,
      missingBytes: target.length - part.received,
    };
    const headers = await requestHeaders(ctx, target.name);
    let failure: AttemptFailure | undefined;
    try {
      await transferOnce(
        part,
        target,
        {
          url,
          headers,
          timeoutMs: ctx.timeoutMs,
          ...(ctx.agent === undefined ? {} : { agent: ctx.agent }),
          ...(ctx.https === undefined ? {} : { https: ctx.https }),
          signal,
          tuning: ctx.tuning,
          onRestart: (reason) => ctx.logger.info('the download starts over', { target: target.name, reason }),
        },
        (bytes) => hooks.bytes(bytes, part.received),
        fctx,
      );
      if (signal.aborted) throw new RunStopped();
    } catch (error) {
      if (signal.aborted) throw new RunStopped();
      failure = classify(error, fctx);
      if (!isRetryable(failure)) throw failure.error;
    }
    if (failure === undefined) {
      if (part.received === target.length) continue;
      if (part.received > furthest) {
        // The answer ended short but got further (a server sending the file in pieces): ask for the rest at once.
        furthest = part.received;
        failures = 0;
        continue;
      }
      failure = {
        kind: 'network',
        error: new HicareError('DOWNLOAD_FAILED.shortAnswer', { host, name: target.name }, { cause: 'short answer' }),
      };
    }
    if (part.received > furthest) {
      furthest = part.received;
      failures = 0;
    }
    failures += 1;
    if (failures > ctx.retries) throw finalError(failure, failures, fctx);
    const delay = backoffDelay(failures, ctx.backoff);
    ctx.logger.warn('a download attempt failed; retrying', {
      target: target.name,
      retry: failures,
      delayMs: delay,
      code: failure.error.code,
      message: failure.error.message,
    });
    hooks.retry(failures, delay, failure.error);
    await sleep(delay, signal);
  }
}

/** The caller's headers for this attempt (a token may have been refreshed since the last one). */
async function requestHeaders(ctx: RunContext, name: string): Promise<Record<string, string>> {
  if (ctx.headers === undefined) return {};
  try {
    return await ctx.headers();
  } catch (error) {
    if (error instanceof HicareError) throw error;
    // What went wrong is internal text: kept for the log, not put in the sentence.
    const why = error instanceof Error ? error.message : String(error);
    throw new HicareError('DOWNLOAD_FAILED.requestUnprepared', { name }, { cause: why });
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
