/**
 * A write the portal could not finish because the disk or store it writes to is full. Said once, here, so that every
 * store and route answers it the same way: 507 with a plain remedy, never a bare 500 with an errno in it.
 */
import { HicareError, isHicareError } from '../../shared/errors.js';

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

export function isNoSpace(error: unknown): boolean {
  return typeof error === 'object' && error !== null && NO_SPACE.has(String((error as { code?: unknown }).code));
}

/** What a write was storing, as callers name it, and the identifier each language's sentence words it by. */
const STORED_THINGS = {
  'what this request sent': 'requestBody',
  'the signed catalog': 'signedCatalog',
  'the publish lock': 'publishLock',
  /** With the package's target name. */
  'a copy of the package': 'packageCopy',
  'the packages being published': 'publishedPackages',
  'a file': 'aFile',
  'the file': 'theFile',
  'the attachment': 'attachment',
  'the package to publish': 'packageToPublish',
} as const;

export type StoredThing = keyof typeof STORED_THINGS;

export function insufficientSpace(what: StoredThing, name = ''): HicareError {
  return new HicareError('INSUFFICIENT_SPACE.storeFull', { what: STORED_THINGS[what], name });
}

/** The coded error for a failed write: INSUFFICIENT_SPACE for a full disk, the error itself otherwise. */
export function asStoreError(error: unknown, what: StoredThing, name = ''): unknown {
  if (isHicareError(error)) return error;
  return isNoSpace(error) ? insufficientSpace(what, name) : error;
}
