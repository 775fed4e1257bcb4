/**
 * What an S3-compatible store's failures mean to the portal, as coded errors: a missing object is NOT_FOUND, a full
 * store INSUFFICIENT_SPACE, and everything else that keeps the store from answering — refused connections, timeouts,
 * a missing bucket, wrong credentials, the store's own internal errors — STORE_UNAVAILABLE. The store's text stays
 * in `cause`, for the log; the message and remedy are the portal's own words.
 */
import { HicareError } from '../../shared/errors.js';
import { insufficientSpace } from './space-error.js';

export type StoreAction = 'store' | 'read' | 'delete' | 'reach';

/** Codes by which S3 and the common S3-compatible stores (MinIO, Ceph RGW) say they have no room. */
const FULL = new Set(['InsufficientStorage', 'EntityTooLarge', 'XMinioStorageFull', 'QuotaExceeded', 'ENOSPC']);
const MISSING = new Set(['NoSuchKey', 'NotFound']);
const REFUSED_CREDENTIALS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'Forbidden',
  'ExpiredToken',
  'InvalidToken',
]);

interface StoreErrorShape {
  name?: string;
  code?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

function codeOf(error: StoreErrorShape): string {
  return error.Code ?? error.code ?? error.name ?? '';
}

export function storeFailure(
  error: unknown,
  action: StoreAction,
  key: string | undefined,
  bucket: string,
): HicareError {
  if (error instanceof HicareError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as StoreErrorShape;
  const code = codeOf(shape);
  const status = shape.$metadata?.httpStatusCode;
  let coded: HicareError;
  if (FULL.has(code) || status === 507) {
    coded = insufficientSpace(key === undefined ? 'a file' : 'the file');
  } else if (action !== 'reach' && action !== 'store' && (MISSING.has(code) || status === 404)) {
    coded =
      key === undefined
        ? new HicareError('NOT_FOUND.s3AnyObject', {}, { action })
        : new HicareError('NOT_FOUND.s3Object', { key }, { action });
  } else if (code === 'NoSuchBucket' || (action === 'reach' && status === 404)) {
    coded = new HicareError('STORE_UNAVAILABLE.s3NoBucket', { bucket }, { action });
  } else if (REFUSED_CREDENTIALS.has(code) || status === 403) {
    coded = new HicareError('STORE_UNAVAILABLE.s3Credentials', { bucket }, { action });
  } else if (status !== undefined && status >= 500) {
    // Some stores (s3rver among them) answer a full disk with a bare internal error, so "full" stays a possibility.
    coded =
      key === undefined
        ? new HicareError('STORE_UNAVAILABLE.s3OwnError', { action }, { action })
        : new HicareError('STORE_UNAVAILABLE.s3OwnErrorOnKey', { action, key }, { action });
  } else {
    coded =
      key === undefined
        ? new HicareError('STORE_UNAVAILABLE.s3NoAnswer', { action }, { action })
        : new HicareError('STORE_UNAVAILABLE.s3NoAnswerOnKey', { action, key }, { action });
  }
  coded.cause = error;
  return coded;
}
