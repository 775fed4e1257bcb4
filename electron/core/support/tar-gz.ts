/**
 * A .tar.gz of a few in-memory files, enough for a support bundle: POSIX ustar headers, regular files only, names
 * under 100 bytes (the bundle's own names), gzip over the whole. `tar xzf` and every archive tool on the vendor's
 * side read it; no dependency is needed for so little.
 */
import { gzipSync } from 'node:zlib';

export interface TarEntry {
  /** A relative path with forward slashes, at most 100 bytes. */
  name: string;
  data: Buffer;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  // width - 1 digits and a NUL, as ustar wants its numeric fields.
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(entry: TarEntry, mtime: Date): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  if (name.length > 100 || entry.name.startsWith('/') || entry.name.split('/').includes('..')) {
    throw new RangeError(`tar entry name not allowed: ${entry.name}`);
  }
  const block = Buffer.alloc(BLOCK);
  name.copy(block, 0);
  block.write(octal(0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(entry.data.length, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  // The checksum is summed with its own field read as spaces.
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

export function tarGz(entries: readonly TarEntry[], mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry, mtime), entry.data);
    const pad = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad));
  }
  // Two empty blocks end the archive.
  parts.push(Buffer.alloc(2 * BLOCK));
  return gzipSync(Buffer.concat(parts));
}
