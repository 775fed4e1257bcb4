/**
 * The rules an archive entry's name and link target must follow before anything is written: every path stays under
 * the destination on every OS the app runs on (so Windows' drive letters, backslashes and stream names count too).
 */
import { posix } from 'node:path';
import { HicareError } from '../../../shared/errors.js';

const REMEDY =
  'The package is damaged or unsafe and was not installed. Download it again; if it persists, report it to the vendor.';

export function unsafeArchive(message: string, details: Record<string, unknown> = {}): HicareError {
  return new HicareError('INVALID_INPUT', message, REMEDY, details);
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * The entry's path as a clean relative POSIX path (`a/b/c`), or `''` for the archive's root entry (`./`).
 * Refuses absolute paths, `..`, drive letters, backslashes (a separator on Windows), `:` (drive letters and NTFS
 * streams) and control characters. A leading `./` and a trailing `/` are how ordinary tools write names, so they pass.
 */
export function safeEntryPath(raw: string): string {
  const show = JSON.stringify(raw.slice(0, 300));
  if (raw.length === 0) throw unsafeArchive('The package has an entry without a name.');
  if (raw.length > 4096)
    throw unsafeArchive(`The package has an entry whose name is too long (${raw.length} characters).`);
  if (hasControl(raw))
    throw unsafeArchive(`The package entry ${show} has a control character in its name.`, { path: raw });
  if (raw.includes('\\')) throw unsafeArchive(`The package entry ${show} has a backslash in its name.`, { path: raw });
  if (raw.startsWith('/')) throw unsafeArchive(`The package entry ${show} has an absolute path.`, { path: raw });
  if (raw.includes(':'))
    throw unsafeArchive(`The package entry ${show} names a drive or a file stream.`, { path: raw });
  let rest = raw;
  while (rest.startsWith('./')) rest = rest.slice(2);
  while (rest.endsWith('/')) rest = rest.slice(0, -1);
  if (rest === '' || rest === '.') return '';
  for (const part of rest.split('/')) {
    if (part === '..')
      throw unsafeArchive(`The package entry ${show} climbs out of the install folder with "..".`, { path: raw });
    if (part === '' || part === '.')
      throw unsafeArchive(`The package entry ${show} has an empty or "." part.`, { path: raw });
  }
  return rest;
}

/**
 * A symbolic link may only point at a relative place that stays inside the destination when read from the link's
 * own folder. (Where it finally lands through other links is checked again on disk once everything is written.)
 */
export function assertSafeLinkTarget(entryPath: string, target: string): void {
  const show = JSON.stringify(entryPath);
  if (target.length === 0) throw unsafeArchive(`The link ${show} in the package points nowhere.`, { path: entryPath });
  if (hasControl(target) || target.includes('\\') || target.includes(':') || target.startsWith('/')) {
    throw unsafeArchive(
      `The link ${show} in the package points outside the install folder (${JSON.stringify(target)}).`,
      { path: entryPath, target },
    );
  }
  const resolved = posix.normalize(posix.join(posix.dirname(entryPath), target));
  if (resolved === '..' || resolved.startsWith('../') || posix.isAbsolute(resolved)) {
    throw unsafeArchive(
      `The link ${show} in the package points outside the install folder (${JSON.stringify(target)}).`,
      { path: entryPath, target },
    );
  }
}

/** `a/b/c` → `['a', 'a/b']`: the folders an entry lives in. */
export function parentsOf(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}
