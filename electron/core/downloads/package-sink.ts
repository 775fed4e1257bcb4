/**
 * Where a response body goes: read by the receiver straight into the free room of the current block
 * (`region`/`commit`), or written as a stream whose chunks are copied in (through a proxy). Bytes are counted
 * against the target's length (one byte too many ends the transfer before it touches the disk); each full block is
 * given to the running SHA-256 and appended to the `.part`, in order, by one writer, and goes back to the pool once
 * both are done with it. Blocks after the first start on a multiple of the block size, so the writer can send them
 * to the disk directly. Only a bounded number of bytes wait for the disk or the hash; past that the sink has no room
 * to give and the socket is paused, so memory stays flat whatever the package size.
 */
import { Writable } from 'node:stream';
import { HicareError } from '../../../shared/errors.js';
import type { Block } from './block-pool.js';
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
  /** Write whole blocks with O_DIRECT where the system and file system allow it. */
  directIo: boolean;
  /** Packages of at least this many bytes are hashed on a thread of their own; smaller ones are not worth its start. */
  hashThreadFromBytes: number;
}

export const DEFAULT_TUNING: SinkTuning = {
  blockBytes: 1024 * 1024,
  maxQueuedBytes: 8 * 1024 * 1024,
  flushEveryBytes: 64 * 1024 * 1024,
  directIo: true,
  hashThreadFromBytes: 32 * 1024 * 1024,
};

/**
 * What the stream may hold for the sink while it waits for a free block. The blocks are the buffer; chunks waiting
 * here are lost when the connection breaks (the stream is torn down with them), so this stays at about one socket
 * read: a cut then costs a few dozen KiB fetched again, never the 1 MiB a block-sized buffer would.
 */
const STREAM_BUFFER_BYTES = 64 * 1024;

interface Sealed {
  block: Block;
  bytes: number;
  position: number;
  /** Settles when the hash no longer reads the block. */
  hashed: Promise<void>;
}

export class PackageSink extends Writable {
  private block: Block | undefined;
  private fill = 0;
  /** Room in the current block: the first one ends at a multiple of the block size. */
  private room = 0;
  /** File position of the next block's first byte. */
  private sealedUpTo: number;
  private readonly queue: Sealed[] = [];
  /** Blocks sealed and not yet given back to the pool (queued, being written, or being hashed). */
  private outstanding = 0;
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
    super({ highWaterMark: STREAM_BUFFER_BYTES });
    this.position = part.received;
    this.sealedUpTo = part.received;
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
   * Writes out what was received and waits for the disk and the hash. Called after the body ended or broke off:
   * bytes that arrived before a cut are kept, so a resume asks only for what is really missing.
   */
  async settle(): Promise<void> {
    // A chunk still waiting for a free block is dropped whole: `received` counts only bytes copied into blocks.
    this.settled = true;
    if (this.block !== undefined) {
      if (this.fill > 0 && this.failure === undefined) this.seal();
      else this.release(this.block);
      this.block = undefined;
    }
    await this.waitFor(() => this.outstanding === 0 && !this.writing && this.queue.length === 0);
    await this.flushing;
    if (this.failure !== undefined) throw this.failure;
  }

  /**
   * The free room of the current block, for a receiver that reads the socket straight into it (taking a block from
   * the pool when none is current); undefined while every block waits for the disk or the hash.
   */
  region(): Buffer | undefined {
    if (this.failure !== undefined) throw this.failure;
    if (this.block === undefined) {
      const block = this.part.pool.take();
      if (block === undefined) return undefined;
      this.block = block;
      this.fill = 0;
      this.room = block.bytes.length - (this.sealedUpTo % block.bytes.length);
    }
    return this.block.bytes.subarray(this.fill, this.room);
  }

  /**
   * Takes the first `bytes` of the last region as received. One byte past the target's length refuses them all
   * before they reach the disk. The block is sealed once full.
   */
  commit(bytes: number): void {
    if (this.failure !== undefined) throw this.failure;
    if (bytes === 0) return;
    const after = this.part.received + bytes;
    if (after > this.length) throw lengthExceeded(this.length, after);
    this.fill += bytes;
    this.part.received = after;
    this.onBytes(bytes);
    if (this.fill === this.room) this.seal();
  }

  /** Settles once a block is free again (or the sink failed): a paused receiver may then read on. */
  whenRegionFree(): Promise<void> {
    return this.waitFor(() => this.failure !== undefined || this.block !== undefined || this.part.pool.available > 0);
  }

  /** Copies `chunk` from `offset` into blocks, sealing each full one; waits for a free block when all are in use. */
  private take(chunk: Buffer, offset: number, callback: (error?: Error | null) => void): void {
    let at = offset;
    while (at < chunk.length) {
      if (this.settled) {
        // The chunk crossed the network even though it is dropped: it counts as transferred all the same.
        this.onBytes(chunk.length);
        return callback(this.failure ?? new Error('the transfer ended'));
      }
      if (this.block === undefined) {
        const block = this.part.pool.take();
        if (block === undefined) {
          this.waitFor(() => this.failure !== undefined || this.part.pool.available > 0).then(
            () => (this.failure === undefined ? this.take(chunk, at, callback) : callback(this.failure)),
            callback,
          );
          return;
        }
        this.block = block;
        this.fill = 0;
        this.room = block.bytes.length - (this.sealedUpTo % block.bytes.length);
      }
      const copied = chunk.copy(
        this.block.bytes,
        this.fill,
        at,
        at + Math.min(chunk.length - at, this.room - this.fill),
      );
      this.fill += copied;
      this.part.received += copied;
      at += copied;
      if (this.fill === this.room) this.seal();
    }
    this.onBytes(chunk.length);
    callback();
  }

  /** Gives the current block to the hash and queues it for the disk. */
  private seal(): void {
    const block = this.block;
    if (block === undefined) return;
    const sealed: Sealed = {
      block,
      bytes: this.fill,
      position: this.sealedUpTo,
      hashed: this.part.hash.update(block, this.fill),
    };
    // Seen here so that an unobserved failure never goes unhandled; the writer reports it when it returns the block.
    sealed.hashed.catch(() => undefined);
    this.sealedUpTo += this.fill;
    this.outstanding += 1;
    this.queue.push(sealed);
    this.block = undefined;
    this.fill = 0;
    if (!this.writing) void this.pump();
  }

  /**
   * Writes the queue in order. Whatever queued up while the last write ran goes in the next one, in a single call:
   * the blocks follow each other in the file, and one large write costs the disk and the thread pool far less than
   * several small ones.
   */
  private async pump(): Promise<void> {
    this.writing = true;
    let batch: Sealed[] = [];
    try {
      for (batch = this.queue.splice(0); batch.length > 0; batch = this.queue.splice(0)) {
        const buffers = batch.map((sealed) => sealed.block.bytes.subarray(0, sealed.bytes));
        await this.part.writer.write(buffers, batch[0]!.position, this.part.pool.aligned);
        for (const sealed of batch) {
          this.position += sealed.bytes;
          this.returnWhenHashed(sealed);
        }
        if (this.position >= this.nextFlushAt && this.flushing === undefined) this.flushInBackground();
        this.wake();
      }
    } catch (error) {
      this.failure ??= error as Error;
      // The running hash now covers bytes the disk may not hold.
      this.part.trusted = false;
      for (const dropped of [...batch, ...this.queue.splice(0)]) this.returnWhenHashed(dropped);
    } finally {
      this.writing = false;
      this.wake();
    }
  }

  /** Written blocks (and blocks dropped after a failed write) go back to the pool once the hash is done with them. */
  private returnWhenHashed(sealed: Sealed): void {
    sealed.hashed
      .catch((error: unknown) => {
        this.failure ??= error as Error;
        this.part.trusted = false;
      })
      .finally(() => {
        this.outstanding -= 1;
        this.release(sealed.block);
      });
  }

  private release(block: Block): void {
    this.part.pool.give(block);
    this.wake();
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

export function lengthExceeded(length: number, received: number): HicareError {
  return new HicareError('LENGTH_EXCEEDED.packageLonger', { length, received }, { length, received });
}
