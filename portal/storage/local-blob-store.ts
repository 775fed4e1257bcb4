/**
 * The default blob store: files under one folder (the portal's data directory), keys as relative paths. A blob is
 * written to a hidden temporary file, flushed, then renamed into place, so a reader never sees half of it and a
 * failed write leaves nothing under the key.
 */
import { access, constants, copyFile, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { HicareError } from '../../shared/errors.js';
import { tempPathFor } from '../tuf/atomic-file.js';
import type { BlobInfo, BlobStore, ByteRange } from './blob-store.js';
import { asStoreError } from './space-error.js';

function missing(key: string): HicareError {
  return new HicareError('NOT_FOUND.storeFileMissing', {}, { key });
}

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local';

  constructor(readonly rootDir: string) {}

  /** Keys are relative paths built by the portal (packageKey, attachmentKey); anything climbing out is a bug. */
  private pathOf(key: string): string {
    const relative = normalize(key);
    if (key === '' || isAbsolute(key) || relative.split(sep).includes('..')) {
      throw new HicareError('INVALID_INPUT.storeKey', {}, { key });
    }
    return join(this.rootDir, relative);
  }

  localPath(key: string): string {
    return this.pathOf(key);
  }

  async putFile(key: string, path: string): Promise<void> {
    await this.write(key, async (temp) => {
      await copyFile(path, temp);
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  async putBytes(key: string, bytes: Uint8Array): Promise<void> {
    await this.write(key, async (temp) => {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  private async write(key: string, fill: (temp: string) => Promise<void>): Promise<void> {
    const final = this.pathOf(key);
    const temp = tempPathFor(final);
    try {
      await mkdir(dirname(final), { recursive: true });
      await fill(temp);
      await rename(temp, final);
    } catch (error) {
      await rm(temp, { force: true });
      throw asStoreError(error, 'a file');
    }
  }

  async getBytes(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missing(key);
      throw error;
    }
  }

  async head(key: string): Promise<BlobInfo | undefined> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { length: info.size } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
        return undefined;
      throw error;
    }
  }

  async openRead(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    // Opened before the stream is returned, so a missing file is a coded error here rather than a stream error later.
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? missing(key) : error;
    });
    return handle.createReadStream(range === undefined ? {} : { start: range.start, end: range.end });
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async check(): Promise<void> {
    try {
      await mkdir(this.rootDir, { recursive: true });
      await access(this.rootDir, constants.R_OK | constants.W_OK);
    } catch {
      throw new HicareError(
        'STORE_UNAVAILABLE.storeFolder',
        {},
        {
          directory: this.rootDir,
        },
      );
    }
  }
}
