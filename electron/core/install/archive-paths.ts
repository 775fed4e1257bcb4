/**
 * The rules an archive entry's name and link target must follow before anything is written: every path stays under
 * the destination on every OS the app runs on (so Windows' drive letters, backslashes and stream names count too).
 */
import { posix } from 'node:path';
import { HicareError, type ErrorKey } from '../../../shared/errors.js';
import type { MessageParams } from '../../../shared/i18n/messages.js';

/** The refusals of a package: all INVALID_INPUT, each saying in plain words what is wrong with it. */
export type ArchiveRefusal = Extract<ErrorKey, `INVALID_INPUT.${'archive' | 'zip' | 'tar'}${string}`>;

export function unsafeArchive(
  key: ArchiveRefusal,
  params: MessageParams = {},
  details: Record<string, unknown> = {},
): HicareError {
  return new HicareError(key, params, details);
}

/** An entry's name as a message shows it: at most 300 characters, control characters escaped, no quotes around. */
export function shownName(raw: string): string {
  return JSON.stringify(raw.slice(0, 300)).slice(1, -1);
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
  const refuse = (key: ArchiveRefusal): HicareError => unsafeArchive(key, { path: shownName(raw) }, { path: raw });
  if (raw.length === 0) throw unsafeArchive('INVALID_INPUT.archiveUnnamed');
  if (raw.length > 4096) throw unsafeArchive('INVALID_INPUT.archiveNameTooLong', { length: raw.length });
  if (hasControl(raw)) throw refuse('INVALID_INPUT.archiveControlCharacter');
  if (raw.includes('\\')) throw refuse('INVALID_INPUT.archiveBackslash');
  if (raw.startsWith('/')) throw refuse('INVALID_INPUT.archiveAbsolutePath');
  if (raw.includes(':')) throw refuse('INVALID_INPUT.archiveDriveOrStream');
  let rest = raw;
  while (rest.startsWith('./')) rest = rest.slice(2);
  while (rest.endsWith('/')) rest = rest.slice(0, -1);
  if (rest === '' || rest === '.') return '';
  for (const part of rest.split('/')) {
    if (part === '..') throw refuse('INVALID_INPUT.archiveClimbsOut');
    if (part === '' || part === '.') throw refuse('INVALID_INPUT.archiveEmptyPart');
  }
  return rest;
}

/**
 * A symbolic link may only point at a relative place that stays inside the destination when read from the link's
 * own folder. (Where it finally lands through other links is checked again on disk once everything is written.)
 */
export function assertSafeLinkTarget(entryPath: string, target: string): void {
  const outside = (): HicareError =>
    unsafeArchive(
      'INVALID_INPUT.archiveLinkOutside',
      { path: shownName(entryPath), target: shownName(target) },
      { path: entryPath, target },
    );
  if (target.length === 0)
    throw unsafeArchive('INVALID_INPUT.archiveLinkNowhere', { path: shownName(entryPath) }, { path: entryPath });
  if (hasControl(target) || target.includes('\\') || target.includes(':') || target.startsWith('/')) throw outside();
  const resolved = posix.normalize(posix.join(posix.dirname(entryPath), target));
  if (resolved === '..' || resolved.startsWith('../') || posix.isAbsolute(resolved)) throw outside();
}

/** `a/b/c` → `['a', 'a/b']`: the folders an entry lives in. */
export function parentsOf(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}
