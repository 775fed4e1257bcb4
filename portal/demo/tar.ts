/**
 * A minimal, deterministic ustar + gzip writer for the demo packages. Deterministic (fixed mtime, owner 0:0, sorted
 * entries, fixed gzip header) so that seeding twice publishes the same bytes and the same TUF hashes. Entry paths are
 * checked here because an archive with `../` or absolute names is exactly what the app's extractor must refuse:
 * the vendor side must never produce one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { HicareError } from '../../shared/errors.js';

export interface TarEntry {
  /** Relative POSIX path inside the archive, e.g. `payload/bin/atlas`. Parent directories are added automatically. */
  path: string;
  /** Permission bits, e.g. 0o644 or 0o755. */
  mode: number;
  content: Buffer | string;
}

/** 2026-01-01T00:00:00Z: a fixed stamp, in the past so that extractors do not warn about future times. */
export const TAR_MTIME_SECONDS = 1_767_225_600;

const BLOCK = 512;
const NAME_BYTES = 100;
const PREFIX_BYTES = 155;
const DIRECTORY_MODE = 0o755;
/** The ustar size field holds 11 octal digits. */
const MAX_SIZE = 8 ** 11 - 1;

type PathProblem =
  | 'missing'
  | 'nul'
  | 'backslash'
  | 'absolute'
  | 'climbs'
  | 'emptyPart'
  | 'control'
  | 'tooLong'
  | 'twice'
  | 'notContent'
  | 'tooLarge'
  | 'fileAndDirectory';

function invalid(problem: PathProblem, path: unknown): HicareError {
  // A control character is shown escaped, as JSON writes it, rather than written into the message as it is.
  const shown = problem === 'control' ? JSON.stringify(path) : String(path);
  return new HicareError('INVALID_INPUT.tarPath', { problem, path: shown }, { path: String(path) });
}

/** Throws INVALID_INPUT for any path an extractor could resolve outside its destination or read ambiguously. */
export function assertSafeEntryPath(path: string): void {
  if (typeof path !== 'string' || path.length === 0) throw invalid('missing', path);
  if (path.includes('\0')) throw invalid('nul', path);
  if (path.includes('\\')) throw invalid('backslash', path);
  // a leading "/" or a drive letter would make extraction write outside the target directory
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw invalid('absolute', path);
  for (const part of path.split('/')) {
    if (part === '..') throw invalid('climbs', path);
    if (part === '' || part === '.') throw invalid('emptyPart', path);
  }
  if ([...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) throw invalid('control', path);
}

function assertMode(entry: TarEntry): void {
  if (!Number.isInteger(entry.mode) || entry.mode < 0 || entry.mode > 0o7777) {
    throw new HicareError('INVALID_INPUT.tarMode', { path: entry.path }, { path: entry.path });
  }
}

/** ustar keeps long names as prefix + "/" + name; the split must fall on a "/" and both halves must fit. */
function splitName(path: string): { name: Buffer; prefix: Buffer } {
  const whole = Buffer.from(path, 'utf8');
  if (whole.length <= NAME_BYTES) return { name: whole, prefix: Buffer.alloc(0) };
  for (let i = whole.length - 1; i > 0; i--) {
    if (whole[i] !== 0x2f) continue;
    const prefix = whole.subarray(0, i);
    const name = whole.subarray(i + 1);
    if (prefix.length <= PREFIX_BYTES && name.length <= NAME_BYTES && name.length > 0) return { name, prefix };
  }
  throw invalid('tooLong', path);
}

function octal(value: number, width: number): string {
  // width includes the terminating NUL
  return value.toString(8).padStart(width - 1, '0');
}

function header(path: string, mode: number, size: number, type: '0' | '5'): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  const { name, prefix } = splitName(path);
  name.copy(h, 0);
  h.write(octal(mode, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(TAR_MTIME_SECONDS, 12), 136, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('root', 265, 'ascii');
  h.write('root', 297, 'ascii');
  prefix.copy(h, 345);
  // the checksum is summed with its own field read as spaces, then stored as 6 octal digits, NUL, space
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${octal(sum, 7)}\0 `, 148, 'ascii');
  return h;
}

interface Prepared {
  path: string;
  mode: number;
  data: Buffer | null;
}

/** Validates every entry before any byte is produced, and adds the parent directories real archives carry. */
function prepare(entries: readonly TarEntry[]): Prepared[] {
  if (!Array.isArray(entries)) throw new HicareError('INVALID_INPUT.tarEntries');
  const files = new Map<string, Prepared>();
  const dirs = new Set<string>();
  for (const entry of entries) {
    assertSafeEntryPath(entry.path);
    assertMode(entry);
    if (files.has(entry.path)) throw invalid('twice', entry.path);
    const data = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : entry.content;
    if (!Buffer.isBuffer(data)) throw invalid('notContent', entry.path);
    if (data.length > MAX_SIZE) throw invalid('tooLarge', entry.path);
    files.set(entry.path, { path: entry.path, mode: entry.mode, data });
    const parts = entry.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const dir of dirs) {
    if (files.has(dir)) throw invalid('fileAndDirectory', dir);
  }
  const all = [...files.values(), ...[...dirs].map((d) => ({ path: d, mode: DIRECTORY_MODE, data: null }))];
  // byte order, not locale order, so the archive is the same on every machine
  return all.sort((a, b) => Buffer.compare(Buffer.from(a.path, 'utf8'), Buffer.from(b.path, 'utf8')));
}

/** The uncompressed ustar stream: headers, contents padded to 512 bytes, two zero blocks at the end. */
export function createTar(entries: readonly TarEntry[]): Buffer {
  const chunks: Buffer[] = [];
  for (const e of prepare(entries)) {
    if (e.data === null) {
      chunks.push(header(`${e.path}/`, e.mode, 0, '5'));
      continue;
    }
    chunks.push(header(e.path, e.mode, e.data.length, '0'), e.data);
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad > 0) chunks.push(Buffer.alloc(pad, 0));
  }
  chunks.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(chunks);
}

/** gzip with a fixed header: zlib writes mtime 0 but an OS byte that differs between platforms. */
export function createTarGz(entries: readonly TarEntry[]): Buffer {
  const gz = gzipSync(createTar(entries), { level: 9 });
  gz[9] = 0xff; // "unknown" OS: the same bytes whichever machine builds the package
  return gz;
}

/**
 * Writes the archive to `outFile` through a temporary sibling and a rename, so a reader never sees a partial
 * package and a rejected entry leaves no file at all. Returns what a TUF target records about the bytes written.
 */
export async function writeTarGz(
  entries: readonly TarEntry[],
  outFile: string,
): Promise<{ length: number; sha256: string }> {
  const bytes = createTarGz(entries);
  const tmp = `${outFile}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, outFile);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { length: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
