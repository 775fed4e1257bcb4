/**
 * A download in flight: the `.part` file, the running SHA-256 of the bytes in it, and the `.part.json` sidecar that
 * lets any later process (after a pause, a crash or a restart) resume it. What is on disk is the truth: on opening,
 * the bytes already there are hashed again from the file, so nothing is transferred twice and nothing is trusted
 * that was not read back. The part also owns the blocks its bytes pass through and the writer that puts them on disk.
 */
import { open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { BlockPool } from './block-pool.js';
import type { PackageCache } from './package-cache.js';
import type { SinkTuning } from './package-sink.js';
import { PartWriter } from './part-writer.js';
import { runningHash, type RunningHash } from './running-hash.js';
import type { DownloadTarget } from './types.js';

export interface Sidecar {
  url: string;
  etag: string | null;
  receivedBytes: number;
  length: number;
  sha256: string;
}

export class PartFile {
  /** False once a write failed: the hash may cover bytes that never reached the disk, so it must be rebuilt. */
  trusted = true;

  private constructor(
    readonly path: string,
    private readonly sidecarPath: string,
    readonly handle: FileHandle,
    private readonly target: DownloadTarget,
    readonly pool: BlockPool,
    readonly hash: RunningHash,
    readonly writer: PartWriter,
    public received: number,
    public etag: string | undefined,
  ) {}

  /** Opens (or starts) the part of `target`, keeping the bytes a matching sidecar vouches for. */
  static async open(cache: PackageCache, target: DownloadTarget, url: string, tuning: SinkTuning): Promise<PartFile> {
    const path = cache.partPath(target.sha256);
    const sidecarPath = cache.sidecarPath(target.sha256);
    const sidecar = await readSidecar(sidecarPath);
    const resumable = sidecar !== undefined && sidecar.sha256 === target.sha256 && sidecar.length === target.length;
    let handle: FileHandle;
    try {
      handle = await open(path, resumable ? 'r+' : 'w+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      handle = await open(path, 'w+');
    }
    // An ETag only identifies a version at the URL that issued it.
    const etag = resumable && sidecar.url === url && sidecar.etag !== null ? sidecar.etag : undefined;
    const pool = new BlockPool(
      tuning.blockBytes,
      Math.max(2, Math.ceil(tuning.maxQueuedBytes / tuning.blockBytes) + 1),
    );
    const hash = runningHash(pool, target.length, tuning.hashThreadFromBytes);
    let part: PartFile | undefined;
    try {
      const writer = await PartWriter.open(path, handle, tuning.directIo);
      part = new PartFile(path, sidecarPath, handle, target, pool, hash, writer, 0, etag);
      await part.resync();
    } catch (error) {
      await (part?.close() ?? Promise.all([hash.close(), handle.close()]));
      throw error;
    }
    return part;
  }

  /** Rebuilds the received count and the hash from the bytes on disk. */
  async resync(): Promise<void> {
    const { size } = await this.handle.stat();
    if (size > this.target.length) {
      await this.restart();
      return;
    }
    this.hash.reset();
    await this.hashFromDisk(size);
    this.received = size;
    this.trusted = true;
  }

  /** Feeds the first `bytes` of the file to the hash, reading one block while the one before is hashed. */
  private async hashFromDisk(bytes: number): Promise<void> {
    const blocks = [this.pool.take(), this.pool.take()];
    let hashing: Promise<void> = Promise.resolve();
    try {
      for (let position = 0, turn = 0; position < bytes; turn = 1 - turn) {
        const block = blocks[turn];
        if (block === undefined) throw new Error('no free block to read the part into');
        const { bytesRead } = await this.handle.read(
          block.bytes,
          0,
          Math.min(block.bytes.length, bytes - position),
          position,
        );
        if (bytesRead === 0) throw new Error(`the part ended at ${position} of ${bytes} bytes`);
        // The other block is read into next: its hash must be done first.
        await hashing;
        hashing = this.hash.update(block, bytesRead);
        // Handled now, awaited later: a failure must not surface as an unhandled rejection while the next read runs.
        hashing.catch(() => undefined);
        position += bytesRead;
      }
      await hashing;
    } finally {
      // Even after a failed read, the blocks go back only once the hash no longer reads them.
      await hashing.catch(() => undefined);
      for (const block of blocks) if (block !== undefined) this.pool.give(block);
    }
  }

  /** Throws away every byte received: the file on the server is not the one the part was started from. */
  async restart(): Promise<void> {
    await this.handle.truncate(0);
    this.hash.reset();
    this.received = 0;
    this.etag = undefined;
    this.trusted = true;
  }

  /** Written whole to a temporary name and renamed, so a crash never leaves half a sidecar. */
  async saveSidecar(url: string): Promise<void> {
    const sidecar: Sidecar = {
      url,
      etag: this.etag ?? null,
      receivedBytes: this.received,
      length: this.target.length,
      sha256: this.target.sha256,
    };
    const tmp = `${this.sidecarPath}.tmp`;
    await writeFile(tmp, JSON.stringify(sidecar));
    await rename(tmp, this.sidecarPath);
  }

  /** Makes the bytes durable before the part is published. */
  async sync(): Promise<void> {
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.writer.close();
    await this.hash.close().catch(() => undefined);
    await this.handle.close().catch(() => undefined);
  }

  /** Closes and deletes the part and its sidecar. */
  async discard(): Promise<void> {
    await this.close();
    await removePart(this.path, this.sidecarPath);
  }

  /** Closes the part and forgets its sidecar: what remains at `path` is about to be moved away. */
  async forgetSidecar(): Promise<void> {
    await this.close();
    await rm(this.sidecarPath, { force: true });
    await rm(`${this.sidecarPath}.tmp`, { force: true });
  }
}

export async function removePart(path: string, sidecarPath: string): Promise<void> {
  await rm(path, { force: true });
  await rm(sidecarPath, { force: true });
  await rm(`${sidecarPath}.tmp`, { force: true });
}

async function readSidecar(path: string): Promise<Sidecar | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<Sidecar>;
    if (
      typeof value.url === 'string' &&
      (typeof value.etag === 'string' || value.etag === null) &&
      typeof value.receivedBytes === 'number' &&
      typeof value.length === 'number' &&
      typeof value.sha256 === 'string'
    ) {
      return {
        url: value.url,
        etag: value.etag,
        receivedBytes: value.receivedBytes,
        length: value.length,
        sha256: value.sha256,
      };
    }
  } catch {
    // A damaged sidecar only costs a fresh start.
  }
  return undefined;
}
