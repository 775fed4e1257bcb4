/** Contracts and entitlement over HTTP: what each demo customer may take, and why not, in the verdict's words. */
import { expect, it } from 'vitest';
import type { ContractView, SystemEntitlement, SystemRecord } from '../../../shared/contracts/entitlement.js';
import { CG_ADMIN, CG_IT, coded, describePortal, ENGINEER, NW_ADMIN, NW_IT } from './harness.js';

type Row = SystemEntitlement['releases'][number];

function byVersion(e: SystemEntitlement): Map<string, Row['verdict']> {
  return new Map(e.releases.map((r) => [r.target.custom.version, r.verdict]));
}

describePortal('contracts and entitlement', (t) => {
  it('shows a customer its own contract with the computed status and days left', async () => {
    const token = await t.signIn(NW_ADMIN);
    const reply = await t.request<{ contracts: ContractView[] }>('GET', '/api/v1/contracts', { token });
    expect(reply.status).toBe(200);
    expect(reply.body.contracts).toHaveLength(1);
    const [contract] = reply.body.contracts;
    expect(contract).toMatchObject({
      id: 'NW-SUP-2026',
      customerId: 'northwind',
      tier: 'support',
      status: 'active',
      daysLeft: 166,
      daysUntilStart: 0,
    });
    expect(contract?.systems.map((s) => s.serialNumber)).toEqual(['NW-ATL-0001', 'NW-BCN-0001', 'NW-COB-0001']);
    // IT staff of the same customer see the same contract; the vendor's engineers have no contracts of their own.
    const staff = await t.request<{ contracts: ContractView[] }>('GET', '/api/v1/contracts', {
      token: await t.signIn(NW_IT),
    });
    expect(staff.body.contracts.map((c) => c.id)).toEqual(['NW-SUP-2026']);
    const engineer = await t.request('GET', '/api/v1/contracts', { token: await t.signIn(ENGINEER) });
    expect(engineer.status).toBe(403);
    expect(coded(engineer).code).toBe('FORBIDDEN');
  });

  it('lists the customer’s own systems with the versions the portal recorded, and no one else’s', async () => {
    const reply = await t.request<{ systems: SystemRecord[] }>('GET', '/api/v1/systems', {
      token: await t.signIn(NW_IT),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.systems).toEqual([
      {
        serialNumber: 'NW-ATL-0001',
        product: 'atlas',
        location: 'Northwind Plant 1, control room',
        contractIds: ['NW-SUP-2026'],
        installedVersion: '1.4.2',
        platform: 'linux-x64',
      },
      {
        serialNumber: 'NW-BCN-0001',
        product: 'beacon',
        location: 'Northwind Plant 1, alarm desk',
        contractIds: ['NW-SUP-2026'],
        installedVersion: '1.5.0',
        platform: 'linux-x64',
      },
      {
        serialNumber: 'NW-COB-0001',
        product: 'cobalt',
        location: 'Northwind substation 7',
        contractIds: ['NW-SUP-2026'],
        installedVersion: '4.1.0',
        platform: 'linux-x64',
      },
    ]);
    const engineer = await t.request('GET', '/api/v1/systems', { token: await t.signIn(ENGINEER) });
    expect(engineer.status).toBe(403);
  });

  it('lets a Support customer take updates of its licensed major and locks the upgrades with the reason and remedy', async () => {
    const reply = await t.request<SystemEntitlement>('GET', '/api/v1/systems/NW-ATL-0001/entitlement', {
      token: await t.signIn(NW_ADMIN),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.system).toMatchObject({
      serialNumber: 'NW-ATL-0001',
      product: 'atlas',
      installedVersion: '1.4.2',
      platform: 'linux-x64',
    });
    // Only the system's own platform is listed.
    expect(new Set(reply.body.releases.map((r) => `${r.target.custom.platform}-${r.target.custom.arch}`))).toEqual(
      new Set(['linux-x64']),
    );
    const verdicts = byVersion(reply.body);
    expect(verdicts.get('1.8.0')).toMatchObject({
      allowed: true,
      kind: 'update',
      requiredRight: 'update',
      reasons: [],
    });
    expect(verdicts.get('1.9.0')).toMatchObject({ allowed: true, kind: 'update' });
    expect(verdicts.get('1.4.2')).toMatchObject({ kind: 'current' });
    for (const version of ['2.0.0', '2.3.1']) {
      const v = verdicts.get(version);
      expect(v).toMatchObject({ allowed: false, kind: 'upgrade', requiredRight: 'upgrade', contractId: 'NW-SUP-2026' });
      expect(v?.reasons.map((r) => r.code)).toEqual(['UPGRADE_REQUIRES_UPGRADE_SUPPORT']);
      expect(v?.reasons[0]?.remedy).toMatch(/Upgrade Support/);
    }
    expect(verdicts.get('3.0.0-rc.1')?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['PRERELEASE', 'UPGRADE_REQUIRES_UPGRADE_SUPPORT']),
    );
    expect(reply.body.lifecycles.map((l) => l.major)).toEqual([1, 2]);
  });

  it('lets an Upgrade Support customer take the upgrades, and previews only when asked', async () => {
    const token = await t.signIn(CG_IT);
    const reply = await t.request<SystemEntitlement>('GET', '/api/v1/systems/CG-ATL-0001/entitlement', { token });
    const verdicts = byVersion(reply.body);
    expect(verdicts.get('2.3.1')).toMatchObject({
      allowed: true,
      kind: 'upgrade',
      requiredRight: 'upgrade',
      contractId: 'CG-UPS-2026',
    });
    expect(verdicts.get('3.0.0-rc.1')?.reasons.map((r) => r.code)).toEqual(['PRERELEASE']);
    const previews = await t.request<SystemEntitlement>('GET', '/api/v1/systems/CG-ATL-0001/entitlement?previews=1', {
      token,
    });
    expect(byVersion(previews.body).get('3.0.0-rc.1')).toMatchObject({ allowed: true });
  });

  it('judges against the version the desktop reports, and lists another platform on request', async () => {
    const token = await t.signIn(CG_ADMIN);
    const reply = await t.request<SystemEntitlement>(
      'GET',
      '/api/v1/systems/CG-ATL-0001/entitlement?installedVersion=2.0.0&platform=win-x64',
      { token },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.system.installedVersion).toBe('2.0.0');
    expect(reply.body.releases.every((r) => r.target.custom.platform === 'win')).toBe(true);
    expect(byVersion(reply.body).get('2.3.1')).toMatchObject({ kind: 'update', allowed: true });
    const bad = await t.request('GET', '/api/v1/systems/CG-ATL-0001/entitlement?installedVersion=two', { token });
    expect(bad.status).toBe(400);
    expect(coded(bad).code).toBe('INVALID_VERSION');
  });

  it('keeps a line past end of maintenance on the updates published before it ended', async () => {
    const reply = await t.request<SystemEntitlement>('GET', '/api/v1/systems/NW-BCN-0001/entitlement', {
      token: await t.signIn(NW_ADMIN),
    });
    expect(byVersion(reply.body).get('1.6.3')).toMatchObject({ allowed: true, kind: 'update' });
    expect(reply.body.lifecycles.find((l) => l.major === 1)).toMatchObject({ endOfMaintenance: '2025-09-30' });
  });

  it('answers another customer’s system exactly like one that does not exist', async () => {
    const token = await t.signIn(NW_ADMIN);
    const foreign = await t.request('GET', '/api/v1/systems/CG-ATL-0001/entitlement', { token });
    const missing = await t.request('GET', '/api/v1/systems/XX-0000/entitlement', { token });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(coded(foreign).code).toBe('NOT_FOUND');
    expect(coded(foreign).message.replace('CG-ATL-0001', 'X')).toBe(coded(missing).message.replace('XX-0000', 'X'));
  });
});
