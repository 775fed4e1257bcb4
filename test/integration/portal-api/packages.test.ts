/**
 * Package delivery over HTTP: the bytes go out only when the entitlement verdict allows the release for one of the
 * caller's systems, they are exactly the signed target, resuming works (Range, If-Range), every download is in the
 * audit, and no request — refused, malformed or hostile — ever gets a byte of anything else.
 */
import { beforeAll, expect, it } from 'vitest';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import type { SystemEntitlement } from '../../../shared/contracts/entitlement.js';
import { packagePath } from '../../../shared/contracts/portal-api.js';
import { listDownloads } from '../../../portal/db/downloads.js';
import { addCustomer, signInWith } from './extra-customers.js';
import { CG_IT, coded, describePortal, ENGINEER, NW_ADMIN, NW_IT, type Reply } from './harness.js';
import { auditSince, catalogTarget, expectRefusedWithoutBytes, sha256 } from './package-checks.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const ATLAS_200 = 'atlas/2.0.0/linux-x64/atlas-2.0.0-linux-x64.tar.gz';
const COBALT_421 = 'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz';

describePortal('package delivery', (t) => {
  let it1 = '';
  let target190: ReleaseTarget;
  const url = (name: string, query = ''): string => packagePath(name) + query;

  beforeAll(async () => {
    it1 = await t.signIn(NW_IT);
    target190 = await catalogTarget(t, it1, ATLAS_190);
  });

  it('hands an entitled customer the exact signed bytes and records who took what for which system', async () => {
    const before = await listDownloads(t.portal.db);
    const reply = await t.request('GET', url(ATLAS_190, '?serialNumber=NW-ATL-0001'), { token: it1 });
    expect(reply.status).toBe(200);
    expect(reply.bytes.length).toBe(target190.length);
    expect(sha256(reply.bytes)).toBe(target190.sha256);
    expect(reply.headers.get('content-length')).toBe(String(target190.length));
    expect(reply.headers.get('accept-ranges')).toBe('bytes');
    expect(reply.headers.get('etag')).toBeTruthy();

    const [row, ...more] = await auditSince(t, before, 1);
    expect(more).toEqual([]);
    const account = (await t.request<{ id: string }>('GET', '/api/v1/me', { token: it1 })).body.id;
    expect(row).toMatchObject({
      accountId: account,
      serialNumber: 'NW-ATL-0001',
      product: 'atlas',
      version: '1.9.0',
      targetName: ATLAS_190,
      bytes: target190.length,
    });
  });

  it('picks the caller’s own system of that product when no serial number is given', async () => {
    const before = await listDownloads(t.portal.db);
    const reply = await t.request('GET', url(ATLAS_190), { token: it1 });
    expect(reply.status).toBe(200);
    expect((await auditSince(t, before, 1)).map((d) => d.serialNumber)).toEqual(['NW-ATL-0001']);
  });

  it('answers HEAD with the length and no body, and does not count it as a download', async () => {
    const before = await listDownloads(t.portal.db);
    const head = await t.request('HEAD', url(ATLAS_190, '?serialNumber=NW-ATL-0001'), { token: it1 });
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
    expect(head.headers.get('content-length')).toBe(String(target190.length));
    // A real download afterwards is the marker: once its row is there, a row for the HEAD would be too.
    await t.request('GET', url(ATLAS_190, '?serialNumber=NW-ATL-0001'), {
      token: it1,
      headers: { range: 'bytes=0-9' },
    });
    const added = await auditSince(t, before, 1);
    expect(added.map((d) => d.bytes)).toEqual([10]);
  });

  it('resumes with Range (206) and audits only the bytes sent', async () => {
    const first = await listDownloads(t.portal.db);
    const full = (await t.request('GET', url(ATLAS_190), { token: it1 })).bytes;
    await auditSince(t, first, 1);
    const before = await listDownloads(t.portal.db);
    const from = 1000;
    const reply = await t.request('GET', url(ATLAS_190, '?serialNumber=NW-ATL-0001'), {
      token: it1,
      headers: { range: `bytes=${from}-` },
    });
    expect(reply.status).toBe(206);
    expect(reply.headers.get('content-range')).toBe(`bytes ${from}-${target190.length - 1}/${target190.length}`);
    expect(reply.bytes.equals(full.subarray(from))).toBe(true);
    const middle = await t.request('GET', url(ATLAS_190, '?serialNumber=NW-ATL-0001'), {
      token: it1,
      headers: { range: 'bytes=100-199' },
    });
    expect(middle.status).toBe(206);
    expect(middle.bytes.equals(full.subarray(100, 200))).toBe(true);
    const suffix = await t.request('GET', url(ATLAS_190), { token: it1, headers: { range: 'bytes=-300' } });
    expect(suffix.status).toBe(206);
    expect(suffix.bytes.equals(full.subarray(full.length - 300))).toBe(true);
    // Several ranges at once are answered with the whole package, which the RFC allows.
    const several = await t.request('GET', url(ATLAS_190), { token: it1, headers: { range: 'bytes=0-9,20-29' } });
    expect(several.status).toBe(200);
    expect(several.bytes.equals(full)).toBe(true);
    const sent = (await auditSince(t, before, 4)).map((d) => d.bytes).sort((a, b) => a - b);
    expect(sent).toEqual([100, 300, target190.length - from, target190.length].sort((a, b) => a - b));
  });

  it('refuses a range past the end with 416, the length in Content-Range, and no audit row', async () => {
    const before = await listDownloads(t.portal.db);
    const reply = await t.request('GET', url(ATLAS_190), {
      token: it1,
      headers: { range: `bytes=${target190.length}-` },
    });
    expect(expectRefusedWithoutBytes(reply, 416)).toBe('RANGE_NOT_SATISFIABLE');
    expect(reply.headers.get('content-range')).toBe(`bytes */${target190.length}`);
    expect(await auditSince(t, before, 0)).toEqual([]);
  });

  it('sends the whole package when If-Range names another version of it, and the range when it matches', async () => {
    const before = await listDownloads(t.portal.db);
    const etag = (await t.request('HEAD', url(ATLAS_190), { token: it1 })).headers.get('etag') ?? '';
    expect(etag).toBe(`"sha256-${target190.sha256}"`);
    const stale = await t.request('GET', url(ATLAS_190), {
      token: it1,
      headers: { range: 'bytes=500-', 'if-range': '"0000000000000000"' },
    });
    expect(stale.status).toBe(200);
    expect(sha256(stale.bytes)).toBe(target190.sha256);
    const fresh = await t.request('GET', url(ATLAS_190), {
      token: it1,
      headers: { range: 'bytes=500-', 'if-range': etag },
    });
    expect(fresh.status).toBe(206);
    expect(fresh.bytes.length).toBe(target190.length - 500);
    // A client that already holds this exact package is told so without the bytes, and that is no download.
    const cached = await t.request('GET', url(ATLAS_190), { token: it1, headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    expect(cached.bytes.length).toBe(0);
    expect((await auditSince(t, before, 2)).map((d) => d.bytes).sort((a, b) => a - b)).toEqual([
      target190.length - 500,
      target190.length,
    ]);
  });

  it('refuses a Support customer a major upgrade with the verdict’s reason and remedy, and records nothing', async () => {
    const before = await listDownloads(t.portal.db);
    const reply = await t.request('GET', url(ATLAS_200, '?serialNumber=NW-ATL-0001'), {
      token: await t.signIn(NW_ADMIN),
    });
    const body = coded(reply);
    expect(expectRefusedWithoutBytes(reply, 403)).toBe('UPGRADE_REQUIRES_UPGRADE_SUPPORT');
    expect(body.remedy).toMatch(/Upgrade Support/);
    const reasons = body.details?.['reasons'] as { code: string; remedy: string }[];
    expect(reasons.map((r) => r.code)).toEqual(['UPGRADE_REQUIRES_UPGRADE_SUPPORT']);
    expect(reasons.every((r) => r.remedy.length > 0)).toBe(true);
    // HEAD is refused the same way: a client cannot learn the size of what it may not have.
    expect((await t.request('HEAD', url(ATLAS_200), { token: it1 })).status).toBe(403);
    expect(await auditSince(t, before, 0)).toEqual([]);
    // The Upgrade Support customer next door may have it.
    expect(
      (await t.request('GET', url(ATLAS_200, '?serialNumber=CG-ATL-0001'), { token: await t.signIn(CG_IT) })).status,
    ).toBe(200);
    expect((await auditSince(t, before, 1)).map((d) => d.serialNumber)).toEqual(['CG-ATL-0001']);
  });

  it('refuses the build for another platform than the one recorded for the system', async () => {
    const windows = 'atlas/1.9.0/win-x64/atlas-1.9.0-win-x64.tar.gz';
    const reply = await t.request('GET', url(windows, '?serialNumber=NW-ATL-0001'), { token: it1 });
    expect(expectRefusedWithoutBytes(reply, 403)).toBe('NOT_FOR_PLATFORM');
    expect(coded(reply).remedy).toMatch(/linux-x64/);
  });

  it('judges by the contract’s licensed major, so reporting a newer installed version unlocks nothing', async () => {
    const atlas231 = 'atlas/2.3.1/linux-x64/atlas-2.3.1-linux-x64.tar.gz';
    const reply = await t.request('GET', url(atlas231, '?serialNumber=NW-ATL-0001&installedVersion=2.0.0'), {
      token: it1,
    });
    expect(expectRefusedWithoutBytes(reply, 403)).toBe('UPGRADE_REQUIRES_UPGRADE_SUPPORT');
  });

  it('hands out a prerelease only to a customer who opted into previews', async () => {
    const rc = 'atlas/3.0.0-rc.1/linux-x64/atlas-3.0.0-rc.1-linux-x64.tar.gz';
    const token = await t.signIn(CG_IT);
    // Contoso's atlas runs 1.4.2; the preview needs 2.3.0 or later, which the client reports after upgrading.
    const hidden = await t.request('GET', url(rc, '?serialNumber=CG-ATL-0001&installedVersion=2.3.1'), { token });
    expect(expectRefusedWithoutBytes(hidden, 403)).toBe('PRERELEASE');
    const before = await listDownloads(t.portal.db);
    const opted = await t.request('GET', url(rc, '?serialNumber=CG-ATL-0001&installedVersion=2.3.1&previews=1'), {
      token,
    });
    expect(opted.status).toBe(200);
    expect((await auditSince(t, before, 1)).map((d) => d.version)).toEqual(['3.0.0-rc.1']);
    // Under Support a preview of the next major stays locked, previews or not.
    const support = await t.request('GET', url(rc, '?serialNumber=NW-ATL-0001&previews=1'), { token: it1 });
    expect(expectRefusedWithoutBytes(support, 403)).toBe('UPGRADE_REQUIRES_UPGRADE_SUPPORT');
  });

  it.each<[string, (token: string) => Promise<Reply>, number, string]>([
    ['no token', () => t.request('GET', url(ATLAS_190)), 401, 'UNAUTHENTICATED'],
    [
      'an engineer',
      async () => t.request('GET', url(ATLAS_190), { token: await t.signIn(ENGINEER) }),
      403,
      'FORBIDDEN',
    ],
    [
      'another customer’s serial number',
      (token) => t.request('GET', url(ATLAS_190, '?serialNumber=CG-ATL-0001'), { token }),
      404,
      'NOT_FOUND',
    ],
    [
      'a serial number of another product',
      (token) => t.request('GET', url(ATLAS_190, '?serialNumber=NW-COB-0001'), { token }),
      400,
      'INVALID_INPUT',
    ],
    [
      'an unknown target',
      (token) => t.request('GET', url('atlas/9.9.9/linux-x64/atlas-9.9.9-linux-x64.tar.gz'), { token }),
      404,
      'NOT_FOUND',
    ],
    [
      'an unknown query field',
      (token) => t.request('GET', url(ATLAS_190, '?serialNumber=NW-ATL-0001&admin=1'), { token }),
      400,
      'INVALID_INPUT',
    ],
    [
      'an installed version that is no version',
      (token) => t.request('GET', url(ATLAS_190, '?installedVersion=latest'), { token }),
      400,
      'INVALID_VERSION',
    ],
  ])('refuses %s with a coded error and no bytes', async (_, send, status, code) => {
    expect(expectRefusedWithoutBytes(await send(it1), status)).toBe(code);
  });

  it.each([
    '/api/v1/packages/../../portal.sqlite',
    '/api/v1/packages/%2e%2e/%2e%2e/portal.sqlite',
    '/api/v1/packages/atlas/..%2f..%2fportal.sqlite',
    '/api/v1/packages/..\\..\\portal.sqlite',
    '/api/v1/packages/atlas\\..\\..\\portal.sqlite',
    '/api/v1/packages/..%5c..%5cportal.sqlite',
    '/api/v1/packages//etc/passwd',
    '/api/v1/packages/%2Fetc%2Fpasswd',
    '/api/v1/packages/C:%5CWindows%5Cwin.ini',
    '/api/v1/packages/tuf/../keys/online/targets.pem',
    '/api/v1/packages/tuf/..%2fkeys%2fonline%2ftargets.pem',
    '/api/v1/packages/atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz%00.pem',
    '/api/v1/packages/./atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz',
  ])('never serves a file outside the catalog: %s', async (path) => {
    for (const method of ['GET', 'HEAD']) {
      const reply = await t.raw(method, path, { token: it1 });
      if (method === 'HEAD') {
        expect(reply.status).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
      } else {
        expect(['INVALID_TARGET_NAME', 'NOT_FOUND']).toContain(expectRefusedWithoutBytes(reply));
      }
    }
  });

  it('never serves the data directory’s files by their absolute path, nor a stored package under another hash', async () => {
    const paths = [
      `/api/v1/packages/${t.portal.layout.dataDirectory}/portal.sqlite`,
      `/api/v1/packages/${t.portal.layout.keysDir}/online/targets.pem`,
      packagePath(`atlas/1.9.0/linux-x64/${'0'.repeat(64)}.atlas-1.9.0-linux-x64.tar.gz`),
    ];
    for (const path of paths)
      expect(['INVALID_TARGET_NAME', 'NOT_FOUND']).toContain(
        expectRefusedWithoutBytes(await t.raw('GET', path, { token: it1 })),
      );
    // Under its signed hash, the consistent-snapshot path TUF clients request names the same package.
    const hashed = await t.raw(
      'GET',
      packagePath(`atlas/1.9.0/linux-x64/${target190.sha256}.atlas-1.9.0-linux-x64.tar.gz`),
      { token: it1 },
    );
    expect(hashed.status).toBe(200);
    expect(sha256(hashed.bytes)).toBe(target190.sha256);
  });

  it('refuses everything under a contract that has not started, in the download and in the verdicts', async () => {
    const pending = await addCustomer(t, {
      id: 'fabrikam',
      name: 'Fabrikam Water',
      tier: 'upgrade-support',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      licensedMajors: { atlas: 1 },
      systems: [{ serialNumber: 'FB-ATL-0001', product: 'atlas', installedVersion: '1.4.2' }],
    });
    const token = await signInWith(t, pending.email, pending.password);
    const reply = await t.request('GET', url(ATLAS_190, '?serialNumber=FB-ATL-0001'), { token });
    expect(expectRefusedWithoutBytes(reply, 403)).toBe('CONTRACT_PENDING');
    expect(coded(reply).remedy).toContain('1 Jan 2027');

    const entitlement = await t.request<SystemEntitlement>('GET', '/api/v1/systems/FB-ATL-0001/entitlement', { token });
    expect(entitlement.status).toBe(200);
    expect(entitlement.body.releases.length).toBeGreaterThan(0);
    for (const { target, verdict } of entitlement.body.releases) {
      expect(verdict.allowed, target.name).toBe(false);
      expect(verdict.reasons.map((r) => r.code)).toContain('CONTRACT_PENDING');
    }
  });

  it('keeps what an ended contract earned and refuses what was published after its end', async () => {
    const ended = await addCustomer(t, {
      id: 'tailspin',
      name: 'Tailspin Power',
      tier: 'support',
      startDate: '2025-06-01',
      endDate: '2026-05-31',
      licensedMajors: { atlas: 1, cobalt: 4 },
      systems: [
        { serialNumber: 'TS-ATL-0001', product: 'atlas', installedVersion: '1.4.2' },
        { serialNumber: 'TS-COB-0001', product: 'cobalt', installedVersion: '4.1.0' },
      ],
    });
    const token = await signInWith(t, ended.email, ended.password);
    const before = await listDownloads(t.portal.db);
    // atlas 1.9.0 was published in April 2025, inside the contract's service period.
    const earned = await t.request('GET', url(ATLAS_190, '?serialNumber=TS-ATL-0001'), { token });
    expect(earned.status).toBe(200);
    expect(sha256(earned.bytes)).toBe(target190.sha256);
    expect((await auditSince(t, before, 1)).map((d) => d.serialNumber)).toEqual(['TS-ATL-0001']);

    // cobalt 4.2.1 came out in October 2026, after the end on 2026-05-31.
    const late = await t.request('GET', url(COBALT_421, '?serialNumber=TS-COB-0001'), { token });
    expect(expectRefusedWithoutBytes(late, 403)).toBe('RELEASED_AFTER_CONTRACT_END');
    expect(coded(late).remedy).toMatch(/renew/i);

    const cobalt = await t.request<SystemEntitlement>('GET', '/api/v1/systems/TS-COB-0001/entitlement', { token });
    const byVersion = new Map(cobalt.body.releases.map((r) => [r.target.custom.version, r.verdict]));
    expect(byVersion.get('4.2.0')).toMatchObject({ allowed: true, kind: 'update' });
    expect(byVersion.get('4.2.1')?.reasons.map((r) => r.code)).toEqual(['RELEASED_AFTER_CONTRACT_END']);

    const atlas = await t.request<SystemEntitlement>('GET', '/api/v1/systems/TS-ATL-0001/entitlement?previews=1', {
      token,
    });
    const atlasVerdicts = new Map(atlas.body.releases.map((r) => [r.target.custom.version, r.verdict]));
    expect(atlasVerdicts.get('1.9.0')).toMatchObject({ allowed: true });
    expect(atlasVerdicts.get('3.0.0-rc.1')?.reasons.map((r) => r.code)).toContain('RELEASED_AFTER_CONTRACT_END');
  });
});
