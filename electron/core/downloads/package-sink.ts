/**
 * Where a response body goes: each chunk is counted against the target's length (one byte too many ends the
 * transfer before it touches the disk) and copied into large reused blocks; each full block is added to the running
 * SHA-256 and appended to the `.part`, in order, by one writer. Only a bounded number of bytes wait for the disk;
 * past that the sink stops accepting and the stream's backpressure stops the socket, so memory stays flat whatever
 * the package size.
 */
import { Writable } from 'node:stream';
import { HicareError } from '../../../shared/errors.js';
import type { PartFile } from './part-file.js';

export interface SinkTuning {
  /** Bytes gathered before one write. Large blocks keep the syscall and thread-pool overhead low. */
  blockBytes: number;
  /** Bytes allowed to wait for the disk before the sink pushes back. */
  maxQueuedBytes: number;
  /**
   * Bytes after which the disk is asked, in the background, to flush what was written so far: the final fsync then
   * has little left to do, instead of flushing the whole package after the last byte arrived. 0 turns it off.
   */
  flushEveryBytes: number;
}

export const DEFAULT_TUNING: SinkTuning = { blockBytes: 1024 * 1024, maxQueuedBytes: 8 * 1024 * 1024, flushEveryBytes: 64 * 1024 * 1024 };

export class PackageSink extends Writable {
  /** Blocks are reused: a fresh buffer per block would cost page faults and garbage collection per megabyte. */
  private readonly spare: Buffer[] = [];
  private blocksMade = 0;
  private readonly maxBlocks: number;
  private block: Buffer | undefined;
  private fill = 0;
  private readonly queue: { block: Buffer; bytes: number }[] = [];
  private position: number;
  private writing = false;
  private failure: Error | undefined;
  private settled = false;
  private flushing: Promise<void> | undefined;
  private nextFlushAt: number;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly part: PartFile,
    private readonly length: number,
    private readonly onBytes: (bytes: number) => void,
    private readonly tuning: SinkTuning = DEFAULT_TUNING,
  ) {
    super({ highWaterMark: tuning.blockBytes });
    this.position = part.received;
    this.maxBlocks = Math.max(2, Math.ceil(tuning.maxQueuedBytes / tuning.blockBytes) + 1);
    this.nextFlushAt = tuning.flushEveryBytes > 0 ? this.position + tuning.flushEveryBytes : Number.POSITIVE_INFINITY;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.failure !== undefined) return callback(this.failure);
    const after = this.part.received + chunk.length;
    if (after > this.length) return callback(lengthExceeded(this.length, after));
    this.take(chunk, 0, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.settle().then(() => callback(), callback);
  }

  /**
   * Writes out what was received and waits for the disk. Called after the body ended or broke off: bytes that
   * arrived before a cut are kept, so a resume asks only for what is really missing.
   */
  async settle(): Promise<void> {
    // A chunk still waiting for a free block is dropped whole: `received` counts only bytes copied into blocks.
    this.settled = true;
    if (this.block !== undefined && this.fill > 0 && this.failure === undefined) this.seal();
    await this.waitFor(() => this.failure !== undefined || (!this.writing && this.queue.length === 0));
    await this.flushing;
    if (this.failure !== undefined) throw this.failure;
  }

  /** Copies `chunk` from `offset` into blocks, sealing each full one; waits for a free block when all are queued. */
  private take(chunk: Buffer, offset: number, callback: (error?: Error | null) => void): void {
    let at = offset;
    while (at < chunk.length) {
      if (this.settled) return callback(this.failure ?? new Error('the transfer ended'));
      if (this.block === undefined) {
        const block = this.spare.pop() ?? (this.blocksMade < this.maxBlocks ? this.makeBlock() : undefined);
        if (block === undefined) {
          this.waitFor(() => this.failure !== undefined || this.spare.length > 0).then(
            () => (this.failure === undefined ? this.take(chunk, at, callback) : callback(this.failure)),
            callback,
          );
          return;
        }
        this.block = block;
        this.fill = 0;
      }
      const copied = chunk.copy(this.block, this.fill, at);
      this.fill += copied;
      this.part.received += copied;
      at += copied;
      if (this.fill === this.block.length) this.seal();
    }
    this.onBytes(chunk.length);
    callback();
  }

  private makeBlock(): Buffer {
    this.blocksMade += 1;
    return Buffer.allocUnsafeSlow(this.tuning.blockBytes);
  }

  /** Adds the current block to the hash and queues it for the disk. */
  private seal(): void {
    const block = this.block;
    if (block === undefined) return;
    this.part.hash.update(this.fill === block.length ? block : block.subarray(0, this.fill));
    this.queue.push({ block, bytes: this.fill });
    this.block = undefined;
    this.fill = 0;
    if (!this.writing) void this.pump();
  }

  private async pump(): Promise<void> {
    this.writing = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        await writeAll(this.part, [next.block.subarray(0, next.bytes)], this.position);
        this.position += next.bytes;
        this.spare.push(next.block);
        if (this.position >= this.nextFlushAt && this.flushing === undefined) this.flushInBackground();
        this.wake();
      }
    } catch (error) {
      this.failure = error as Error;
      // The running hash now covers bytes the disk may not hold.
      this.part.trusted = false;
      this.queue.length = 0;
    } finally {
      this.writing = false;
      this.wake();
    }
  }

  private flushInBackground(): void {
    this.nextFlushAt = this.position + this.tuning.flushEveryBytes;
    this.flushing = this.part.handle
      .datasync()
      .catch((error: unknown) => {
        this.failure ??= error as Error;
        this.part.trusted = false;
      })
      .finally(() => {
        this.flushing = undefined;
        this.wake();
      });
  }

  private waitFor(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => (ready() ? resolve() : this.waiters.push(check));
      this.waiters.push(check);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

/** writev may write less than asked (a nearly full disk does that); the rest is written until done or refused. */
async function writeAll(part: PartFile, buffers: Buffer[], position: number): Promise<void> {
  let rest = buffers;
  let at = position;
  while (rest.length > 0) {
    const { bytesWritten } = await part.handle.writev(rest, at);
    at += bytesWritten;
    let skip = bytesWritten;
    const next: Buffer[] = [];
    for (const buffer of rest) {
      if (skip >= buffer.length) {
        skip -= buffer.length;
      } else {
        next.push(skip > 0 ? buffer.subarray(skip) : buffer);
        skip = 0;
      }
    }
    if (bytesWritten === 0 && next.length > 0) throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC' });
    rest = next;
  }
}

export function lengthExceeded(length: number, received: number): HicareError {
  return new HicareError(
    'LENGTH_EXCEEDED',
    `The server sent more than the ${length} bytes the signed catalog lists for this package (at least ${received}); the download was stopped and nothing was kept.`,
    'Try again later; if it happens again, report it to the vendor: the server is not sending the published package.',
    { length, received },
  );
}
