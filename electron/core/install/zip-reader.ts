/**
 * A reader for `.zip` over yauzl: the central directory is the table of contents, ZIP64 archives (large or many
 * entries) read like any other, and an entry's bytes stream one entry at a time. yauzl holds each entry to its
 * declared size (so a zip whose sizes lie cannot expand past them); the CRC-32 is checked here as the bytes pass.
 * Names are decoded here (archive-names.ts), not by yauzl, whose fallback (CP437) garbles Chinese names.
 */
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ArchiveEntry, ArchiveEntryType } from './archive-entry.js';
import { decodeZipName, type NameDecoding } from './archive-names.js';
import { shownName, unsafeArchive } from './archive-paths.js';

const MAX_LINK_TARGET = 4096;
const UNIX_HOST = 3;
const ENCRYPTED_FLAG = 0x1;

function typeAndMode(name: string, host: number, external: number): { type: ArchiveEntryType; mode: number } {
  const unixMode = external >>> 16;
  if (host === UNIX_HOST && unixMode !== 0) {
    const format = unixMode & 0o170000;
    const mode = unixMode & 0o7777;
    if (format === 0o040000) return { type: 'directory', mode };
    if (format === 0o120000) return { type: 'symlink', mode };
    if (format === 0o100000 || format === 0) return { type: name.endsWith('/') ? 'directory' : 'file', mode };
    return { type: 'device', mode };
  }
  // MS-DOS attributes: 0x10 is the folder bit
  const folder = name.endsWith('/') || (external & 0x10) !== 0;
  return { type: folder ? 'directory' : 'file', mode: folder ? 0o755 : 0o644 };
}

/**
 * yauzl says what is wrong in English sentences without codes; these are the ones a damaged or hostile file causes,
 * put in the user's words. Anything else (a disk error) is passed on as it is.
 */
function asZipProblem(error: unknown, name?: string): unknown {
  const text = error instanceof Error ? error.message : '';
  const code = (error as { code?: string }).code ?? '';
  const cause = { cause: text || code };
  const entry = name === undefined ? undefined : { path: shownName(name) };
  const at = name === undefined ? cause : { ...cause, path: name };
  if (/^End of central directory record signature not found|^Invalid comment length/.test(text))
    return unsafeArchive('INVALID_INPUT.zipNotZip', {}, cause);
  if (/^multi-disk zip files/.test(text)) return unsafeArchive('INVALID_INPUT.zipSplit', {}, cause);
  if (/^unexpected EOF/.test(text)) return unsafeArchive('INVALID_INPUT.zipIncomplete', {}, cause);
  if (entry !== undefined) {
    if (/^too many bytes in the stream/.test(text)) return unsafeArchive('INVALID_INPUT.zipExpands', entry, at);
    if (/^file data overflows file bounds/.test(text)) return unsafeArchive('INVALID_INPUT.zipPastEnd', entry, at);
    if (/^not enough bytes in the stream|^invalid local file header/.test(text) || code.startsWith('Z_'))
      return unsafeArchive('INVALID_INPUT.zipEntryDamaged', entry, at);
  }
  if (/zip64|central directory|extra field|size mismatch|strong encryption|too large|^invalid /i.test(text))
    return unsafeArchive('INVALID_INPUT.zipDamaged', {}, cause);
  return error;
}

async function* checked(stream: Readable, entry: Entry, name: string): AsyncGenerator<Buffer> {
  let crc = 0;
  let produced = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      produced += chunk.length;
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    throw asZipProblem(error, name);
  } finally {
    stream.destroy();
  }
  if (produced !== entry.uncompressedSize || crc >>> 0 !== entry.crc32 >>> 0)
    throw unsafeArchive('INVALID_INPUT.zipEntryDamaged', { path: shownName(name) }, { path: name });
}

async function openBody(zip: ZipFile, entry: Entry, name: string): Promise<Readable> {
  return zip.openReadStreamPromise(entry).catch((error: unknown) => {
    throw asZipProblem(error, name);
  });
}

async function linkTarget(zip: ZipFile, entry: Entry, name: string, decoding: NameDecoding): Promise<string> {
  if (entry.uncompressedSize > MAX_LINK_TARGET)
    throw unsafeArchive('INVALID_INPUT.archiveLinkTooLong', { path: shownName(name) }, { path: name });
  const parts: Buffer[] = [];
  for await (const chunk of checked(await openBody(zip, entry, name), entry, name)) parts.push(chunk);
  // the target is a name too: the same encoding as the entry's own (but no Unicode Path field of its own)
  return decodeZipName(Buffer.concat(parts), entry.generalPurposeBitFlag, [], decoding);
}

/** Entries of a `.zip` file in table-of-contents order. */
export async function* readZip(file: string, decoding: NameDecoding = {}): AsyncGenerator<ArchiveEntry> {
  const zip = await yauzl
    .openPromise(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true })
    .catch((error: unknown) => {
      throw asZipProblem(error);
    });
  const entries = zip.eachEntry();
  try {
    for (;;) {
      const next = await entries.next().catch((error: unknown) => {
        throw asZipProblem(error);
      });
      if (next.done === true) return;
      const entry = next.value;
      const name = decodeZipName(entry.fileNameRaw, entry.generalPurposeBitFlag, entry.extraFields, decoding);
      const shown = { path: shownName(name) };
      if ((entry.generalPurposeBitFlag & ENCRYPTED_FLAG) !== 0)
        throw unsafeArchive('INVALID_INPUT.zipEncrypted', shown, { path: name });
      if (!entry.canDecodeFileData()) {
        throw unsafeArchive(
          'INVALID_INPUT.zipMethod',
          { ...shown, method: entry.compressionMethod },
          { path: name, method: entry.compressionMethod },
        );
      }
      const { type, mode } = typeAndMode(name, entry.versionMadeBy >>> 8, entry.externalFileAttributes);
      yield {
        path: name,
        type,
        mode,
        size: type === 'file' ? entry.uncompressedSize : 0,
        linkTarget: type === 'symlink' ? await linkTarget(zip, entry, name, decoding) : '',
        body: async function* () {
          yield* checked(await openBody(zip, entry, name), entry, name);
        },
      };
    }
  } finally {
    await entries.return?.();
    zip.close();
  }
}
