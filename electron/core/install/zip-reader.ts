/**
 * A reader for `.zip`: the central directory is the table of contents (local headers are only used to find where
 * the data starts), entries are stored or deflated (`zlib.inflateRaw`), and every entry's CRC-32 and size are checked
 * as it streams, so a zip whose declared sizes lie cannot expand past them.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import type { ArchiveEntry, ArchiveEntryType } from './archive-entry.js';
import { unsafeArchive } from './archive-paths.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;
const MAX_LINK_TARGET = 4096;
const UNIX_HOST = 3;

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  type: ArchiveEntryType;
  mode: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw unsafeArchive('The package ends early: it is an incomplete zip file.');
  return buffer;
}

async function findEndRecord(
  handle: FileHandle,
  fileSize: number,
): Promise<{ count: number; cdSize: number; cdOffset: number }> {
  const window = Math.min(fileSize, 22 + 0xffff);
  if (window < 22) throw unsafeArchive('The package is not a valid zip file (too short).');
  const tail = await readAt(handle, fileSize - window, window);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const count = tail.readUInt16LE(i + 10);
    const cdSize = tail.readUInt32LE(i + 12);
    const cdOffset = tail.readUInt32LE(i + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw unsafeArchive('The package is a ZIP64 archive, which is not supported: ask the vendor for a .tar.gz.');
    }
    if (tail.readUInt16LE(i + 4) !== 0 || tail.readUInt16LE(i + 6) !== 0)
      throw unsafeArchive('The package is a split zip archive, which is not supported.');
    if (cdOffset + cdSize > fileSize)
      throw unsafeArchive('The package is not a valid zip file (its table of contents points past its end).');
    return { count, cdSize, cdOffset };
  }
  throw unsafeArchive('The package is not a valid zip file (no end-of-archive record).');
}

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

function parseCentralDirectory(cd: Buffer, count: number): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL)
      throw unsafeArchive('The package is not a valid zip file (damaged table of contents).');
    const host = cd.readUInt8(at + 5);
    const flags = cd.readUInt16LE(at + 8);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const rawName = cd.subarray(at + 46, at + 46 + nameLength);
    // bit 11: the name is UTF-8; otherwise CP437, read byte for byte (non-ASCII names are rare there)
    const name = rawName.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1');
    const compressedSize = cd.readUInt32LE(at + 20);
    const size = cd.readUInt32LE(at + 24);
    const localOffset = cd.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw unsafeArchive('The package is a ZIP64 archive, which is not supported: ask the vendor for a .tar.gz.');
    }
    entries.push({
      name,
      method: cd.readUInt16LE(at + 10),
      flags,
      crc: cd.readUInt32LE(at + 16),
      compressedSize,
      size,
      localOffset,
      ...typeAndMode(name, host, cd.readUInt32LE(at + 38)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function* inflated(file: string, start: number, entry: CentralEntry): AsyncGenerator<Buffer> {
  if (entry.compressedSize === 0) {
    if (entry.size !== 0)
      throw unsafeArchive(`The package entry ${JSON.stringify(entry.name)} is damaged (its size does not match).`);
    return;
  }
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  let source: AsyncIterable<Buffer> = raw;
  if (entry.method === 8) {
    const inflate = createInflateRaw();
    pipeline(raw, inflate, () => {
      // errors reach the consumer through the iterator
    });
    source = inflate;
  }
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of source) {
      produced += chunk.length;
      if (produced > entry.size)
        throw unsafeArchive(`The package entry ${JSON.stringify(entry.name)} expands past its declared size.`, {
          path: entry.name,
        });
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Z_'))
      throw unsafeArchive(`The package entry ${JSON.stringify(entry.name)} is damaged (${code}).`, {
        path: entry.name,
      });
    throw error;
  } finally {
    raw.destroy();
  }
  if (produced !== entry.size || crc >>> 0 !== entry.crc >>> 0) {
    throw unsafeArchive(
      `The package entry ${JSON.stringify(entry.name)} is damaged (its size or checksum does not match).`,
      { path: entry.name },
    );
  }
}

async function collect(body: AsyncIterable<Buffer>, max: number, name: string): Promise<string> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > max)
      throw unsafeArchive(`The link ${JSON.stringify(name)} in the package has an impossibly long target.`, {
        path: name,
      });
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Entries of a `.zip` file in table-of-contents order. */
export async function* readZip(file: string): AsyncGenerator<ArchiveEntry> {
  const handle = await open(file, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const end = await findEndRecord(handle, fileSize);
    if (end.cdSize > MAX_CENTRAL_DIRECTORY) throw unsafeArchive('The package lists more entries than any real one.');
    const entries = parseCentralDirectory(await readAt(handle, end.cdOffset, end.cdSize), end.count);
    for (const entry of entries) {
      if ((entry.flags & 0x1) !== 0)
        throw unsafeArchive(`The package entry ${JSON.stringify(entry.name)} is encrypted.`, { path: entry.name });
      if (entry.method !== 0 && entry.method !== 8) {
        throw unsafeArchive(
          `The package entry ${JSON.stringify(entry.name)} uses a compression method this app does not read (${entry.method}).`,
          { path: entry.name },
        );
      }
      if (entry.method === 0 && entry.compressedSize !== entry.size)
        throw unsafeArchive(`The package entry ${JSON.stringify(entry.name)} is damaged.`, { path: entry.name });
      const local = await readAt(handle, entry.localOffset, 30);
      if (local.readUInt32LE(0) !== LOCAL)
        throw unsafeArchive(`The package entry ${JSON.stringify(entry.name)} is damaged (no local header).`, {
          path: entry.name,
        });
      const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (start + entry.compressedSize > fileSize)
        throw unsafeArchive(`The package entry ${JSON.stringify(entry.name)} points past the end of the file.`, {
          path: entry.name,
        });
      const body = () => inflated(file, start, entry);
      const linkTarget = entry.type === 'symlink' ? await collect(body(), MAX_LINK_TARGET, entry.name) : '';
      yield {
        path: entry.name,
        type: entry.type,
        mode: entry.mode,
        size: entry.type === 'file' ? entry.size : 0,
        linkTarget,
        body,
      };
    }
  } finally {
    await handle.close();
  }
}
