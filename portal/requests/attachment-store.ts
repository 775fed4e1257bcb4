/**
 * Where attachment bytes live: files in `<dataDir>/attachments/`, named by the attachment's id (never by the name the
 * uploader gave, so no path can be smuggled in), written whole or not at all. Behind an interface so that instances
 * sharing a PostgreSQL database can use a shared store instead; the disk store suits one instance.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IdSchema } from '../../shared/contracts/common.js';
import { HicareError } from '../../shared/errors.js';

export interface AttachmentStore {
  put(id: string, bytes: Uint8Array): Promise<void>;
  get(id: string): Promise<Buffer>;
}

function pathSafe(id: string): string {
  if (!IdSchema.safeParse(id).success) throw new HicareError('INVALID_INPUT', 'That is not an attachment id.', 'Use the id the portal gave the attachment.', { id });
  return id;
}

export class DiskAttachmentStore implements AttachmentStore {
  readonly directory: string;

  constructor(dataDirectory: string) {
    this.directory = join(dataDirectory, 'attachments');
  }

  async put(id: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const final = join(this.directory, pathSafe(id));
    const part = `${final}.${randomBytes(6).toString('hex')}.part`;
    const handle = await open(part, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(part).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(part, final);
  }

  async get(id: string): Promise<Buffer> {
    try {
      return await readFile(join(this.directory, pathSafe(id)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new HicareError('INTERNAL', 'The attachment’s file is missing from the portal’s data directory.', 'Restore the data directory from a backup, or ask the uploader to attach the file again.', {
        id,
      });
    }
  }
}
