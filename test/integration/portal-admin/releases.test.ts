/**
 * Releases in the back office: only the portal administrator lists, withdraws and restores releases and sets line
 * dates; a withdrawn release is no longer offered (verdict RELEASE_WITHDRAWN), its bytes are refused to a customer
 * who had not downloaded it, and a system that had downloaded it gets a notice; every refusal changes nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import type {
  LineSetResult,
  LineView,
  ReleaseDetail,
  ReleaseSummary,
} from '../../../shared/contracts/admin/releases.js';
import type { KnownWithdrawal, SystemEntitlement } from '../../../shared/contracts/entitlement.js';
import { packagePath } from '../../../shared/contracts/portal-api.js';
import { listDownloads } from '../../../portal/db/downloads.js';
import { claimNextPublishJob, finishPublishJob } from '../../../portal/db/publish-jobs.js';
import { runPublishJob } from '../../../portal/signer/jobs.js';
import type { BlobStore } from '../../../portal/storage/blob-store.js';
import {
  CG_IT,
  coded,
  describePortal,
  ENGINEER,
  NW_ADMIN,
  NW_IT,
  PORTAL_ADMIN,
  type Reply,
  type TestPortal,
} from '../portal-api/harness.js';
import { auditSince, expectRefusedWithoutBytes } from '../portal-api/package-checks.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const WITHDRAWAL = '/api/v1/admin/releases/atlas/1.9.0/withdrawal';

async function auditCount(t: TestPortal): Promise<number> {
  const [row] = await t.portal.db
    .selectFrom('admin_audit')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .execute();
  return Number(row?.n ?? 0);
}

async function withdrawals(t: TestPortal): Promise<unknown[]> {
  return t.portal.db.selectFrom('release_withdrawals').selectAll().execute();
}

function expectPlainCoded(reply: Reply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  const body = coded(reply);
  expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.remedy.length).toBeGreaterThan(0);
  expect(body.message + body.remedy).not.toMatch(/portal-admin|customer-admin|ZodError|undefined|\{\w+\}/);
}

function entry(e: SystemEntitlement, version: string): SystemEntitlement['releases'][number] {
  const found = e.releases.find((r) => r.target.custom.version === version);
  if (found === undefined) throw new Error(`no ${version} in the entitlement answer`);
  return found;
}

describePortal('releases in the back office', (t) => {
  let admin = '';
  beforeAll(async () => {
    admin = await t.signIn(PORTAL_ADMIN);
  });

  it('refuses customers and engineers on every release route, and changes nothing', async () => {
    const before = await auditCount(t);
    for (const email of [NW_ADMIN, ENGINEER]) {
      const token = await t.signIn(email);
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/v1/admin/releases'],
        ['GET', '/api/v1/admin/releases/atlas/1.9.0'],
        ['POST', WITHDRAWAL, { reason: 'Broken' }],
        ['DELETE', WITHDRAWAL],
        ['GET', '/api/v1/admin/lines'],
        ['PUT', '/api/v1/admin/lines/atlas/1', { ga: '2025-01-01' }],
      ];
      for (const [method, path, body] of calls) {
        const reply = await t.request(method, path, { token, ...(body === undefined ? {} : { body }) });
        expectPlainCoded(reply, 403, 'FORBIDDEN');
      }
    }
    expect(await withdrawals(t)).toEqual([]);
    expect(await auditCount(t)).toBe(before);
  });

  it('lists releases across products, searchable and paged, and shows one with its builds', async () => {
    const all = await t.request<Page<ReleaseSummary>>('GET', '/api/v1/admin/releases?limit=200', { token: admin });
    expect(all.status).toBe(200);
    expect(new Set(all.body.items.map((r) => r.product))).toEqual(new Set(['atlas', 'beacon', 'cobalt']));
    const page = await t.request<Page<ReleaseSummary>>('GET', '/api/v1/admin/releases?limit=2&offset=1', {
      token: admin,
    });
    expect(page.body.items).toEqual(all.body.items.slice(1, 3));
    expect(page.body.total).toBe(all.body.total);

    const found = await t.request<Page<ReleaseSummary>>('GET', '/api/v1/admin/releases?q=ATLAS%201.9', {
      token: admin,
    });
    expect(found.body.items.map((r) => `${r.product} ${r.version}`)).toEqual(['atlas 1.9.0']);
    expect(found.body.items[0]).toMatchObject({ major: 1, step: 'minor', prerelease: false, withdrawn: null });
    expect(found.body.items[0]!.size).toBeGreaterThan(0);

    const cobalt = await t.request<Page<ReleaseSummary>>('GET', '/api/v1/admin/releases?product=cobalt', {
      token: admin,
    });
    expect(cobalt.body.items.length).toBeGreaterThan(0);
    expect(cobalt.body.items.every((r) => r.product === 'cobalt')).toBe(true);

    const one = await t.request<ReleaseDetail>('GET', '/api/v1/admin/releases/atlas/1.9.0', { token: admin });
    expect(one.status).toBe(200);
    expect(one.body.targets.map((x) => x.name)).toContain(ATLAS_190);
  });

  it('refuses to withdraw an unknown release or one without a reason, and changes nothing', async () => {
    const before = await auditCount(t);
    const unknown = await t.request('POST', '/api/v1/admin/releases/atlas/9.9.9/withdrawal', {
      token: admin,
      body: { reason: 'Broken' },
    });
    expectPlainCoded(unknown, 404, 'NOT_FOUND');
    expect(coded(unknown).message).toContain('9.9.9');
    const blank = await t.request('POST', WITHDRAWAL, { token: admin, body: { reason: '   ' } });
    expectPlainCoded(blank, 400, 'INVALID_INPUT');
    const notWithdrawn = await t.request('DELETE', WITHDRAWAL, { token: admin });
    expectPlainCoded(notWithdrawn, 404, 'NOT_FOUND');
    expect(await withdrawals(t)).toEqual([]);
    expect(await auditCount(t)).toBe(before);
  });

  it('stops offering a withdrawn release, refuses its bytes to a customer who never had them, warns one who did', async () => {
    // Northwind downloads 1.9.0 for its Atlas before the withdrawal; Contoso never does.
    const nwIt = await t.signIn(NW_IT);
    const cgIt = await t.signIn(CG_IT);
    const before = await listDownloads(t.portal.db);
    const first = await t.request('GET', `${packagePath(ATLAS_190)}?serialNumber=NW-ATL-0001`, { token: nwIt });
    expect(first.status).toBe(200);
    await auditSince(t, before, 1);
    const contosoBefore = await t.request<SystemEntitlement>('GET', '/api/v1/systems/CG-ATL-0001/entitlement', {
      token: cgIt,
    });
    expect(entry(contosoBefore.body, '1.9.0').verdict.allowed).toBe(true);

    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const withdrawn = await t.request<ReleaseDetail>('POST', WITHDRAWAL, {
      token: admin,
      body: { reason: 'Corrupts the alarm archive on upgrade.' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawn).toMatchObject({
      reason: 'Corrupts the alarm archive on upgrade.',
      by: PORTAL_ADMIN,
      at: t.clock.now.toISOString(),
    });
    expect(withdrawn.body.downloadsByCustomer).toEqual([
      expect.objectContaining({ customerName: 'Northwind Utilities', downloads: 1, systems: 1 }),
    ]);

    // Twice: refused, the first withdrawal stays as it was, nothing more is audited.
    const audits = await auditCount(t);
    const again = await t.request('POST', WITHDRAWAL, { token: admin, body: { reason: 'Other reason' } });
    expectPlainCoded(again, 409, 'ALREADY_EXISTS');
    expect(await withdrawals(t)).toEqual([
      expect.objectContaining({ reason: 'Corrupts the alarm archive on upgrade.' }),
    ]);
    expect(await auditCount(t)).toBe(audits);

    // Contoso: not offered, no notice, bytes refused with the coded reason and no download recorded.
    const contoso = await t.request<SystemEntitlement>('GET', '/api/v1/systems/CG-ATL-0001/entitlement', {
      token: cgIt,
    });
    const cg = entry(contoso.body, '1.9.0');
    expect(cg.verdict.allowed).toBe(false);
    expect(cg.verdict.reasons.map((r) => r.code)).toContain('RELEASE_WITHDRAWN');
    expect(cg.withdrawn).toBeUndefined();
    const downloadsBefore = await listDownloads(t.portal.db);
    const refused = await t.request('GET', `${packagePath(ATLAS_190)}?serialNumber=CG-ATL-0001`, { token: cgIt });
    expectRefusedWithoutBytes(refused, 403);
    expectPlainCoded(refused, 403, 'RELEASE_WITHDRAWN');
    expect(coded(refused).message).toContain('Corrupts the alarm archive on upgrade.');
    expect(await listDownloads(t.portal.db)).toEqual(downloadsBefore);

    // Northwind: not offered either, but told it holds a withdrawn release; the bytes it had can be fetched again.
    const northwind = await t.request<SystemEntitlement>('GET', '/api/v1/systems/NW-ATL-0001/entitlement', {
      token: nwIt,
    });
    const nw = entry(northwind.body, '1.9.0');
    expect(nw.verdict.allowed).toBe(false);
    expect(nw.verdict.reasons.map((r) => r.code)).toContain('RELEASE_WITHDRAWN');
    expect(nw.withdrawn).toMatchObject({
      reason: 'Corrupts the alarm archive on upgrade.',
      at: t.clock.now.toISOString(),
    });
    expect(Date.parse(nw.withdrawn!.downloadedAt)).toBeLessThan(Date.parse(nw.withdrawn!.at));
    const refetch = await t.request('GET', `${packagePath(ATLAS_190)}?serialNumber=NW-ATL-0001`, { token: nwIt });
    expect(refetch.status).toBe(200);

    // What the desktops learn withdrawals from: each customer sees only its own systems' downloads, never who
    // withdrew it; engineers have no systems to be told about.
    const known = async (token: string) =>
      (await t.request<{ withdrawals: KnownWithdrawal[] }>('GET', '/api/v1/withdrawals', { token })).body.withdrawals;
    expect(await known(cgIt)).toEqual([
      { product: 'atlas', version: '1.9.0', at: t.clock.now.toISOString(), reason: expect.any(String), downloads: [] },
    ]);
    const nwKnown = await known(nwIt);
    expect(nwKnown.map((w) => w.downloads.map((d) => d.serialNumber))).toEqual([['NW-ATL-0001']]);
    expect(JSON.stringify(nwKnown)).not.toContain(PORTAL_ADMIN);
    const engineerAsks = await t.request('GET', '/api/v1/withdrawals', { token: await t.signIn(ENGINEER) });
    expectPlainCoded(engineerAsks, 403, 'FORBIDDEN');

    const audit = await t.request<{ items: { action: string; subjectId: string; actor: string }[] }>(
      'GET',
      '/api/v1/admin/audit?subject=release',
      { token: admin },
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'release.withdraw',
      subjectId: 'atlas@1.9.0',
      actor: PORTAL_ADMIN,
    });

    // Restored: offered again under the usual rules.
    const restored = await t.request<ReleaseDetail>('DELETE', WITHDRAWAL, { token: admin });
    expect(restored.status).toBe(200);
    expect(restored.body.withdrawn).toBeNull();
    const after = await t.request<SystemEntitlement>('GET', '/api/v1/systems/CG-ATL-0001/entitlement', {
      token: cgIt,
    });
    expect(entry(after.body, '1.9.0').verdict.allowed).toBe(true);
    expect(await withdrawals(t)).toEqual([]);
  });

  it('refuses line dates out of order, and changes nothing', async () => {
    const lines = await t.request<Page<LineView>>('GET', '/api/v1/admin/lines?q=atlas', { token: admin });
    expect(lines.status).toBe(200);
    const before = await auditCount(t);
    const cases: [Record<string, string>, string][] = [
      [{ ga: '2025-06-01', endOfMaintenance: '2025-01-01' }, 'INVALID_LIFECYCLE'],
      [{ ga: '2025-06-01', endOfService: '2025-01-01' }, 'INVALID_LIFECYCLE'],
      [{ ga: '2025-01-01', endOfMaintenance: '2027-01-01', endOfService: '2026-01-01' }, 'INVALID_LIFECYCLE'],
      [{ ga: '2025-02-30' }, 'INVALID_DATE'],
    ];
    for (const [body, code] of cases) {
      const reply = await t.request('PUT', '/api/v1/admin/lines/atlas/1', { token: admin, body });
      expectPlainCoded(reply, 400, code);
    }
    expect((await t.request<Page<LineView>>('GET', '/api/v1/admin/lines?q=atlas', { token: admin })).body).toEqual(
      lines.body,
    );
    expect(await auditCount(t)).toBe(before);
    expect(await t.portal.db.selectFrom('publish_jobs').selectAll().execute()).toEqual([]);
  });

  it('sets a line’s dates through the lifecycle path: signed at once, or by the signer on a shared database', async () => {
    const body = { ga: '2024-01-15', endOfMaintenance: '2027-06-30', endOfService: '2028-06-30', waitSeconds: 0 };
    const reply = await t.request<LineSetResult>('PUT', '/api/v1/admin/lines/atlas/1', { token: admin, body });
    expect(reply.status).toBe(200);
    if (t.dialect === 'sqlite') {
      expect(reply.body).toMatchObject({ state: 'done', line: { product: 'atlas', major: 1, ga: '2024-01-15' } });
    } else {
      expect(reply.body).toMatchObject({ state: 'pending' });
      // The signer's step, run here: it re-signs the line exactly as `lifecycle set` would have it.
      const job = await claimNextPublishJob(t.portal.db, t.clock.now);
      expect(job?.id).toBe((reply.body as { job: string }).job);
      const ctx = { db: t.portal.db, catalog: t.portal.catalog, store: {} as BlobStore, now: () => t.clock.now };
      const { outcome } = await runPublishJob(ctx, job!);
      await finishPublishJob(t.portal.db, job!.id, outcome, t.clock.now);
    }
    const lines = await t.request<Page<LineView>>('GET', '/api/v1/admin/lines?product=atlas', { token: admin });
    expect(lines.body.items.find((l) => l.major === 1)).toMatchObject({
      ga: '2024-01-15',
      endOfMaintenance: '2027-06-30',
      endOfService: '2028-06-30',
      phase: 'maintained',
    });
    t.portal.catalog.invalidate();
    const one = await t.request<ReleaseDetail>('GET', '/api/v1/admin/releases/atlas/1.9.0', { token: admin });
    expect(one.body.lifecycle).toMatchObject({ endOfService: '2028-06-30' });
    const audit = await t.request<{ items: { action: string; subjectId: string }[] }>(
      'GET',
      '/api/v1/admin/audit?subject=line',
      { token: admin },
    );
    expect(audit.body.items[0]).toMatchObject({ action: 'line.set', subjectId: 'atlas@1' });
  });
});
