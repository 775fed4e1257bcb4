/**
 * The files `hicare request create --attach FILE` sends with a request: each checked here (it exists, its size, its
 * content) before anything is queued or sent, and refused in plain words with what to do, never a file-system code.
 */
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_REQUEST_MAX } from '../../shared/contracts/requests.js';
import { attachableType, attachmentTooLarge } from '../../shared/domain/attachment-type.js';
import { HicareError } from '../../shared/errors.js';

export interface PickedFile {
  fileName: string;
  bytes: Buffer;
}

type Unreadable = 'NOT_FOUND.cliAttachMissing' | 'NOT_FOUND.cliAttachNotFile' | 'NOT_FOUND.cliAttachUnreadable';

function unreadable(path: string, key: Unreadable): HicareError {
  return new HicareError(key, { path }, { path });
}

/** Reads at most the limit plus one byte, so a file that grows between the check and the read is still refused. */
async function readBounded(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0 || length + bytesRead === buffer.length) return buffer.subarray(0, length + bytesRead);
      length += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

export async function pickFiles(paths: readonly string[]): Promise<PickedFile[]> {
  if (paths.length > ATTACHMENTS_PER_REQUEST_MAX) {
    throw new HicareError('INVALID_INPUT.cliTooManyFiles', {
      count: paths.length,
      max: ATTACHMENTS_PER_REQUEST_MAX,
    });
  }
  const picked: PickedFile[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => null);
    if (info === null) throw unreadable(given, 'NOT_FOUND.cliAttachMissing');
    if (!info.isFile()) throw unreadable(given, 'NOT_FOUND.cliAttachNotFile');
    const fileName = basename(path);
    if (info.size > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge(info.size, fileName);
    const bytes = await readBounded(path).catch(() => {
      throw unreadable(given, 'NOT_FOUND.cliAttachUnreadable');
    });
    attachableType(fileName, bytes);
    picked.push({ fileName, bytes });
  }
  return picked;
}
