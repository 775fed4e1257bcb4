/**
 * Just enough of POSIX tar (ustar with pax extended headers, as tar-stream writes) to index an archive by seeking
 * from header to header: a bundle of gigabytes is listed by reading a few kilobytes, and each member is then read
 * at its offset. Anything else an archive can hold (links, devices, directories, GNU long names) is reported as a
 * non-regular entry for the reader to refuse.
 */
import { HicareError } from '../../../shared/errors.js';

export const BLOCK = 512;

export interface TarEntry {
  name: string;
  size: number;
  /** Whether it is a plain file ('0' or NUL type flag). */
  regular: boolean;
  /** Where the member's bytes start in the archive. */
  dataOffset: number;
  /** Where the next header starts. */
  nextOffset: number;
}

/** Reads `length` bytes at `position`, fewer only at the end of the file. */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;

function isZero(block: Buffer): boolean {
  for (const byte of block) if (byte !== 0) return false;
  return true;
}

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function octal(block: Buffer, start: number, length: number): number {
  const field = block.subarray(start, start + length);
  // GNU base-256 for sizes beyond the 8 GiB an octal field holds.
  if ((field[0] ?? 0) & 0x80) {
    let value = (field[0] ?? 0) & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return value;
  }
  const digits = text(block, start, length).trim();
  if (!/^[0-7]*$/.test(digits)) throw new HicareError('BUNDLE_INVALID.damagedHeader');
  return digits === '' ? 0 : parseInt(digits, 8);
}

function checksumOk(block: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum === octal(block, 148, 8);
}

function paddedSize(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}

/** pax records: `LEN key=value\n`, of which path and size matter here. */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = Number(data.subarray(at, space).toString('ascii'));
    if (space === -1 || !Number.isSafeInteger(length) || length <= 0 || at + length > data.length)
      throw new HicareError('BUNDLE_INVALID.damagedHeader');
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}

/** pax headers are small; one larger than this is not from a bundle writer. */
const PAX_MAX = 64 * 1024;

/**
 * The entry whose header starts at `offset`, or `end` at the end-of-archive marker (two zero blocks, the second
 * confirmed). A header cut off, damaged or whose data runs past `fileSize` is refused.
 */
export async function readEntry(readAt: ReadAt, offset: number, fileSize: number): Promise<TarEntry | 'end'> {
  let pax: Map<string, string> | undefined;
  let at = offset;
  for (;;) {
    const block = await readAt(at, BLOCK);
    if (block.length < BLOCK) throw new HicareError('BUNDLE_INVALID.truncated');
    if (isZero(block)) {
      const second = await readAt(at + BLOCK, BLOCK);
      if (second.length < BLOCK) throw new HicareError('BUNDLE_INVALID.truncated');
      if (!isZero(second)) throw new HicareError('BUNDLE_INVALID.damagedHeader');
      return 'end';
    }
    if (!checksumOk(block)) throw new HicareError('BUNDLE_INVALID.damagedHeader');
    const type = String.fromCharCode(block[156] ?? 0);
    const size = octal(block, 124, 12);
    const dataOffset = at + BLOCK;
    if (dataOffset + size > fileSize) throw new HicareError('BUNDLE_INVALID.truncated');
    if (type === 'x') {
      if (size > PAX_MAX) throw new HicareError('BUNDLE_INVALID.damagedHeader');
      pax = paxRecords(await readAt(dataOffset, size));
      at = dataOffset + paddedSize(size);
      continue;
    }
    const magic = text(block, 257, 6);
    const prefix = magic.startsWith('ustar') ? text(block, 345, 155) : '';
    const plain = text(block, 0, 100);
    const name = pax?.get('path') ?? (prefix === '' ? plain : `${prefix}/${plain}`);
    const paxSize = pax?.get('size');
    const realSize = paxSize === undefined ? size : Number(paxSize);
    if (!Number.isSafeInteger(realSize) || realSize < 0 || dataOffset + realSize > fileSize)
      throw new HicareError('BUNDLE_INVALID.truncated');
    return {
      name,
      size: realSize,
      regular: type === '0' || type === '\0',
      dataOffset,
      nextOffset: dataOffset + paddedSize(realSize),
    };
  }
}
