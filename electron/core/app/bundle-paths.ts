/**
 * The paths a user types for exporting and importing bundles, checked before the bundle code reads or writes
 * anything: an export never lands over an existing file or among other files, and an import names a file.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, normalize } from 'node:path';
import { HicareError } from '../../../shared/errors.js';
import { fileError } from '../files/file-error.js';

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileError(error, { file: 'packageFile', path });
  }
}

/** A new file in a folder that exists. */
export async function exportFilePath(path: string): Promise<string> {
  if (!isAbsolute(path)) throw new HicareError('INVALID_INPUT.bundleFileNotFull', { path }, { path });
  const file = normalize(path);
  const folder = dirname(file);
  const parent = await statOrNull(folder);
  if (parent === null || !parent.isDirectory())
    throw new HicareError('NOT_FOUND.bundleExportParent', { folder }, { path: file });
  if ((await statOrNull(file)) !== null) throw new HicareError('ALREADY_EXISTS.bundleExportFile', { path: file });
  return file;
}

/** A folder that does not exist yet (it is made) or is empty. */
export async function exportFolderPath(path: string): Promise<string> {
  if (!isAbsolute(path)) throw new HicareError('INVALID_INPUT.bundleFolderNotFull', { path }, { path });
  const folder = normalize(path);
  const found = await statOrNull(folder);
  if (found === null) return folder;
  if (!found.isDirectory()) throw new HicareError('ALREADY_EXISTS.bundleExportFile', { path: folder });
  const entries = await readdir(folder).catch((error: unknown) => {
    throw fileError(error, { file: 'downloadFolder', path: folder });
  });
  if (entries.length > 0) throw new HicareError('ALREADY_EXISTS.bundleExportFolderNotEmpty', { path: folder });
  return folder;
}

/** An existing bundle file. */
export async function importFilePath(path: string): Promise<string> {
  if (!isAbsolute(path)) throw new HicareError('INVALID_INPUT.bundleImportNotFull', { path }, { path });
  const file = normalize(path);
  const found = await statOrNull(file);
  if (found === null) throw new HicareError('NOT_FOUND.bundleToImport', { path: file });
  if (found.isDirectory()) throw new HicareError('INVALID_INPUT.bundleImportIsFolder', { path: file });
  return file;
}
