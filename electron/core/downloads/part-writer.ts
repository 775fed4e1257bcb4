/**
 * Puts a download's blocks into its `.part`. Where the system offers it (Linux), whole aligned blocks are written
 * with O_DIRECT: from the block straight to the disk, without first copying them into the page cache. A package is
 * written once and read once, later; buffering it costs a copy and gigabytes of cache memory (and, in a virtual
 * machine whose free memory goes back to the host, the price of getting that memory back), while the final fsync
 * has to write it all out anyway. Every other write — the unaligned head of a resumed part, the tail, a file system
 * that refuses direct I/O — goes through the ordinary file handle. The file is the same: what is on disk is the truth.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { DIRECT_IO_ALIGNMENT } from './block-pool.js';

export class PartWriter {
  private constructor(
    private readonly buffered: FileHandle,
    private direct: FileHandle | undefined,
  ) {}

  /** `buffered` stays the caller's; a direct handle is opened beside it when `tryDirect` and the system allow. */
  static async open(path: string, buffered: FileHandle, tryDirect: boolean): Promise<PartWriter> {
    const flag = (constants as { O_DIRECT?: number }).O_DIRECT;
    let direct: FileHandle | undefined;
    if (tryDirect && flag !== undefined) {
      // tmpfs on older kernels, some FUSE and network file systems refuse the flag: they get buffered writes.
      direct = await open(path, constants.O_WRONLY | flag).catch(() => undefined);
    }
    return new PartWriter(buffered, direct);
  }

  /** Whether writes of aligned blocks bypass the page cache. */
  get directIo(): boolean {
    return this.direct !== undefined;
  }

  /**
   * Writes `buffers`, one after the other, from `position` on; one system call where it can. `alignedMemory` says
   * that every buffer starts on a page boundary (blocks of an aligned pool): then the leading buffers whose position
   * and length are aligned too are written directly, and the rest (a partial last block) through the page cache.
   */
  async write(buffers: Buffer[], position: number, alignedMemory: boolean): Promise<void> {
    let direct = 0;
    let directBytes = 0;
    if (this.direct !== undefined && alignedMemory && position % DIRECT_IO_ALIGNMENT === 0) {
      while (direct < buffers.length && buffers[direct]!.length % DIRECT_IO_ALIGNMENT === 0)
        directBytes += buffers[direct++]!.length;
    }
    let done = 0;
    if (this.direct !== undefined && directBytes > 0) {
      try {
        done = (await this.direct.writev(buffers.slice(0, direct), position)).bytesWritten;
      } catch (error) {
        // EINVAL: the device wants a larger alignment than assumed; every later write takes the ordinary way.
        if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
        await this.closeDirect();
      }
    }
    await writeAll(this.buffered, skip(buffers, done), position + done);
  }

  async close(): Promise<void> {
    await this.closeDirect();
  }

  private async closeDirect(): Promise<void> {
    const direct = this.direct;
    this.direct = undefined;
    await direct?.close().catch(() => undefined);
  }
}

/** The buffers past their first `bytes` bytes. */
function skip(buffers: Buffer[], bytes: number): Buffer[] {
  let rest = bytes;
  const out: Buffer[] = [];
  for (const buffer of buffers) {
    if (rest >= buffer.length) {
      rest -= buffer.length;
    } else {
      out.push(rest > 0 ? buffer.subarray(rest) : buffer);
      rest = 0;
    }
  }
  return out;
}

/** A write may take less than asked (a nearly full disk does that); the rest is written until done or refused. */
async function writeAll(handle: FileHandle, buffers: Buffer[], position: number): Promise<void> {
  let rest = buffers.filter((buffer) => buffer.length > 0);
  let at = position;
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest, at);
    if (bytesWritten === 0) throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC' });
    at += bytesWritten;
    rest = skip(rest, bytesWritten);
  }
}
