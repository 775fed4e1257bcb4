/**
 * The client's download manager: hands out one handle per package, runs a bounded number of downloads at once,
 * and reports progress and state changes as typed events. The same package asked for twice while in flight gets
 * the same handle. Pausing keeps the part for a later resume; cancelling deletes it.
 */
import { randomUUID } from 'node:crypto';
import { HicareError } from '../../../shared/errors.js';
import { silentLogger, systemClock, type Clock, type Logger } from '../adapters.js';
import { runDownload, RunStopped, type RunContext, type RunOutcome } from './download-run.js';
import { statfsFreeSpace } from './free-space.js';
import { PackageCache } from './package-cache.js';
import { DEFAULT_TUNING, type SinkTuning } from './package-sink.js';
import { removePart } from './part-file.js';
import { ProgressMeter } from './progress-meter.js';
import { classify } from './transfer-errors.js';
import { TypedEmitter } from './typed-emitter.js';
import type {
  DownloadEvents,
  DownloadHandle,
  DownloadJob,
  DownloadManagerOptions,
  DownloadResult,
  DownloadState,
} from './types.js';

interface Entry {
  id: string;
  key: string;
  job: DownloadJob;
  handle: DownloadHandle;
  state: DownloadState;
  /** What the user last asked for; a running download notices it when it unwinds. */
  intent: 'run' | 'pause' | 'cancel';
  running: boolean;
  controller: AbortController | undefined;
  transferred: number;
  received: number;
  meter: ProgressMeter;
  /** Settles when an earlier cancelled download of the same package has removed its part. */
  after: Promise<void>;
  resolve: (result: DownloadResult) => void;
  reject: (error: HicareError) => void;
}

export interface DownloadManagerTuning {
  /** Advanced: how the body is written to disk and hashed (block size, bytes queued, direct I/O, hashing thread). */
  tuning?: Partial<SinkTuning>;
}

export class DownloadManager extends TypedEmitter<DownloadEvents> {
  private readonly cache: PackageCache;
  private readonly concurrency: number;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly run: RunContext;
  private readonly entries = new Map<string, Entry>();
  private readonly waiting: Entry[] = [];
  private readonly cleanups = new Map<string, Promise<void>>();
  private runningCount = 0;

  constructor(options: DownloadManagerOptions & DownloadManagerTuning) {
    const logger = options.logger ?? silentLogger;
    super(logger);
    const concurrency = options.concurrency ?? 3;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new HicareError('INVALID_INPUT.parallelDownloads', { value: String(concurrency) });
    }
    const request = options.request ?? {};
    this.cache = new PackageCache(options.cacheDir);
    this.concurrency = concurrency;
    this.clock = options.clock ?? systemClock;
    this.logger = logger;
    this.run = {
      cache: this.cache,
      clock: this.clock,
      logger,
      freeSpace: options.freeSpace ?? statfsFreeSpace,
      headers: request.headers,
      timeoutMs: request.timeoutMs ?? 30_000,
      retries: request.retries ?? 5,
      backoff: { baseMs: request.backoff?.baseMs ?? 500, maxMs: request.backoff?.maxMs ?? 30_000 },
      agent: request.agent,
      https: request.https,
      tuning: { ...DEFAULT_TUNING, ...options.tuning },
    };
  }

  /** Starts (or joins) the download of `job.target`; throws INVALID_INPUT at once for a malformed job. */
  download(job: DownloadJob): DownloadHandle {
    const normalized = validateJob(job);
    const key = normalized.target.sha256;
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      if (existing.job.target.length !== normalized.target.length) {
        throw new HicareError('INVALID_INPUT.downloadLengthConflict', { name: normalized.target.name });
      }
      return existing.handle;
    }
    const entry = this.createEntry(key, normalized);
    this.entries.set(key, entry);
    this.emit('state', { id: entry.id, name: normalized.target.name, state: 'queued' });
    this.waiting.push(entry);
    this.pump();
    return entry.handle;
  }

  private createEntry(key: string, job: DownloadJob): Entry {
    let resolve!: (result: DownloadResult) => void;
    let reject!: (error: HicareError) => void;
    const done = new Promise<DownloadResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A caller that only watches events must not crash the process with an unhandled rejection.
    done.catch(() => undefined);
    const id = randomUUID();
    const entry: Entry = {
      id,
      key,
      job,
      state: 'queued',
      intent: 'run',
      running: false,
      controller: undefined,
      transferred: 0,
      received: 0,
      meter: new ProgressMeter(job.target.length, this.clock),
      after: this.cleanups.get(key) ?? Promise.resolve(),
      resolve,
      reject,
      handle: {
        id,
        done,
        pause: () => this.pause(entry),
        resume: () => this.resume(entry),
        cancel: () => this.cancel(entry),
      },
    };
    return entry;
  }

  private pump(): void {
    while (this.runningCount < this.concurrency) {
      const entry = this.waiting.shift();
      if (entry === undefined) return;
      this.start(entry);
    }
  }

  private start(entry: Entry): void {
    this.runningCount += 1;
    entry.running = true;
    entry.intent = 'run';
    const controller = new AbortController();
    entry.controller = controller;
    entry.meter.restart(entry.transferred);
    const hooks = {
      phase: (phase: 'downloading' | 'verifying') => this.setState(entry, phase),
      bytes: (bytes: number, received: number) => this.onBytes(entry, bytes, received, false),
      retry: (retry: number, delayMs: number, error: HicareError) =>
        this.emit('retry', { id: entry.id, name: entry.job.target.name, attempt: retry, delayMs, error }),
    };
    entry.after
      .then(() => runDownload(this.run, entry.job, controller.signal, hooks))
      .then(
        (outcome) => ({ outcome, error: undefined }),
        (error: unknown) => ({ outcome: undefined, error }),
      )
      .then(async ({ outcome, error }) => {
        // Not running any more before anyone hears of it: a resume() from a 'paused' listener must requeue.
        entry.running = false;
        entry.controller = undefined;
        this.runningCount -= 1;
        if (outcome !== undefined) this.finish(entry, outcome);
        else await this.stopped(entry, error);
      })
      .catch((error: unknown) =>
        this.logger.error('a download could not be settled', { target: entry.job.target.name, error: String(error) }),
      )
      .finally(() => this.pump());
  }

  private onBytes(entry: Entry, bytes: number, received: number, force: boolean): void {
    entry.transferred += bytes;
    entry.received = received;
    const figures = entry.meter.sample(received, entry.transferred, force);
    if (figures === undefined) return;
    this.emit('progress', {
      id: entry.id,
      name: entry.job.target.name,
      receivedBytes: received,
      totalBytes: entry.job.target.length,
      ...figures,
    });
  }

  private finish(entry: Entry, outcome: RunOutcome): void {
    const { target } = entry.job;
    if (!outcome.fromCache) this.onBytes(entry, 0, target.length, true);
    this.entries.delete(entry.key);
    this.setState(entry, 'done');
    this.logger.info('package downloaded', {
      target: target.name,
      sha256: target.sha256,
      fromCache: outcome.fromCache,
      bytesTransferred: entry.transferred,
    });
    entry.resolve({
      path: outcome.path,
      sha256: target.sha256,
      length: target.length,
      fromCache: outcome.fromCache,
      bytesTransferred: entry.transferred,
    });
  }

  private async stopped(entry: Entry, error: unknown): Promise<void> {
    if (error instanceof RunStopped) {
      if (entry.intent === 'cancel') return this.finishCancel(entry);
      if (entry.intent === 'pause') return this.setState(entry, 'paused');
      // Resumed before the stop took effect.
      this.enqueue(entry);
      return;
    }
    const coded = classify(error, {
      name: entry.job.target.name,
      host: '',
      cacheDir: this.cache.root,
      missingBytes: entry.job.target.length - entry.received,
    }).error;
    this.entries.delete(entry.key);
    this.setState(entry, 'failed', coded);
    this.logger.error('download failed', { target: entry.job.target.name, code: coded.code, message: coded.message });
    entry.reject(coded);
  }

  private pause(entry: Entry): void {
    if (entry.state === 'done' || entry.state === 'failed' || entry.state === 'cancelled' || entry.intent === 'cancel')
      return;
    entry.intent = 'pause';
    if (entry.running) {
      entry.controller?.abort();
      return;
    }
    this.unqueue(entry);
    this.setState(entry, 'paused');
  }

  private resume(entry: Entry): void {
    if (entry.intent !== 'pause') return;
    entry.intent = 'run';
    // A running download that was asked to pause re-queues itself when it has unwound.
    if (!entry.running) this.enqueue(entry);
  }

  private cancel(entry: Entry): void {
    if (entry.state === 'done' || entry.state === 'failed' || entry.state === 'cancelled' || entry.intent === 'cancel')
      return;
    entry.intent = 'cancel';
    if (entry.running) {
      entry.controller?.abort();
      return;
    }
    this.unqueue(entry);
    void this.finishCancel(entry);
  }

  private async finishCancel(entry: Entry): Promise<void> {
    this.entries.delete(entry.key);
    const { sha256, name } = entry.job.target;
    const removal = removePart(this.cache.partPath(sha256), this.cache.sidecarPath(sha256)).catch((error: unknown) =>
      this.logger.warn('a cancelled download left its part behind', { target: name, error: String(error) }),
    );
    this.cleanups.set(entry.key, removal);
    await removal;
    if (this.cleanups.get(entry.key) === removal) this.cleanups.delete(entry.key);
    const error = new HicareError('DOWNLOAD_CANCELLED.byUser', { name });
    this.setState(entry, 'cancelled', error);
    entry.reject(error);
  }

  private enqueue(entry: Entry): void {
    this.setState(entry, 'queued');
    this.waiting.push(entry);
    this.pump();
  }

  private unqueue(entry: Entry): void {
    const at = this.waiting.indexOf(entry);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  private setState(entry: Entry, state: DownloadState, error?: HicareError): void {
    if (entry.state === state && error === undefined) return;
    entry.state = state;
    this.emit(
      'state',
      error === undefined
        ? { id: entry.id, name: entry.job.target.name, state }
        : { id: entry.id, name: entry.job.target.name, state, error },
    );
  }
}

function validateJob(job: DownloadJob): DownloadJob {
  const { target, url } = job;
  if (typeof target?.name !== 'string' || target.name === '') throw new HicareError('INVALID_INPUT.downloadUnnamed');
  if (typeof target.sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(target.sha256)) {
    throw new HicareError('INVALID_INPUT.downloadSha256', { name: target.name });
  }
  if (!Number.isSafeInteger(target.length) || target.length < 0)
    throw new HicareError('INVALID_INPUT.downloadLength', { name: target.name });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HicareError('INVALID_INPUT.downloadAddress', { address: String(url) });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new HicareError('INVALID_INPUT.downloadProtocol', { protocol: parsed.protocol });
  return { target: { name: target.name, length: target.length, sha256: target.sha256.toLowerCase() }, url };
}
