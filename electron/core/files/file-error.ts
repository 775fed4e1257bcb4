/**
 * A Node file-system error (ENOENT, EACCES, ENAMETOOLONG …) as a coded error in plain words, naming the file and
 * what it was for; anything that is not a file-system error passes through unchanged.
 */
import { fileProblemError, type FileProblem, type FileUse } from '../../../shared/file-words.js';

const PROBLEM_OF: Record<string, FileProblem> = {
  ENOENT: 'missing',
  ENOTDIR: 'not-a-folder',
  // mkdir of a folder where a file already stands
  EEXIST: 'not-a-folder',
  EISDIR: 'is-a-folder',
  ENAMETOOLONG: 'name-too-long',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  EROFS: 'read-only',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  ELOOP: 'unreadable',
  EINVAL: 'unreadable',
  EIO: 'unreadable',
};

export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string'
  );
}

export function fileError(error: unknown, use: FileUse): unknown {
  if (!isFileSystemError(error)) return error;
  return fileProblemError(PROBLEM_OF[error.code ?? ''] ?? 'unreadable', use);
}

/** Runs a file operation; a file-system failure becomes the coded error for `use`. */
export async function withFile<T>(use: FileUse, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw fileError(error, use);
  }
}
