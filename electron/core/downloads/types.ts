/**
 * The download manager's public vocabulary: what a caller asks for (a target whose length and SHA-256 the trust
 * layer has already verified, and where to fetch it), what it gets back, and the events it can watch.
 */
import type { Agents } from 'got';
import type { HicareError } from '../../../shared/errors.js';
import type { Clock, Logger } from '../adapters.js';

/** A package as the verified signed catalog describes it. */
export interface DownloadTarget {
  name: string;
  length: number;
  /** Lowercase hex SHA-256 of the package bytes. */
  sha256: string;
}

export interface DownloadJob {
  target: DownloadTarget;
  url: string;
}

export interface DownloadResult {
  /** The package in the content-addressed cache: `<cacheDir>/sha256/<hex>`. */
  path: string;
  sha256: string;
  length: number;
  /** True when the package was already in the cache and no byte crossed the network. */
  fromCache: boolean;
  /** Body bytes received over the network for this download, across every attempt, pause and restart. */
  bytesTransferred: number;
}

export interface DownloadHandle {
  id: string;
  done: Promise<DownloadResult>;
  pause(): void;
  resume(): void;
  cancel(): void;
}

export type DownloadState = 'queued' | 'downloading' | 'paused' | 'verifying' | 'done' | 'failed' | 'cancelled';

export interface ProgressEvent {
  id: string;
  name: string;
  receivedBytes: number;
  totalBytes: number;
  /** Smoothed over the last seconds, so the figure does not jump with every chunk. */
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface StateEvent {
  id: string;
  name: string;
  state: DownloadState;
  /** Present when `state` is `failed` or `cancelled`. */
  error?: HicareError;
}

export interface RetryEvent {
  id: string;
  name: string;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  error: HicareError;
}

export interface DownloadEvents {
  progress: ProgressEvent;
  state: StateEvent;
  retry: RetryEvent;
}

export interface RequestOptions {
  /** Sent with every request, e.g. the bearer token; called again before each attempt so a refreshed token is used. */
  headers?: () => Promise<Record<string, string>> | Record<string, string>;
  /** Connect, first byte and stall (no byte for this long) limit. Default 30 s. */
  timeoutMs?: number;
  /** Consecutive failed attempts retried before giving up. Default 5. */
  retries?: number;
  /** First retry delay; each next one doubles, with jitter, up to `maxMs`. Defaults 500 ms and 30 s. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** e.g. proxy agents from hpagent. */
  agent?: Agents;
  https?: { certificateAuthority?: string | Buffer };
}

export interface DownloadManagerOptions {
  cacheDir: string;
  /** Downloads running at once. Default 3. */
  concurrency?: number;
  clock?: Clock;
  logger?: Logger;
  request?: RequestOptions;
  /** Bytes available to this user in `dir`. Default: statfs bavail × bsize. */
  freeSpace?: (dir: string) => Promise<number>;
}
