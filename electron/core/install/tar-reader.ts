/**
 * A streaming reader for `.tar.gz` over tar-stream: gunzip, then one entry after another (ustar, GNU long names and
 * links, pax `path`/`linkpath`/`size`, old pre-POSIX headers), each entry's contents passed on in chunks so memory
 * stays flat however large the package. It checks the format; the extractor decides what is safe to write.
 * Names in pax records are UTF-8 by definition; names in the fixed header fields carry no encoding, so they are read
 * byte for byte here and decoded like an unmarked zip name (archive-names.ts: UTF-8, else GBK).
 */
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar, { type Extract, type Header } from 'tar-stream';
import type { ArchiveEntry, ArchiveEntryType } from './archive-entry.js';
import { decodeUnmarkedName, type NameDecoding } from './archive-names.js';
import { shownName, unsafeArchive } from './archive-paths.js';

const BLOCK = 512;

/** What tar-stream adds to a header: the pax records that applied to the entry, and where its contents start. */
type ReadHeader = Header & { pax?: Record<string, string> | null; byteOffset?: number };
type Entry = Extract extends AsyncIterable<infer E> ? E : never;

/** tar-stream's own types leave out the reader's options. */
const READER_OPTIONS = {
  // old pre-POSIX (v7) headers have no magic; they are still read, as before
  allowUnknownFormat: true,
  // latin1 keeps every byte of a header name, so it can be decoded properly below
  filenameEncoding: 'latin1',
} as Parameters<typeof tar.extract>[0];

function typeOf(header: ReadHeader, name: string): ArchiveEntryType | null {
  switch (header.type) {
    case 'file':
    case 'contiguous-file':
      // pre-POSIX archives mark folders only by the trailing slash
      return name.endsWith('/') ? 'directory' : 'file';
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    case 'character-device':
    case 'block-device':
    case 'fifo':
      return 'device';
    default:
      return null;
  }
}

/** tar-stream reports problems as English sentences without codes: these are the ones a damaged file causes. */
function asTarProblem(error: unknown): unknown {
  const text = error instanceof Error ? error.message : '';
  const code = (error as { code?: string }).code ?? '';
  const cause = { cause: text || code };
  if (code.startsWith('Z_')) return unsafeArchive('INVALID_INPUT.tarNotGzip', {}, cause);
  if (/^Unexpected end of data/.test(text)) return unsafeArchive('INVALID_INPUT.tarIncomplete', {}, cause);
  if (/^Invalid tar header\. Maybe/.test(text)) return unsafeArchive('INVALID_INPUT.tarChecksum', {}, cause);
  if (/^Invalid (tar )?header|^Header exceeds max size/.test(text))
    return unsafeArchive('INVALID_INPUT.tarDamagedHeader', {}, cause);
  return error;
}

/** A header name field as read byte for byte (latin1), or a pax record's name, which is already text. */
function nameOf(field: string | null | undefined, fromPax: boolean, decoding: NameDecoding): string {
  if (field === null || field === undefined) return '';
  return fromPax ? field : decodeUnmarkedName(Buffer.from(field, 'latin1'), decoding);
}

/**
 * The problem in the user's words. Under load the reader may see only the premature close that a failed stream
 * upstream (a gzip stream cut short) left behind; the pipeline then knows the real cause, so it is asked.
 */
async function tarProblem(error: unknown, upstream: Promise<unknown>): Promise<unknown> {
  const problem = asTarProblem(error);
  if (problem !== error) return problem;
  return asTarProblem((await upstream) ?? error);
}

async function* chunksOf(entry: Entry, upstream: Promise<unknown>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of entry as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    throw await tarProblem(error, upstream);
  }
}

/** Entries of a `.tar.gz` file in order; the archive must end with its end-of-archive marker. */
export async function* readTarGz(file: string, decoding: NameDecoding = {}): AsyncGenerator<ArchiveEntry> {
  let unpacked = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      unpacked += chunk.length;
      done(null, chunk);
    },
  });
  const extract = tar.extract(READER_OPTIONS);
  // Errors reach the consumer through the iterator below; the pipeline's own is kept to name the cause.
  const upstream = new Promise<unknown>((settle) =>
    pipeline(createReadStream(file), createGunzip(), count, extract, (error) => settle(error ?? undefined)),
  );
  const entries = extract[Symbol.asyncIterator]();
  /** Where the last entry's contents (padded to a block) end: the end-of-archive marker must follow. */
  let lastEnd = 0;
  try {
    for (;;) {
      const next = await entries.next().catch(async (error: unknown) => {
        throw await tarProblem(error, upstream);
      });
      if (next.done === true) break;
      const entry = next.value;
      const header = entry.header as ReadHeader;
      const path = nameOf(header.name, header.pax?.path !== undefined, decoding);
      const linkTarget = nameOf(header.linkname, header.pax?.linkpath !== undefined, decoding);
      const type = typeOf(header, path);
      if (type === null) throw unsafeArchive('INVALID_INPUT.archiveUnknownKind', { path: shownName(path) }, { path });
      const size = header.size ?? 0;
      if (type !== 'directory') lastEnd = (header.byteOffset ?? 0) + Math.ceil(size / BLOCK) * BLOCK;
      else lastEnd = header.byteOffset ?? 0;
      let consumed = false;
      yield {
        path,
        type,
        mode: header.mode ?? 0,
        size: type === 'file' ? size : 0,
        linkTarget,
        body: () => {
          consumed = true;
          return chunksOf(entry, upstream);
        },
      };
      // contents nobody asked for (a link's, a folder's) are read past, or the archive stops flowing
      if (!consumed) for await (const _ of chunksOf(entry, upstream)) void _;
    }
    if (unpacked < lastEnd + BLOCK) throw unsafeArchive('INVALID_INPUT.tarNoEndMarker', {}, { unpacked });
  } finally {
    extract.destroy();
  }
}
