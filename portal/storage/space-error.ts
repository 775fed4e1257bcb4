/**
 * A write the portal could not finish because the disk or store it writes to is full. Said once, here, so that every
 * store and route answers it the same way: 507 with a plain remedy, never a bare 500 with an errno in it.
 */
import { HicareError, isHicareError } from '../../shared/errors.js';

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

export function isNoSpace(error: unknown): boolean {
  return typeof error === 'object' && error !== null && NO_SPACE.has(String((error as { code?: unknown }).code));
}

export function insufficientSpace(what: string): HicareError {
  return new HicareError(
    'INSUFFICIENT_SPACE',
    `The portal's storage is full: it could not store ${what}.`,
    'Try again later; if it persists, tell the vendor (the portal operator must free or add storage).',
  );
}

/** The coded error for a failed write: INSUFFICIENT_SPACE for a full disk, the error itself otherwise. */
export function asStoreError(error: unknown, what: string): unknown {
  if (isHicareError(error)) return error;
  return isNoSpace(error) ? insufficientSpace(what) : error;
}
