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

function unreadable(path: string, why: string): HicareError {
  return new HicareError(
    'NOT_FOUND',
    `The file ${path} ${why}.`,
    'Check the path given to --attach (a file you may read), then run the command again.',
    { path },
  );
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
    throw new HicareError(
      'INVALID_INPUT',
      `${paths.length} files were given; a request carries at most ${ATTACHMENTS_PER_REQUEST_MAX}.`,
      'Put the files in one zip or tar.gz archive and attach that.',
    );
  }
  const picked: PickedFile[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => null);
    if (info === null) throw unreadable(given, 'cannot be found');
    if (!info.isFile()) throw unreadable(given, 'is not a file');
    const fileName = basename(path);
    if (info.size > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge(info.size, fileName);
    const bytes = await readBounded(path).catch(() => {
      throw unreadable(given, 'cannot be read');
    });
    attachableType(fileName, bytes);
    picked.push({ fileName, bytes });
  }
  return picked;
}
