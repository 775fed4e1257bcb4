/**
 * A streaming reader for `.tar.gz`: gunzip, then 512-byte headers one after another (ustar, GNU long names and
 * links, pax `path`/`linkpath`/`size`), each entry's contents passed on in chunks so memory stays flat however large
 * the package. It checks the format; the extractor decides what is safe to write.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ArchiveEntry, ArchiveEntryType } from './archive-entry.js';
import { unsafeArchive } from './archive-paths.js';

const BLOCK = 512;
/** GNU long names and pax headers are metadata: a megabyte of it is already absurd. */
const MAX_META_BYTES = 1024 * 1024;

/** Exact-size reads over a stream of chunks of any size. */
class ByteReader {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<void> {
    while (this.buffered < n && !this.ended) {
      const next = await this.source.next().catch((error: unknown) => {
        const code = (error as { code?: string }).code ?? '';
        if (code.startsWith('Z_'))
          throw unsafeArchive(`The package is not a valid gzip file or is incomplete (${code}).`);
        throw error;
      });
      if (next.done === true) this.ended = true;
      else {
        this.chunks.push(next.value);
        this.buffered += next.value.length;
      }
    }
  }

  private take(max: number): Buffer {
    const first = this.chunks[0];
    if (first === undefined) return Buffer.alloc(0);
    if (first.length <= max) {
      this.chunks.shift();
      this.buffered -= first.length;
      return first;
    }
    this.chunks[0] = first.subarray(max);
    this.buffered -= max;
    return first.subarray(0, max);
  }

  /** Exactly n bytes, or null at a clean end of the stream. */
  async exact(n: number): Promise<Buffer | null> {
    await this.fill(n);
    if (this.buffered === 0) return null;
    if (this.buffered < n) throw unsafeArchive('The package ends in the middle of an entry: it is incomplete.');
    const parts: Buffer[] = [];
    let left = n;
    while (left > 0) {
      const part = this.take(left);
      parts.push(part);
      left -= part.length;
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  async *stream(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.buffered === 0) await this.fill(1);
      if (this.buffered === 0) throw unsafeArchive('The package ends in the middle of an entry: it is incomplete.');
      const part = this.take(left);
      left -= part.length;
      yield part;
    }
  }

  async skip(n: number): Promise<void> {
    for await (const _ of this.stream(n)) {
      // discarded
    }
  }
}

function cString(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function numeric(block: Buffer, start: number, length: number, what: string): number {
  const field = block.subarray(start, start + length);
  // GNU base-256: the high bit of the first byte marks a big-endian binary number (sizes past 8 GiB)
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    if (!Number.isSafeInteger(value)) throw unsafeArchive(`The package's ${what} field is out of range.`);
    return value;
  }
  const text = field
    .toString('ascii')
    .replace(/[\0 ]+$/, '')
    .replace(/^ +/, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw unsafeArchive(`The package is not a valid tar archive (bad ${what} field).`);
  return parseInt(text, 8);
}

function checksumMatches(block: Buffer): boolean {
  const stored = numeric(block, 148, 8, 'checksum');
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

function typeOf(flag: string, name: string): ArchiveEntryType | null {
  switch (flag) {
    case '0':
    case '\0':
    case '7':
      // pre-POSIX archives mark folders only by the trailing slash
      return name.endsWith('/') ? 'directory' : 'file';
    case '5':
      return 'directory';
    case '2':
      return 'symlink';
    case '1':
      return 'hardlink';
    case '3':
    case '4':
    case '6':
      return 'device';
    default:
      return null;
  }
}

/** pax records: `<length> <key>=<value>\n`, the length counting the whole record. */
export function parsePax(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const length = Number(data.subarray(at, space).toString('ascii'));
    if (!Number.isInteger(length) || length <= 0 || at + length > data.length)
      throw unsafeArchive('The package has a damaged pax header.');
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return out;
}

async function meta(reader: ByteReader, size: number, what: string): Promise<Buffer> {
  if (size > MAX_META_BYTES)
    throw unsafeArchive(`The package has a ${what} of ${size} bytes, far beyond any real one.`);
  const padded = Math.ceil(size / BLOCK) * BLOCK;
  const data = padded === 0 ? Buffer.alloc(0) : await reader.exact(padded);
  if (data === null) throw unsafeArchive('The package ends in the middle of an entry: it is incomplete.');
  return data.subarray(0, size);
}

/** Entries of a `.tar.gz` file in order. Stops at the end-of-archive marker; gunzip damage surfaces as INVALID_INPUT. */
export async function* readTarGz(file: string): AsyncGenerator<ArchiveEntry> {
  const gunzip = createGunzip();
  pipeline(createReadStream(file), gunzip, () => {
    // errors reach the consumer through the iterator below
  });
  const source = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const reader = new ByteReader(source);
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax = new Map<string, string>();
  try {
    for (;;) {
      const block = await reader.exact(BLOCK);
      if (block === null) throw unsafeArchive('The package ends without the end-of-archive marker: it is incomplete.');
      if (block.every((b) => b === 0)) return; // end of archive (the second zero block and any padding are not read)
      if (!checksumMatches(block))
        throw unsafeArchive('The package is not a valid tar archive (a header checksum does not match).');
      const flag = String.fromCharCode(block[156] ?? 0);
      const headerSize = numeric(block, 124, 12, 'size');
      if (flag === 'L' || flag === 'K') {
        const text = cString(await meta(reader, headerSize, 'long name'), 0, headerSize);
        if (flag === 'L') longName = text;
        else longLink = text;
        continue;
      }
      if (flag === 'x' || flag === 'g') {
        const records = parsePax(await meta(reader, headerSize, 'pax header'));
        // global headers set defaults for the archive; the ones we act on (path, size) are per-entry by nature
        if (flag === 'x') pax = records;
        continue;
      }
      const magic = block.subarray(257, 262).toString('ascii');
      const prefix = magic === 'ustar' ? cString(block, 345, 155) : '';
      const shortName = cString(block, 0, 100);
      const path = pax.get('path') ?? longName ?? (prefix === '' ? shortName : `${prefix}/${shortName}`);
      const linkTarget = pax.get('linkpath') ?? longLink ?? cString(block, 157, 100);
      const paxSize = pax.get('size');
      const size = paxSize === undefined ? headerSize : Number(paxSize);
      if (!Number.isSafeInteger(size) || size < 0)
        throw unsafeArchive('The package has an entry with an impossible size.');
      longName = undefined;
      longLink = undefined;
      pax = new Map();
      const type = typeOf(flag, path);
      if (type === null)
        throw unsafeArchive(
          `The package entry ${JSON.stringify(path)} is of a kind that is never installed (tar type "${flag}").`,
          { path },
        );
      // only regular files carry contents; anything else declaring a size still occupies those blocks
      const bodySize = type === 'file' ? size : flag === '1' || flag === '2' || flag === '5' ? 0 : size;
      const padded = Math.ceil(bodySize / BLOCK) * BLOCK;
      let consumed = false;
      const entry: ArchiveEntry = {
        path,
        type,
        mode: numeric(block, 100, 8, 'mode'),
        size: type === 'file' ? size : 0,
        linkTarget,
        body: () => {
          consumed = true;
          return reader.stream(bodySize);
        },
      };
      yield entry;
      if (!consumed) await reader.skip(bodySize);
      await reader.skip(padded - bodySize);
    }
  } finally {
    gunzip.destroy();
  }
}
