/**
 * Safe extraction of `.tar.gz` and `.zip` packages. Everything is unpacked into a fresh staging folder next to the
 * destination and moved into place only when the whole archive has been read and checked, so a refused or damaged
 * package leaves nothing behind and a good one replaces the previous files in one step per top-level entry.
 */
import { mkdir, mkdtemp, open, readdir, rename, rm, stat, chmod } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { HicareError } from '../../../shared/errors.js';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from './archive-entry.js';
import { assertCodePage, type NameDecoding } from './archive-names.js';
import { unsafeArchive } from './archive-paths.js';
import { StagingWriter } from './staging-writer.js';
import { readTarGz } from './tar-reader.js';
import { readZip } from './zip-reader.js';

export type ArchiveFormat = 'tar.gz' | 'zip';

export interface ExtractOptions extends NameDecoding {
  limits?: Partial<ExtractLimits>;
  /** Skips sniffing the first bytes. */
  format?: ArchiveFormat;
}

export interface ExtractResult {
  format: ArchiveFormat;
  /** Entries read, folders and links included. */
  entries: number;
  files: number;
  bytes: number;
}

/** Recognises the format by its magic bytes, not its name: a renamed file is still what it is. */
export async function archiveFormatOf(file: string): Promise<ArchiveFormat | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'tar.gz';
    // local file header, or the end record alone for an empty zip
    if (bytesRead === 4 && (head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50)) return 'zip';
    return null;
  } finally {
    await handle.close();
  }
}

/** What the disk says (no space, no permission) in the user's words; the system's own text stays in the details. */
function asExtractError(error: unknown, destination: string): HicareError {
  if (error instanceof HicareError) return error;
  const code = (error as { code?: string }).code ?? '';
  const cause = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC') return new HicareError('INSUFFICIENT_SPACE.archiveUnpack', { destination }, { destination });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new HicareError('INSTALL_FAILED.archivePermission', { destination }, { destination, cause: code });
  return new HicareError('INSTALL_FAILED.archiveUnpack', { destination }, { destination, cause: code || cause });
}

/**
 * Puts the staged top-level entries into the destination. An entry of the same name is moved aside first and put
 * back if anything fails, so the destination holds either the old files or the new ones.
 */
async function moveIntoPlace(staging: string, destination: string): Promise<void> {
  const existing = await stat(destination).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (existing === null) {
    await rename(staging, destination);
    await chmod(destination, 0o755); // mkdtemp made it private
    return;
  }
  if (!existing.isDirectory()) {
    throw new HicareError('INVALID_INPUT.archiveDestinationIsFile', { destination }, { destination });
  }
  const aside = await mkdtemp(join(dirname(destination), `.${basename(destination)}.replaced-`));
  const moved: string[] = [];
  const replaced: string[] = [];
  try {
    for (const name of await readdir(staging)) {
      const target = join(destination, name);
      const old = await stat(target).then(
        () => true,
        () => false,
      );
      if (old) {
        await rename(target, join(aside, name));
        replaced.push(name);
      }
      await rename(join(staging, name), target);
      moved.push(name);
    }
  } catch (error) {
    for (const name of moved.reverse())
      await rename(join(destination, name), join(staging, name)).catch(() => undefined);
    for (const name of replaced) await rename(join(aside, name), join(destination, name)).catch(() => undefined);
    throw error;
  } finally {
    await rm(aside, { recursive: true, force: true });
  }
  await rm(staging, { recursive: true, force: true });
}

/**
 * Unpacks `archive` into `destination` (created if missing; existing top-level entries of the same names are
 * replaced). Any unsafe or damaged entry → INVALID_INPUT, and the destination is as it was.
 */
export async function extractArchive(
  archive: string,
  destination: string,
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  const dest = resolve(destination);
  const format = options.format ?? (await archiveFormatOf(archive));
  if (format === null) throw unsafeArchive('INVALID_INPUT.archiveUnknownFormat', {}, { archive });
  assertCodePage(options);
  const limits: ExtractLimits = { ...DEFAULT_EXTRACT_LIMITS, ...options.limits };
  const createdParent = await mkdir(dirname(dest), { recursive: true });
  const staging = await mkdtemp(join(dirname(dest), `.${basename(dest)}.extract-`));
  try {
    const writer = new StagingWriter(staging, limits);
    const entries = format === 'zip' ? readZip(archive, options) : readTarGz(archive, options);
    for await (const entry of entries) await writer.write(entry);
    await writer.checkLinks();
    await moveIntoPlace(staging, dest);
    return { format, entries: writer.entries, files: writer.files, bytes: writer.bytes };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (createdParent !== undefined) await rm(createdParent, { recursive: true, force: true });
    throw asExtractError(error, dest);
  }
}
