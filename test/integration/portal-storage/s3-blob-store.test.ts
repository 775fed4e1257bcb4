/**
 * The S3 blob store against a real S3-compatible server (s3rver): whole and ranged reads, files big enough to go up
 * in parts, missing objects, a store that is not there, settings an operator gets wrong, and presigned URLs that
 * work until they expire. Every failure is a coded error in the portal's words, with no store text in it.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHicareError, type HicareError } from '../../../shared/errors.js';
import { attachmentKey, packageKey } from '../../../portal/storage/blob-store.js';
import { blobStoreFromEnv, packageDeliveryFromEnv } from '../../../portal/storage/config.js';
import { LocalBlobStore } from '../../../portal/storage/local-blob-store.js';
import { S3BlobStore } from '../../../portal/storage/s3-blob-store.js';
import { startS3, type TestS3 } from '../s3-store.js';

let s3: TestS3;
let store: S3BlobStore;
let dir: string;
const MiB = 1024 * 1024;

beforeAll(async () => {
  s3 = await startS3();
  store = new S3BlobStore(s3.settings('portal-a'));
  dir = await mkdtemp(join(tmpdir(), 'hicare-s3-files-'));
});

afterAll(async () => {
  store.destroy();
  await s3.close();
  await rm(dir, { recursive: true, force: true });
});

async function codedFailure(work: Promise<unknown>): Promise<HicareError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHicareError(error)) throw new Error(`expected a coded error, got ${String(error)}`);
  // Nothing from the SDK or the store's XML reaches the words a person reads.
  expect(`${error.message} ${error.remedy}`).not.toMatch(/Exception|ECONN|<\?xml|NoSuch|\$metadata|at .*\.js/);
  return error;
}

/** A loopback port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 1;
}

describe('S3BlobStore', () => {
  it('stores a file and bytes, and reads them back whole, by range and by length', async () => {
    const bytes = randomBytes(200_000);
    const source = join(dir, 'pkg.bin');
    await writeFile(source, bytes);
    const key = packageKey({
      name: 'hicare-server/2.1.0/linux-x64/hicare-server-2.1.0.tar.gz',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    await store.putFile(key, source);
    expect(await store.head(key)).toEqual({ length: bytes.length });
    expect((await store.getBytes(key)).equals(bytes)).toBe(true);
    expect(
      (await buffer(await store.openRead(key, { start: 1000, end: 1999 }))).equals(bytes.subarray(1000, 2000)),
    ).toBe(true);
    expect((await buffer(await store.openRead(key))).equals(bytes)).toBe(true);

    await store.putBytes(attachmentKey('att1'), Buffer.from('log line'));
    expect((await store.getBytes(attachmentKey('att1'))).toString()).toBe('log line');
  });

  it('stores an empty file', async () => {
    const source = join(dir, 'empty.bin');
    await writeFile(source, '');
    await store.putFile('tuf/targets/empty', source);
    expect(await store.head('tuf/targets/empty')).toEqual({ length: 0 });
    expect((await store.getBytes('tuf/targets/empty')).length).toBe(0);
  });

  it('uploads a file above the threshold in parts, byte-exact', async () => {
    const parted = new S3BlobStore({
      ...s3.settings('portal-a'),
      multipartThresholdBytes: 6 * MiB,
      partBytes: 5 * MiB,
    });
    try {
      const bytes = randomBytes(12 * MiB + 7);
      const source = join(dir, 'big.bin');
      await writeFile(source, bytes);
      await parted.putFile('tuf/targets/big', source);
      expect(await parted.head('tuf/targets/big')).toEqual({ length: bytes.length });
      const back = await parted.getBytes('tuf/targets/big');
      expect(createHash('sha256').update(back).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    } finally {
      parted.destroy();
    }
  });

  it('keeps portals with different prefixes apart in one bucket', async () => {
    const other = new S3BlobStore(s3.settings('portal-b'));
    try {
      await store.putBytes('attachments/shared-id', Buffer.from('a'));
      expect(await other.head('attachments/shared-id')).toBeUndefined();
    } finally {
      other.destroy();
    }
  });

  it('answers a missing object with NOT_FOUND (reads) or undefined (head), and deletes', async () => {
    await store.putBytes('attachments/gone', Buffer.from('x'));
    await store.delete('attachments/gone');
    expect(await store.head('attachments/gone')).toBeUndefined();
    expect((await codedFailure(store.getBytes('attachments/gone'))).code).toBe('NOT_FOUND');
    expect((await codedFailure(store.openRead('attachments/gone', { start: 0, end: 0 }))).code).toBe('NOT_FOUND');
    await store.delete('attachments/never-was');
  });

  it('reports a reachable bucket as ready, a missing bucket and an unreachable store as STORE_UNAVAILABLE', async () => {
    await store.check();
    const noBucket = new S3BlobStore({ ...s3.settings(), bucket: 'no-such-bucket' });
    const failure = await codedFailure(noBucket.check());
    noBucket.destroy();
    expect(failure.code).toBe('STORE_UNAVAILABLE');
    expect(failure.remedy).toMatch(/HICARE_S3_BUCKET/);

    const away = new S3BlobStore({
      ...s3.settings(),
      endpoint: `http://127.0.0.1:${await deadPort()}`,
      requestTimeoutMs: 2000,
    });
    try {
      for (const attempt of [
        () => away.check(),
        () => away.putBytes('attachments/x', Buffer.from('x')),
        () => away.getBytes('attachments/x'),
      ]) {
        const error = await codedFailure(attempt());
        expect(error.code).toBe('STORE_UNAVAILABLE');
        expect(error.remedy).toMatch(/HICARE_S3_ENDPOINT/);
      }
    } finally {
      away.destroy();
    }
  });

  it('refuses credentials the store does not know, in plain words', async () => {
    const stranger = new S3BlobStore({
      ...s3.settings(),
      credentials: { accessKeyId: 'NOBODY', secretAccessKey: 'nothing' },
    });
    try {
      const error = await codedFailure(stranger.putBytes('attachments/y', Buffer.from('y')));
      expect(error.code).toBe('STORE_UNAVAILABLE');
      expect(error.remedy).toMatch(/AWS_ACCESS_KEY_ID/);
    } finally {
      stranger.destroy();
    }
  });

  it('mints a presigned GET that fetches the object without credentials, and is refused once expired', async () => {
    const bytes = randomBytes(5000);
    await store.putBytes('tuf/targets/signed', bytes);
    const url = await store.presignGet('tuf/targets/signed', { expiresInSeconds: 300, downloadName: 'p.tar.gz' });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const ranged = await fetch(url, { headers: { range: 'bytes=10-19' } });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);

    // Signed an hour ago for five minutes: the store refuses it.
    const stale = new URL(url);
    const anHourAgo = new Date(Date.now() - 3600_000).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    stale.searchParams.set('X-Amz-Date', anHourAgo);
    expect((await fetch(stale)).status).toBe(403);
    // Another access key than the one it was signed with.
    const forged = new URL(url);
    forged.searchParams.set(
      'X-Amz-Credential',
      (forged.searchParams.get('X-Amz-Credential') ?? '').replace(/^[^/]+/, 'FORGED'),
    );
    expect((await fetch(forged)).status).toBe(403);
  });
});

describe('the SDK on this Node', () => {
  it('prints nothing of its own to the output of a process that uses the store', async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const script = [
      "const { S3BlobStore } = await import('./portal/storage/s3-blob-store.ts');",
      `const store = new S3BlobStore(${JSON.stringify(s3.settings())});`,
      'await store.check();',
      'store.destroy();',
      "console.log('ready');",
    ].join('\n');
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'];
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: root, env },
    );
    expect(stdout.trim()).toBe('ready');
    expect(stderr).toBe('');
  });
});

describe('blobStoreFromEnv', () => {
  it('is the data directory by default, and S3 when configured', () => {
    const local = blobStoreFromEnv({}, '/srv/hicare');
    expect(local).toBeInstanceOf(LocalBlobStore);
    expect(local.localPath(attachmentKey('a1'))).toBe('/srv/hicare/attachments/a1');
    const remote = blobStoreFromEnv(s3.env('prod'), '/srv/hicare') as S3BlobStore;
    expect(remote.kind).toBe('s3');
    expect(remote.localPath()).toBeUndefined();
    remote.destroy();
    expect(packageDeliveryFromEnv({})).toBe('stream');
    expect(packageDeliveryFromEnv({ HICARE_PACKAGE_DELIVERY: 'redirect' })).toBe('redirect');
  });

  const bad: [string, Record<string, string>, string][] = [
    ['an unknown store', { HICARE_BLOB_STORE: 'ftp' }, 'HICARE_BLOB_STORE'],
    ['no bucket', { HICARE_BLOB_STORE: 's3' }, 'HICARE_S3_BUCKET'],
    ['a bucket name S3 refuses', { HICARE_BLOB_STORE: 's3', HICARE_S3_BUCKET: 'My_Bucket' }, 'HICARE_S3_BUCKET'],
    [
      'an endpoint that is no address',
      { HICARE_BLOB_STORE: 's3', HICARE_S3_BUCKET: 'b1b', HICARE_S3_ENDPOINT: 'localhost:9000' },
      'HICARE_S3_ENDPOINT',
    ],
    [
      'credentials in the endpoint',
      { HICARE_BLOB_STORE: 's3', HICARE_S3_BUCKET: 'b1b', HICARE_S3_ENDPOINT: 'http://k:s@h:9000' },
      'HICARE_S3_ENDPOINT',
    ],
    [
      'a prefix that climbs',
      { HICARE_BLOB_STORE: 's3', HICARE_S3_BUCKET: 'b1b', HICARE_S3_PREFIX: 'a/../b' },
      'HICARE_S3_PREFIX',
    ],
    [
      'path style neither 1 nor 0',
      { HICARE_BLOB_STORE: 's3', HICARE_S3_BUCKET: 'b1b', HICARE_S3_FORCE_PATH_STYLE: 'yes' },
      'HICARE_S3_FORCE_PATH_STYLE',
    ],
    [
      'a bad region',
      { HICARE_BLOB_STORE: 's3', HICARE_S3_BUCKET: 'b1b', HICARE_S3_REGION: 'US East' },
      'HICARE_S3_REGION',
    ],
    [
      'a key id without its secret',
      { HICARE_BLOB_STORE: 's3', HICARE_S3_BUCKET: 'b1b', AWS_ACCESS_KEY_ID: 'k' },
      'AWS_SECRET_ACCESS_KEY',
    ],
    ['an unknown delivery', { HICARE_PACKAGE_DELIVERY: 'teleport' }, 'HICARE_PACKAGE_DELIVERY'],
  ];
  it.each(bad)('refuses %s, naming the variable', (_what, env, variable) => {
    let caught: unknown;
    try {
      blobStoreFromEnv(env, '/srv/hicare');
      packageDeliveryFromEnv(env);
    } catch (error) {
      caught = error;
    }
    expect(isHicareError(caught)).toBe(true);
    const error = caught as HicareError;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(variable);
    expect(error.remedy.length).toBeGreaterThan(10);
  });
});
