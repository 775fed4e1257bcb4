/**
 * The SHA-256 of a package's bytes, taken block by block as they go to the disk. For a large package it runs on a
 * thread of its own, reading the blocks in the shared pool where they are: the hash (the costliest step per byte)
 * then overlaps with reading the socket instead of following it. Updates are hashed strictly in the order given;
 * each resolves once its block may be reused.
 */
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Block, BlockPool } from './block-pool.js';

export interface RunningHash {
  /** Adds the first `bytes` of `block`; resolves when the block is no longer read. */
  update(block: Block, bytes: number): Promise<void>;
  /** Hex digest of everything added since the last reset; the hash then starts afresh. */
  digest(): Promise<string>;
  /** Starts afresh (after updates already given). */
  reset(): void;
  close(): Promise<void>;
}

/** On the caller's thread: no start-up cost, for packages too small to gain from a thread. */
export class InlineHash implements RunningHash {
  private hash: Hash = createHash('sha256');

  update(block: Block, bytes: number): Promise<void> {
    this.hash.update(bytes === block.bytes.length ? block.bytes : block.bytes.subarray(0, bytes));
    return Promise.resolve();
  }

  digest(): Promise<string> {
    const hex = this.hash.digest('hex');
    this.hash = createHash('sha256');
    return Promise.resolve(hex);
  }

  reset(): void {
    this.hash = createHash('sha256');
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/*
 * The thread's whole program. Plain CommonJS in a string, so that it runs the same from the sources, from a bundle
 * and inside Electron, with no file of its own to locate at run time.
 */
const HASH_THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const memory = Buffer.from(workerData.memory);
let hash = createHash('sha256');
parentPort.on('message', (message) => {
  if (message.op === 'update') {
    hash.update(memory.subarray(message.offset, message.offset + message.bytes));
    parentPort.postMessage({ op: 'updated' });
  } else if (message.op === 'digest') {
    const hex = hash.digest('hex');
    hash = createHash('sha256');
    parentPort.postMessage({ op: 'digest', hex });
  } else if (message.op === 'reset') {
    hash = createHash('sha256');
  }
});
`;

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

type Reply = { op: 'updated' } | { op: 'digest'; hex: string };

export class ThreadHash implements RunningHash {
  private readonly worker: Worker;
  private readonly updates: Pending<void>[] = [];
  private readonly digests: Pending<string>[] = [];
  private broken: Error | undefined;
  private closed = false;

  constructor(private readonly pool: BlockPool) {
    // No inherited loaders or flags: the thread needs nothing but Node's own modules. Its heap holds only small
    // messages, so it is kept small: the default young generation alone would add megabytes to the download's RSS.
    this.worker = new Worker(HASH_THREAD_SOURCE, {
      eval: true,
      workerData: { memory: pool.memory },
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
    });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.onReply(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.fail(new Error(`the hashing thread stopped (exit code ${code})`));
    });
  }

  update(block: Block, bytes: number): Promise<void> {
    if (block.offset + bytes > this.pool.memory.byteLength)
      return Promise.reject(new RangeError("the block is not in the hash thread's pool"));
    return this.request(this.updates, { op: 'update', offset: block.offset, bytes });
  }

  digest(): Promise<string> {
    return this.request(this.digests, { op: 'digest' });
  }

  reset(): void {
    if (this.broken === undefined && !this.closed) this.worker.postMessage({ op: 'reset' });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fail(new Error('the hash was closed'));
    await this.worker.terminate();
  }

  private request<T>(queue: Pending<T>[], message: object): Promise<T> {
    if (this.broken !== undefined) return Promise.reject(this.broken);
    return new Promise<T>((resolve, reject) => {
      // Kept alive only while an answer is awaited: an idle thread must not hold the process open.
      if (this.waiting() === 0) this.worker.ref();
      queue.push({ resolve, reject });
      this.worker.postMessage(message);
    });
  }

  private onReply(reply: Reply): void {
    if (reply.op === 'updated') this.updates.shift()?.resolve();
    else this.digests.shift()?.resolve(reply.hex);
    if (this.waiting() === 0) this.worker.unref();
  }

  private waiting(): number {
    return this.updates.length + this.digests.length;
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const pending of [...this.updates.splice(0), ...this.digests.splice(0)]) pending.reject(this.broken);
  }
}

/** A thread for packages of `threadFromBytes` and more; inline below that, or if no thread can be started. */
export function runningHash(pool: BlockPool, length: number, threadFromBytes: number): RunningHash {
  if (length < threadFromBytes) return new InlineHash();
  try {
    return new ThreadHash(pool);
  } catch {
    return new InlineHash();
  }
}
