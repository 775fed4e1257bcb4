/**
 * The on-disk layout of the package cache and the moves between its rooms:
 *   sha256/<hex>                 verified packages, named by their content (a name is a promise about the bytes)
 *   partial/<hex>.part(.json)    downloads in flight and their resume state
 *   quarantine/<hex>-<time>      bytes that failed verification, kept for diagnosis and never used again
 * A file reaches sha256/ only by an fsync'd atomic rename after its hash matched.
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdir, open, rename, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

const READ_BLOCK = 1024 * 1024;

export class PackageCache {
  readonly packages: string;
  readonly partial: string;
  readonly quarantine: string;

  constructor(readonly root: string) {
    this.packages = join(root, 'sha256');
    this.partial = join(root, 'partial');
    this.quarantine = join(root, 'quarantine');
  }

  async ensure(): Promise<void> {
    for (const dir of [this.packages, this.partial, this.quarantine]) await mkdir(dir, { recursive: true });
  }

  packagePath(hex: string): string {
    return join(this.packages, hex);
  }

  partPath(hex: string): string {
    return join(this.partial, `${hex}.part`);
  }

  sidecarPath(hex: string): string {
    return join(this.partial, `${hex}.part.json`);
  }

  /**
   * The cached package if it is there, has the right length and still hashes to its name. A file that does not is
   * moved to quarantine, so the caller downloads afresh instead of trusting a damaged copy.
   */
  async lookup(hex: string, length: number, now: Date): Promise<'hit' | 'miss'> {
    const path = this.packagePath(hex);
    const size = await sizeOf(path);
    if (size === undefined) return 'miss';
    if (size === length) {
      const handle = await open(path, 'r');
      try {
        const hash = await hashPrefix(handle, length);
        if (hash.digest('hex') === hex) return 'hit';
      } finally {
        await handle.close();
      }
    }
    await this.toQuarantine(path, hex, now);
    return 'miss';
  }

  /** Moves `path` out of the way for good; returns where it went. */
  async toQuarantine(path: string, hex: string, now: Date): Promise<string> {
    await mkdir(this.quarantine, { recursive: true });
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    let destination = join(this.quarantine, `${hex}-${stamp}`);
    // A fixed or coarse clock must not make a second quarantine overwrite the first.
    for (let n = 1; (await sizeOf(destination)) !== undefined; n += 1)
      destination = join(this.quarantine, `${hex}-${stamp}-${n}`);
    await rename(path, destination);
    return destination;
  }

  /** Publishes a verified, already fsync'd part under its hash; the directory entry is made durable too. */
  async publish(partPath: string, hex: string): Promise<string> {
    const destination = this.packagePath(hex);
    await rename(partPath, destination);
    await syncDirectory(this.packages);
    return destination;
  }
}

/** The SHA-256 of the first `bytes` bytes of an open file, left open for more updates. */
export async function hashPrefix(handle: FileHandle, bytes: number): Promise<Hash> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.min(READ_BLOCK, Math.max(bytes, 1)));
  let position = 0;
  while (position < bytes) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, bytes - position), position);
    if (bytesRead === 0) throw new Error(`the file ended at ${position} of ${bytes} bytes`);
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash;
}

export async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** fsync of a directory makes a rename in it survive a power cut; Windows cannot open directories, and needs not. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
