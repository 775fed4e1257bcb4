/**
 * Packages and attachments through the blob store, on a real portal: from an S3-compatible store (s3rver) streamed
 * through the portal, or handed out as a presigned redirect, and from the local store. Whole downloads, resumes,
 * HEAD, the consistent-snapshot path TUF clients use, a Support customer refused an upgrade (no bytes, no URL), and
 * an attachment that lives only in the bucket.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import type { Attachment } from '../../../shared/contracts/requests.js';
import { packagePath } from '../../../shared/contracts/portal-api.js';
import { listDownloads } from '../../../portal/db/downloads.js';
import { attachmentKey } from '../../../portal/storage/blob-store.js';
import { S3BlobStore } from '../../../portal/storage/s3-blob-store.js';
import { hashedTargetPath } from '../../../portal/tuf/target-name.js';
import { coded, ENGINEER, NW_ADMIN, NW_IT } from '../portal-api/harness.js';
import { auditSince, catalogTarget, expectRefusedWithoutBytes, sha256 } from '../portal-api/package-checks.js';
import { act, expectOk, openRequest, Sessions } from '../portal-requests/support.js';
import { startS3, type TestS3 } from '../s3-store.js';
import { startStorePortal, type StorePortal } from './store-portal.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const ATLAS_200 = 'atlas/2.0.0/linux-x64/atlas-2.0.0-linux-x64.tar.gz';

let s3: TestS3;
const stores: S3BlobStore[] = [];

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  for (const store of stores) store.destroy();
  await s3.close();
});

function s3Store(prefix: string): S3BlobStore {
  const store = new S3BlobStore(s3.settings(prefix));
  stores.push(store);
  return store;
}

describe.each([
  ['s3, streamed', 'stream' as const],
  ['local', undefined],
])('packages from the %s store', (_title, delivery) => {
  let t: StorePortal;
  let it1 = '';
  let target: ReleaseTarget;

  beforeAll(async () => {
    t = await startStorePortal(delivery === undefined ? undefined : s3Store(`stream-${Date.now()}`), delivery);
    it1 = await t.signIn(NW_IT);
    target = await catalogTarget(t, it1, ATLAS_190);
  }, 60_000);
  afterAll(async () => t.close());

  it('sends the exact signed bytes, audits them, and resumes with Range and If-Range', async () => {
    if (delivery !== undefined) expect(existsSync(join(t.portal.layout.repoDir, 'targets'))).toBe(false);
    const before = await listDownloads(t.portal.db);
    const whole = await t.request('GET', packagePath(ATLAS_190), { token: it1 });
    expect(whole.status).toBe(200);
    expect(sha256(whole.bytes)).toBe(target.sha256);
    expect(whole.headers.get('etag')).toBe(`"sha256-${target.sha256}"`);
    expect((await auditSince(t, before, 1)).map((d) => d.bytes)).toEqual([target.length]);

    const resumed = await t.request('GET', packagePath(ATLAS_190), {
      token: it1,
      headers: { range: 'bytes=1000-', 'if-range': whole.headers.get('etag') ?? '' },
    });
    expect(resumed.status).toBe(206);
    expect(resumed.headers.get('content-range')).toBe(`bytes 1000-${target.length - 1}/${target.length}`);
    expect(resumed.bytes.equals(whole.bytes.subarray(1000))).toBe(true);

    const head = await t.request('HEAD', packagePath(ATLAS_190), { token: it1 });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(target.length));
    expect(head.bytes.length).toBe(0);
  });

  it('serves the consistent-snapshot path with the same bytes and verdict; a wrong hash names nothing', async () => {
    const hashed = hashedTargetPath(ATLAS_190, target.sha256);
    const reply = await t.request('GET', packagePath(hashed), { token: it1 });
    expect(reply.status).toBe(200);
    expect(sha256(reply.bytes)).toBe(target.sha256);

    const wrong = await t.request('GET', packagePath(hashedTargetPath(ATLAS_190, 'a'.repeat(64))), { token: it1 });
    expect(wrong.status).toBe(404);
    expect(coded(wrong).code).toBe('NOT_FOUND');
    expect(wrong.bytes.toString()).not.toContain(target.sha256);

    const upgrade = await catalogTarget(t, it1, ATLAS_200);
    const refused = await t.request('GET', packagePath(hashedTargetPath(ATLAS_200, upgrade.sha256)), {
      token: await t.signIn(NW_ADMIN),
    });
    expect(expectRefusedWithoutBytes(refused, 403)).toBe('UPGRADE_REQUIRES_UPGRADE_SUPPORT');
  });

  it('refuses a Support customer an upgrade without a byte', async () => {
    const before = await listDownloads(t.portal.db);
    const refused = await t.request('GET', packagePath(ATLAS_200) + '?serialNumber=NW-ATL-0001', {
      token: await t.signIn(NW_ADMIN),
    });
    expect(expectRefusedWithoutBytes(refused, 403)).toBe('UPGRADE_REQUIRES_UPGRADE_SUPPORT');
    expect(await auditSince(t, before, 0)).toEqual([]);
  });
});

describe('packages from the s3 store by presigned redirect', () => {
  let t: StorePortal;
  let it1 = '';

  beforeAll(async () => {
    t = await startStorePortal(s3Store(`redirect-${Date.now()}`), 'redirect');
    it1 = await t.signIn(NW_IT);
  }, 60_000);
  afterAll(async () => t.close());

  it('sends an entitled customer to a short-lived URL for that one package, which works without credentials', async () => {
    const target = await catalogTarget(t, it1, ATLAS_190);
    const before = await listDownloads(t.portal.db);
    const reply = await t.request('GET', packagePath(ATLAS_190), { token: it1 });
    expect(reply.status).toBe(302);
    expect(reply.headers.get('cache-control')).toContain('no-store');
    const location = new URL(reply.headers.get('location') ?? '');
    expect(location.origin).toBe(s3.endpoint);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(location.pathname).toContain(hashedTargetPath(ATLAS_190, target.sha256));
    expect((await auditSince(t, before, 1)).map((d) => d.bytes)).toEqual([target.length]);

    const direct = await fetch(location);
    expect(direct.status).toBe(200);
    expect(sha256(Buffer.from(await direct.arrayBuffer()))).toBe(target.sha256);
    const resumed = await fetch(location, { headers: { range: 'bytes=500-' } });
    expect(resumed.status).toBe(206);
    await resumed.arrayBuffer();

    // The same URL signed an hour earlier is refused by the store, and so is one with another access key.
    const expired = new URL(location);
    expired.searchParams.set(
      'X-Amz-Date',
      new Date(Date.now() - 3600_000).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, ''),
    );
    expect((await fetch(expired)).status).toBe(403);
    const forged = new URL(location);
    forged.searchParams.set(
      'X-Amz-Credential',
      (forged.searchParams.get('X-Amz-Credential') ?? '').replace(/^[^/]+/, 'FORGED'),
    );
    expect((await fetch(forged)).status).toBe(403);
  });

  it('mints no URL for a Support customer asking for an upgrade, on either path', async () => {
    const admin = await t.signIn(NW_ADMIN);
    const upgrade = await catalogTarget(t, it1, ATLAS_200);
    for (const name of [ATLAS_200, hashedTargetPath(ATLAS_200, upgrade.sha256)]) {
      for (const method of ['GET', 'HEAD']) {
        const refused = await t.request(method, packagePath(name), { token: admin });
        expect(refused.status).toBe(403);
        expect(refused.headers.get('location')).toBeNull();
        expect(refused.bytes.toString()).not.toMatch(/X-Amz|127\.0\.0\.1/);
      }
    }
  });
});

describe('attachments in the s3 store', () => {
  let t: StorePortal;
  let store: S3BlobStore;

  beforeAll(async () => {
    store = s3Store(`attachments-${Date.now()}`);
    t = await startStorePortal(store);
  }, 60_000);
  afterAll(async () => t.close());

  it('keeps an uploaded file only in the bucket and serves it back byte for byte', async () => {
    const s = new Sessions(t);
    const request = await expectOk(
      act(t, await s.token(ENGINEER), (await openRequest(t, await s.token(NW_ADMIN))).id, 'accept'),
    );
    const log = Buffer.from('2026-11-24 09:58:01 installer: exit code 3\n');
    const uploaded = await expectOk(
      t.request<Attachment>('POST', `/api/v1/requests/${request.id}/attachments`, {
        token: await s.token(NW_ADMIN),
        body: { fileName: 'install.log', contentType: 'text/plain', dataBase64: log.toString('base64') },
      }),
    );
    expect(existsSync(join(t.dir, 'attachments', uploaded.id))).toBe(false);
    expect((await store.getBytes(attachmentKey(uploaded.id))).equals(log)).toBe(true);
    const download = await t.request('GET', `/api/v1/attachments/${uploaded.id}`, { token: await s.token(ENGINEER) });
    expect(download.status).toBe(200);
    expect(download.bytes.equals(log)).toBe(true);
  });
});
