/**
 * Where attachment bytes live: in the portal's blob store under `attachments/<id>` — a folder in the data directory
 * by default, a shared bucket when instances share nothing on disk — named by the attachment's id (never by the name
 * the uploader gave, so no path can be smuggled in), written whole or not at all.
 */
import { IdSchema } from '../../shared/contracts/common.js';
import { HicareError } from '../../shared/errors.js';
import { attachmentKey, type BlobStore } from '../storage/blob-store.js';
import { asStoreError } from '../storage/space-error.js';

function keyFor(id: string): string {
  if (!IdSchema.safeParse(id).success) throw new HicareError('INVALID_INPUT.requestAttachmentId', {}, { id });
  return attachmentKey(id);
}

export class AttachmentStore {
  constructor(readonly blobs: BlobStore) {}

  async put(id: string, bytes: Uint8Array): Promise<void> {
    try {
      await this.blobs.putBytes(keyFor(id), bytes);
    } catch (error) {
      throw asStoreError(error, 'the attachment');
    }
  }

  async get(id: string): Promise<Buffer> {
    try {
      return await this.blobs.getBytes(keyFor(id));
    } catch (error) {
      if (!(error instanceof HicareError) || error.code !== 'NOT_FOUND') throw error;
      throw new HicareError(
        'INTERNAL.requestAttachmentFileMissing',
        {},
        {
          id,
        },
      );
    }
  }

  /** Takes back bytes whose record could not be written, so that no file is left that nothing points at. */
  async discard(id: string): Promise<void> {
    await this.blobs.delete(keyFor(id));
  }
}
