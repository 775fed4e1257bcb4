/**
 * How a store's answers become the portal's coded errors. A full S3-compatible store cannot be made here (s3rver
 * has no quota, and on a full disk it fails without saying why), so the codes real stores send for it are checked
 * as they arrive from the SDK: an error named by the store's code, with the HTTP status in `$metadata`.
 */
import { describe, expect, it } from 'vitest';
import { storeFailure } from '../../../portal/storage/s3-errors.js';

function sdkError(name: string, status: number | undefined): Error {
  return Object.assign(new Error(`store says ${name}`), {
    name,
    $metadata: status === undefined ? {} : { httpStatusCode: status },
  });
}

describe('storeFailure', () => {
  it.each([
    ['InsufficientStorage', 507],
    ['XMinioStorageFull', 507],
    ['EntityTooLarge', 400],
    ['QuotaExceeded', 403],
    ['SomethingNew', 507],
  ])('takes %s (%s) for a full store: INSUFFICIENT_SPACE', (name, status) => {
    const error = storeFailure(sdkError(name, status), 'store', 'attachments/a', 'b1');
    expect(error.code).toBe('INSUFFICIENT_SPACE');
    expect(error.message).not.toContain(name);
  });

  it('takes a missing object on a read for NOT_FOUND, and keeps the store’s text out of the words', () => {
    const error = storeFailure(sdkError('NoSuchKey', 404), 'read', 'attachments/a', 'b1');
    expect(error.code).toBe('NOT_FOUND');
    expect(`${error.message} ${error.remedy}`).not.toMatch(/NoSuchKey|store says/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('takes refused connections, internal errors and refused credentials for STORE_UNAVAILABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:9000'), { code: 'ECONNREFUSED' });
    for (const [error, remedy] of [
      [refused, /HICARE_S3_ENDPOINT/],
      [sdkError('InternalError', 500), /healthy and has free space/],
      [sdkError('AccessDenied', 403), /AWS_SECRET_ACCESS_KEY/],
      [sdkError('NoSuchBucket', 404), /HICARE_S3_BUCKET/],
    ] as const) {
      const coded = storeFailure(error, 'store', 'attachments/a', 'b1');
      expect(coded.code).toBe('STORE_UNAVAILABLE');
      expect(coded.remedy).toMatch(remedy);
      expect(coded.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.1|InternalError|AccessDenied/);
    }
  });
});
