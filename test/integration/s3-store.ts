/**
 * A real S3-compatible server for the tests: s3rver on a loopback port, its objects in a temporary folder, one
 * bucket made up front. It speaks the S3 protocol the SDK uses; note that it checks a presigned URL's expiry and its
 * access key, but not the V4 signature itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../portal/storage/s3-blob-store.js';

/** The one account s3rver knows. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** Settings for an S3BlobStore on this server, under `prefix`. */
  settings(prefix?: string): S3Settings;
  /** Environment for a portal process or blobStoreFromEnv. */
  env(prefix?: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startS3(bucket = 'hicare-test'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'hicare-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    settings: (prefix) => ({
      endpoint,
      region: 'us-east-1',
      bucket,
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
      ...(prefix === undefined ? {} : { prefix }),
    }),
    env: (prefix) => ({
      HICARE_BLOB_STORE: 's3',
      HICARE_S3_ENDPOINT: endpoint,
      HICARE_S3_BUCKET: bucket,
      HICARE_S3_FORCE_PATH_STYLE: '1',
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      ...(prefix === undefined ? {} : { HICARE_S3_PREFIX: prefix }),
    }),
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
