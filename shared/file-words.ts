/**
 * What went wrong with a file the user named, as a coded error: the operating system's error names (ENOENT,
 * EACCES …) never reach a person. The host maps its own error to one of these problems and says which file it was
 * (`kind`); the catalog words the file and the remedy for that kind, since the remedy depends on which setting or
 * flag named it.
 */
import { HicareError, type ErrorKey } from './errors.js';

export const FILE_PROBLEMS = [
  'missing',
  'not-a-folder',
  'is-a-folder',
  'name-too-long',
  'no-permission',
  'read-only',
  'disk-full',
  'busy',
  'unreadable',
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

/** Which file it was: the catalog's `{file, select, …}` names it and picks the remedy. */
export const FILE_KINDS = [
  // a root chosen in the app's Settings, and one given to `hicare trust`
  'trustRoot',
  'trustRootArgument',
  'caBundle',
  'dataFolder',
  'downloadFolder',
  'packageFile',
  'supportBundle',
  // any other file a command line named
  'commandLineFile',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface FileUse {
  file: FileKind;
  path: string;
}

const KEYS: Record<FileProblem, ErrorKey> = {
  missing: 'NOT_FOUND.fileMissing',
  'not-a-folder': 'NOT_FOUND.fileNotAFolder',
  'is-a-folder': 'INVALID_INPUT.fileIsAFolder',
  'name-too-long': 'INVALID_INPUT.fileNameTooLong',
  'no-permission': 'FILE_NOT_ACCESSIBLE.fileNoPermission',
  'read-only': 'FILE_NOT_ACCESSIBLE.fileReadOnly',
  'disk-full': 'INSUFFICIENT_SPACE.fileDiskFull',
  busy: 'FILE_NOT_ACCESSIBLE.fileBusy',
  unreadable: 'FILE_NOT_ACCESSIBLE.fileUnreadable',
};

/** A long path is shortened in the sentence (a 5,000-character name must not fill the screen); the full one is in details. */
function shown(path: string): string {
  return path.length <= 200 ? path : `${path.slice(0, 96)}…${path.slice(-96)}`;
}

export function fileProblemError(problem: FileProblem, use: FileUse): HicareError {
  return new HicareError(KEYS[problem], { file: use.file, path: shown(use.path) }, { path: use.path, problem });
}
