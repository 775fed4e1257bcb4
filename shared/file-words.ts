/**
 * What went wrong with a file the user named, in plain words: the operating system's error names (ENOENT, EACCES …)
 * never reach a person. The host maps its own error to one of these problems; the remedy is the caller's, since only
 * the caller knows which flag or field named the file.
 */
import { HicareError, type ErrorCode } from './errors.js';

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

/** What the file was for: "the trust root", "the attachment", "the download folder". */
export interface FileUse {
  what: string;
  path: string;
  remedy: string;
}

const WORDS: Record<FileProblem, { code: ErrorCode; say: (what: string, path: string) => string }> = {
  missing: { code: 'NOT_FOUND', say: (what, path) => `There is no ${what} at ${path}.` },
  'not-a-folder': {
    code: 'NOT_FOUND',
    say: (what, path) => `The path of ${what}, ${path}, goes through something that is not a folder.`,
  },
  'is-a-folder': {
    code: 'INVALID_INPUT',
    say: (what, path) => `${capitalized(what)} ${path} is a folder, where a file is needed.`,
  },
  'name-too-long': { code: 'INVALID_INPUT', say: (what) => `The path given for ${what} is too long for this system.` },
  'no-permission': { code: 'FILE_NOT_ACCESSIBLE', say: (what, path) => `Your account may not use ${what} at ${path}.` },
  'read-only': {
    code: 'FILE_NOT_ACCESSIBLE',
    say: (what, path) => `${capitalized(what)} at ${path} is on a disk that cannot be written to.`,
  },
  'disk-full': { code: 'INSUFFICIENT_SPACE', say: (what, path) => `The disk holding ${what} at ${path} is full.` },
  busy: {
    code: 'FILE_NOT_ACCESSIBLE',
    say: (what, path) => `${capitalized(what)} at ${path} is in use by another program.`,
  },
  unreadable: { code: 'FILE_NOT_ACCESSIBLE', say: (what, path) => `${capitalized(what)} at ${path} cannot be used.` },
};

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A long path is shortened in the sentence (a 5,000-character name must not fill the screen); the full one is in details. */
function shown(path: string): string {
  return path.length <= 200 ? path : `${path.slice(0, 96)}…${path.slice(-96)}`;
}

export function fileProblemError(problem: FileProblem, use: FileUse): HicareError {
  const words = WORDS[problem];
  return new HicareError(words.code, words.say(use.what, shown(use.path)), use.remedy, {
    path: use.path,
    problem,
  });
}
