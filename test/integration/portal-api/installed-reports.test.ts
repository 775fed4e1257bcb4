/**
 * Installation reports over HTTP: the portal records what each system runs (when, by whom, how), once per
 * Idempotency-Key, and a new major the contract allowed advances the customer's licensed major — which a later
 * Support contract then keeps.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Account } from '../../../shared/contracts/accounts.js';
import type {
  ContractView,
  InstalledReport,
  SystemEntitlement,
  SystemRecord,
} from '../../../shared/contracts/entitlement.js';
import { addDays } from '../../../shared/domain/dates.js';
import { publishReleases } from '../../../portal/admin/publish.js';
import { createContract } from '../../../portal/db/contracts.js';
import { listInstalledVersions, listReports } from '../../../portal/db/installed-versions.js';
import { createTarGz } from '../../../portal/demo/tar.js';
import { CG_ADMIN, CG_IT, coded, describePortal, ENGINEER, NW_ADMIN, SEED_TIME, type TestPortal } from './harness.js';

const LATER = '2026-11-24T11:00:00.000Z';

function report(t: TestPortal, token: string, serial: string, body: unknown, key?: string) {
  return t.request<InstalledReport>('POST', `/api/v1/systems/${serial}/installed`, {
    token,
    body,
    ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }),
  });
}

async function contractsOf(t: TestPortal, email: string): Promise<ContractView[]> {
  return (await t.request<{ contracts: ContractView[] }>('GET', '/api/v1/contracts', { token: await t.signIn(email) }))
    .body.contracts;
}

async function systemOf(t: TestPortal, email: string, serial: string): Promise<SystemRecord | undefined> {
  const reply = await t.request<{ systems: SystemRecord[] }>('GET', '/api/v1/systems', {
    token: await t.signIn(email),
  });
  return reply.body.systems.find((s) => s.serialNumber === serial);
}

/** Publishes an Atlas release through the vendor's publish path, as released at `publishedAt`. */
async function publishAtlas(t: TestPortal, version: string, publishedAt: Date): Promise<void> {
  const work = await mkdtemp(join(t.portal.layout.dataDirectory, 'release-'));
  try {
    const file = join(work, `atlas-${version}-linux-x64.tar.gz`);
    await writeFile(file, createTarGz([{ path: 'payload/VERSION', mode: 0o644, content: `${version}\n` }]));
    const custom = {
      product: 'atlas',
      version,
      platform: 'linux' as const,
      arch: 'x64' as const,
      publishedAt: publishedAt.toISOString(),
      installer: { type: 'archive' as const, args: [], timeoutSeconds: 300, elevate: false },
      detection: { kind: 'file' as const, path: '{target}/payload/VERSION', regex: '^(\\S+)' },
    };
    await publishReleases(t.portal.db, t.portal.catalog, [{ file, custom }], publishedAt);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

describePortal('installation reports', (t) => {
  // The reports below happened an hour after the seed; the portal receives them an hour after that.
  beforeAll(() => {
    t.clock.now = new Date('2026-11-24T12:00:00Z');
  });

  it('records what a desktop reports: the system’s version, when, by whom and how', async () => {
    const token = await t.signIn(CG_IT);
    const me = (await t.request<Account>('GET', '/api/v1/me', { token })).body;
    const reply = await report(t, token, 'CG-COB-0001', { version: '4.2.1', how: 'installed', at: LATER });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      serialNumber: 'CG-COB-0001',
      product: 'cobalt',
      version: '4.2.1',
      how: 'installed',
      notInCatalog: false,
      at: LATER,
      licenceAdvance: null,
    });
    expect((await systemOf(t, CG_ADMIN, 'CG-COB-0001'))?.installedVersion).toBe('4.2.1');
    const [recorded] = await listInstalledVersions(t.portal.db, ['CG-COB-0001']);
    expect(recorded).toMatchObject({
      installedVersion: '4.2.1',
      how: 'installed',
      reportedBy: me.id,
      notInCatalog: false,
    });
    // A report of an earlier install that arrives late (queued offline) is kept, but does not undo the newer one.
    const late = await report(t, token, 'CG-COB-0001', {
      version: '4.2.0',
      how: 'installed',
      at: SEED_TIME.toISOString(),
    });
    expect(late.status).toBe(201);
    expect((await systemOf(t, CG_ADMIN, 'CG-COB-0001'))?.installedVersion).toBe('4.2.1');
    expect((await listReports(t.portal.db, 'CG-COB-0001')).map((r) => r.version)).toEqual(['4.2.0', '4.2.1']);
  });

  it('records a retried report once, and refuses the same key for another report', async () => {
    const token = await t.signIn(CG_ADMIN);
    const key = 'report-0b6f9a52-retry';
    const body = { version: '2.1.4', how: 'installed', at: LATER };
    const first = await report(t, token, 'CG-BCN-0001', body, key);
    const again = await report(t, token, 'CG-BCN-0001', body, key);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await listReports(t.portal.db, 'CG-BCN-0001')).filter((r) => r.version === '2.1.4')).toHaveLength(1);
    const other = await report(t, token, 'CG-BCN-0001', { ...body, version: '2.0.0' }, key);
    expect(other.status).toBe(409);
    expect(coded(other).code).toBe('IDEMPOTENCY_CONFLICT');
    expect((await systemOf(t, CG_ADMIN, 'CG-BCN-0001'))?.installedVersion).toBe('2.1.4');
  });

  it('advances the licensed major when an upgrade the contract allowed is reported, with the date and the system', async () => {
    expect((await contractsOf(t, CG_ADMIN))[0]?.licensedMajors['atlas']).toBe(1);
    const reply = await report(t, await t.signIn(CG_ADMIN), 'CG-ATL-0001', {
      version: '2.3.1',
      how: 'installed',
      at: LATER,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.licenceAdvance).toEqual({
      product: 'atlas',
      major: 2,
      version: '2.3.1',
      serialNumber: 'CG-ATL-0001',
      at: LATER,
    });
    const [contract] = await contractsOf(t, CG_IT);
    expect(contract?.licensedMajors).toEqual({ atlas: 2, beacon: 2, cobalt: 4 });
    expect(contract?.licenceAdvances).toEqual([
      { product: 'atlas', major: 2, version: '2.3.1', serialNumber: 'CG-ATL-0001', at: LATER },
    ]);
  });

  it('keeps the updates of the advanced major available under a later Support contract', async () => {
    const [upgradeSupport] = await contractsOf(t, CG_ADMIN);
    expect(upgradeSupport?.licensedMajors['atlas']).toBe(2);
    const renewalStart = addDays(upgradeSupport?.endDate ?? '', 1);
    await createContract(t.portal.db, {
      id: 'CG-SUP-2027',
      customerId: 'contoso',
      tier: 'support',
      region: 'EMEA',
      timeZone: 'Europe/Berlin',
      startDate: renewalStart,
      endDate: addDays(renewalStart, 364),
      systems: [{ serialNumber: 'CG-ATL-0001', product: 'atlas', location: 'Contoso operations centre, rack B4' }],
      licensedMajors: { atlas: 1 },
    });
    const saved = new Date(t.clock.now);
    try {
      // A month into the Support contract, the vendor ships an update of the 2.x line.
      t.clock.now = new Date(`${addDays(renewalStart, 30)}T09:00:00Z`);
      await publishAtlas(t, '2.4.0', t.clock.now);
      const token = await t.signIn(CG_ADMIN);
      const reply = await t.request<SystemEntitlement>('GET', '/api/v1/systems/CG-ATL-0001/entitlement', { token });
      const v = reply.body.releases.find((r) => r.target.custom.version === '2.4.0')?.verdict;
      expect(v).toMatchObject({
        allowed: true,
        kind: 'update',
        requiredRight: 'update',
        contractId: 'CG-SUP-2027',
        reasons: [],
      });
      // The next major is still an upgrade, which Support does not include.
      const contracts = await contractsOf(t, CG_ADMIN);
      expect(contracts.find((c) => c.id === 'CG-SUP-2027')?.licensedMajors).toEqual({ atlas: 2 });
      // And the bytes are served for it, under the same verdict.
      const bytes = await t.request(
        'GET',
        `/api/v1/packages/atlas/2.4.0/linux-x64/atlas-2.4.0-linux-x64.tar.gz?serialNumber=CG-ATL-0001`,
        { token },
      );
      expect(bytes.status).toBe(200);
    } finally {
      t.clock.now = saved;
    }
  });

  it('records a version the contract never allowed, or one outside the catalog, and advances nothing', async () => {
    const northwind = await t.signIn(NW_ADMIN);
    const upgrade = await report(t, northwind, 'NW-ATL-0001', { version: '2.3.1', how: 'entered', at: LATER });
    expect(upgrade.status).toBe(201);
    expect(upgrade.body).toMatchObject({ version: '2.3.1', how: 'entered', licenceAdvance: null });
    expect((await contractsOf(t, NW_ADMIN))[0]).toMatchObject({
      licensedMajors: { atlas: 1, beacon: 1, cobalt: 4 },
      licenceAdvances: [],
    });
    expect((await systemOf(t, NW_ADMIN, 'NW-ATL-0001'))?.installedVersion).toBe('2.3.1');

    const outside = await report(t, northwind, 'NW-BCN-0001', {
      version: '9.9.9',
      how: 'entered',
      notInCatalog: true,
      at: LATER,
    });
    expect(outside.status).toBe(201);
    expect(outside.body).toMatchObject({ version: '9.9.9', notInCatalog: true, licenceAdvance: null });
    expect(await systemOf(t, NW_ADMIN, 'NW-BCN-0001')).toMatchObject({ installedVersion: '9.9.9', notInCatalog: true });
    expect((await contractsOf(t, NW_ADMIN))[0]?.licensedMajors['beacon']).toBe(1);
  });

  it('answers another customer’s serial number as unknown and records nothing; engineers may not report', async () => {
    const before = await listReports(t.portal.db, 'CG-COB-0001');
    const foreign = await report(t, await t.signIn(NW_ADMIN), 'CG-COB-0001', {
      version: '4.0.0',
      how: 'entered',
      at: LATER,
    });
    expect(foreign.status).toBe(404);
    expect(coded(foreign).code).toBe('NOT_FOUND');
    const engineer = await report(t, await t.signIn(ENGINEER), 'CG-COB-0001', {
      version: '4.0.0',
      how: 'entered',
      at: LATER,
    });
    expect(engineer.status).toBe(403);
    expect(coded(engineer).code).toBe('FORBIDDEN');
    expect(await listReports(t.portal.db, 'CG-COB-0001')).toEqual(before);
    expect((await systemOf(t, CG_ADMIN, 'CG-COB-0001'))?.installedVersion).toBe('4.2.1');
  });

  it.each([
    ['no version', { how: 'installed', at: LATER }, 'INVALID_INPUT'],
    ['a version that is not one', { version: 'two', how: 'installed', at: LATER }, 'INVALID_VERSION'],
    ['an unknown way of recording', { version: '4.2.0', how: 'guessed', at: LATER }, 'INVALID_INPUT'],
    ['a time that is not an instant', { version: '4.2.0', how: 'installed', at: 'yesterday' }, 'INVALID_INPUT'],
    [
      'a field the API does not know',
      { version: '4.2.0', how: 'installed', at: LATER, product: 'atlas' },
      'INVALID_INPUT',
    ],
  ])('refuses a report with %s (coded, nothing recorded)', async (_what, body, code) => {
    const before = await listReports(t.portal.db, 'CG-COB-0001');
    const reply = await report(t, await t.signIn(CG_ADMIN), 'CG-COB-0001', body);
    expect(reply.status).toBe(400);
    expect(coded(reply).code).toBe(code);
    expect(await listReports(t.portal.db, 'CG-COB-0001')).toEqual(before);
  });
});
