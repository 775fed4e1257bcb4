/**
 * Contracts in the back office, by the service description's rules: created from the purchase order, the shipment
 * (+90 days, or the PAC with installation services) or as a renewal; updated, renewed and split by a tier change;
 * every bad input refused with a coded error and nothing written; customers and engineers refused.
 */
import { expect, it } from 'vitest';
import type { AdminContract, ContractRow } from '../../../shared/contracts/admin/contracts.js';
import type { AuditEntry } from '../../../shared/contracts/admin/audit.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import type { ContractView } from '../../../shared/contracts/entitlement.js';
import { createCustomer } from '../../../portal/db/customers.js';
import { coded, describePortal, ENGINEER, NW_ADMIN, PORTAL_ADMIN, type TestPortal } from '../portal-api/harness.js';

const BASE = '/api/v1/admin/contracts';

/** How many contracts and audit entries there are: a refused change must leave both as they were. */
async function written(t: TestPortal): Promise<{ contracts: number; audit: number }> {
  const count = async (table: 'contracts' | 'admin_audit') =>
    Number(
      (
        (await t.portal.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()) as { n: number | string }
      ).n,
    );
  return { contracts: await count('contracts'), audit: await count('admin_audit') };
}

const system = (serialNumber: string) => ({ serialNumber, product: 'atlas', location: 'Depot 1' });

describePortal('contracts in the back office', (t) => {
  it('refuses customer admins and engineers, writing nothing', async () => {
    const before = await written(t);
    for (const email of [NW_ADMIN, ENGINEER]) {
      const token = await t.signIn(email);
      for (const [method, path, body] of [
        ['GET', BASE, undefined],
        ['GET', `${BASE}/NW-SUP-2026`, undefined],
        [
          'POST',
          BASE,
          {
            id: 'X-1',
            customerId: 'northwind',
            tier: 'support',
            region: 'EMEA',
            timeZone: 'UTC',
            start: '2027-01-01',
            endDate: '2027-12-31',
          },
        ],
        ['PATCH', `${BASE}/NW-SUP-2026`, { endDate: '2030-01-01' }],
        ['POST', `${BASE}/NW-SUP-2026/renew`, { id: 'X-2', endDate: '2030-01-01' }],
        ['POST', `${BASE}/NW-SUP-2026/change-tier`, { tier: 'upgrade-support', on: '2027-01-01' }],
      ] as const) {
        const reply = await t.request(method, path, { token, body });
        expect(reply.status, `${email} ${method} ${path}`).toBe(403);
        const error = coded(reply);
        expect(error.code).toBe('FORBIDDEN');
        expect(error.message + error.remedy).not.toMatch(/portal-admin|customer-admin|it-staff/);
      }
    }
    expect(await written(t)).toEqual(before);
  });

  it('lists contracts with their standing and start basis, searchable and filtered', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const all = await t.request<Page<ContractRow>>('GET', BASE, { token });
    expect(all.status).toBe(200);
    const northwind = all.body.items.find((c) => c.id === 'NW-SUP-2026');
    expect(northwind).toMatchObject({
      customerId: 'northwind',
      status: 'active',
      systemCount: 3,
      startBasis: { kind: 'shipment', installationServices: false },
    });
    expect(all.body.items.find((c) => c.id === 'CG-UPS-2026')?.startBasis).toEqual({ kind: 'purchase-order' });

    const byName = await t.request<Page<ContractRow>>('GET', `${BASE}?q=CONTOSO`, { token });
    expect(byName.body.items.map((c) => c.id)).toEqual(['CG-UPS-2026']);
    const byCustomer = await t.request<Page<ContractRow>>('GET', `${BASE}?customerId=northwind&status=active`, {
      token,
    });
    expect(byCustomer.body.items.map((c) => c.id)).toContain('NW-SUP-2026');
    expect(byCustomer.body.items.every((c) => c.customerId === 'northwind')).toBe(true);
    const expired = await t.request<Page<ContractRow>>('GET', `${BASE}?status=expired&region=EMEA`, { token });
    expect(expired.body.items.map((c) => c.id)).not.toContain('NW-SUP-2026');
    const bad = await t.request('GET', `${BASE}?status=gold`, { token });
    expect(bad.status).toBe(400);
    expect(coded(bad).code).toBe('INVALID_INPUT');
  });

  it('creates from a shipment (+90 days) and from a PAC, keeps the basis and audits it', async () => {
    await createCustomer(t.portal.db, { id: 'ship-co', name: 'Shipping Co' });
    const token = await t.signIn(PORTAL_ADMIN);
    const common = { customerId: 'ship-co', tier: 'support', region: 'APAC', timeZone: 'Asia/Shanghai' };
    const shipped = await t.request<AdminContract>('POST', BASE, {
      token,
      body: { ...common, id: 'SH-1', shippedOn: '2026-12-05', endDate: '2028-03-04', systems: [system('SH-0001')] },
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({
      startDate: '2027-03-05',
      startBasis: { kind: 'shipment', shippedOn: '2026-12-05', installationServices: false },
      status: 'pending',
      chain: [{ id: 'SH-1' }],
    });
    const pac = await t.request<AdminContract>('POST', BASE, {
      token,
      body: {
        ...common,
        id: 'SH-2',
        shippedOn: '2026-12-05',
        installationServices: true,
        pacOn: '2027-01-20',
        endDate: '2028-01-19',
        systems: [system('SH-0002')],
      },
    });
    expect(pac.body).toMatchObject({ startDate: '2027-01-20', startBasis: { kind: 'shipment', pacOn: '2027-01-20' } });
    const audit = await t.request<Page<AuditEntry>>('GET', '/api/v1/admin/audit?subject=contract&subjectId=SH-1', {
      token,
    });
    expect(audit.body.items).toMatchObject([
      { action: 'contract.create', actor: PORTAL_ADMIN, changes: { shippedOn: '2026-12-05', startDate: '2027-03-05' } },
    ]);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['none of start, shipment or renewal', {}, 'MISSING_START_DATE_BASIS', /does not say where its service starts/],
    [
      'installation services without a PAC date',
      { shippedOn: '2026-12-05', installationServices: true },
      'MISSING_START_DATE_BASIS',
      /preliminary acceptance/,
    ],
    ['a renewal of another customer’s contract', { renews: 'CG-UPS-2026' }, 'INVALID_INPUT', /another customer/],
    ['an end before the start', { start: '2029-01-01' }, 'END_BEFORE_START', /ends .* before it starts/],
  ])('refuses %s, creating nothing', async (_name, basis, code, says) => {
    const token = await t.signIn(PORTAL_ADMIN);
    const before = await written(t);
    const reply = await t.request('POST', BASE, {
      token,
      body: {
        id: 'BAD-1',
        customerId: 'northwind',
        tier: 'support',
        region: 'EMEA',
        timeZone: 'UTC',
        endDate: '2028-12-31',
        ...basis,
      },
    });
    const error = coded(reply);
    expect([reply.status, error.code]).toEqual([400, code]);
    expect(error.message).toMatch(says);
    expect(error.remedy.length).toBeGreaterThan(10);
    expect(await written(t)).toEqual(before);
  });

  it('renews the day after the end with the systems carried over, and refuses one that would overlap', async () => {
    await createCustomer(t.portal.db, { id: 'renew-co', name: 'Renew Co' });
    const token = await t.signIn(PORTAL_ADMIN);
    const first = await t.request<AdminContract>('POST', BASE, {
      token,
      body: {
        id: 'RN-1',
        customerId: 'renew-co',
        tier: 'support',
        region: 'EMEA',
        timeZone: 'Europe/Berlin',
        start: '2026-01-01',
        endDate: '2026-12-31',
        systems: [system('RN-0001')],
        licensedMajors: { atlas: 2 },
      },
    });
    expect(first.status).toBe(200);
    const renewal = await t.request<AdminContract>('POST', `${BASE}/RN-1/renew`, {
      token,
      body: { id: 'RN-2', endDate: '2027-12-31' },
    });
    expect(renewal.status).toBe(200);
    expect(renewal.body).toMatchObject({
      customerId: 'renew-co',
      startDate: '2027-01-01',
      tier: 'support',
      timeZone: 'Europe/Berlin',
      systems: [system('RN-0001')],
      licensedMajors: { atlas: 2 },
      startBasis: { kind: 'renewal', renewsContractId: 'RN-1', previousEndDate: '2026-12-31' },
    });
    const shown = await t.request<AdminContract>('GET', `${BASE}/RN-1`, { token });
    expect(shown.body.chain.map((c) => c.id)).toEqual(['RN-1', 'RN-2']);

    // A second renewal of RN-1 would cover RN-0001 in 2027 again.
    const before = await written(t);
    const twice = await t.request('POST', BASE, {
      token,
      body: { id: 'RN-3', customerId: 'renew-co', renews: 'RN-1', endDate: '2027-06-30' },
    });
    expect(twice.status).toBe(409);
    expect(coded(twice)).toMatchObject({ code: 'CONTRACT_OVERLAP' });
    expect(coded(twice).message).toContain('RN-0001');
    expect(await written(t)).toEqual(before);
  });

  it('updates the end, region and majors but never the start, re-checking the period', async () => {
    await createCustomer(t.portal.db, { id: 'upd-co', name: 'Update Co' });
    const token = await t.signIn(PORTAL_ADMIN);
    const body = { customerId: 'upd-co', tier: 'support', region: 'EMEA', timeZone: 'UTC' };
    await t.request('POST', BASE, {
      token,
      body: { ...body, id: 'UP-1', start: '2026-01-01', endDate: '2026-12-31', systems: [system('UP-0001')] },
    });
    await t.request('POST', BASE, {
      token,
      body: { ...body, id: 'UP-2', start: '2027-03-01', endDate: '2027-12-31', systems: [system('UP-0001')] },
    });
    const ok = await t.request<AdminContract>('PATCH', `${BASE}/UP-1`, {
      token,
      body: { endDate: '2027-02-28', region: 'APAC', licensedMajors: { atlas: 3 } },
    });
    expect(ok.body).toMatchObject({ endDate: '2027-02-28', region: 'APAC', licensedMajors: { atlas: 3 } });

    for (const [change, status, code] of [
      [{ endDate: '2025-12-31' }, 400, 'END_BEFORE_START'],
      [{ endDate: '2027-03-01' }, 409, 'CONTRACT_OVERLAP'],
      [{ startDate: '2025-01-01' }, 400, 'INVALID_INPUT'],
    ] as const) {
      const before = await written(t);
      const reply = await t.request('PATCH', `${BASE}/UP-1`, { token, body: change });
      expect([reply.status, coded(reply).code], JSON.stringify(change)).toEqual([status, code]);
      expect(await written(t)).toEqual(before);
    }
    const kept = await t.request<AdminContract>('GET', `${BASE}/UP-1`, { token });
    expect(kept.body).toMatchObject({ startDate: '2026-01-01', endDate: '2027-02-28' });
  });

  it('changes tier mid-term into a new period the customer sees, and refuses a same-tier or out-of-period change', async () => {
    await createCustomer(t.portal.db, { id: 'tier-co', name: 'Tier Co' });
    const token = await t.signIn(PORTAL_ADMIN);
    await t.request('POST', BASE, {
      token,
      body: {
        id: 'TC-1',
        customerId: 'tier-co',
        tier: 'support',
        region: 'EMEA',
        timeZone: 'UTC',
        start: '2026-06-01',
        endDate: '2027-05-31',
        systems: [system('TC-0001')],
      },
    });
    for (const [change, code] of [
      [{ tier: 'support', on: '2026-12-01' }, 'INVALID_INPUT'],
      [{ tier: 'upgrade-support', on: '2027-06-01' }, 'INVALID_INPUT'],
      [{ tier: 'upgrade-support', on: '2026-06-01' }, 'INVALID_INPUT'],
    ] as const) {
      const before = await written(t);
      const reply = await t.request('POST', `${BASE}/TC-1/change-tier`, { token, body: change });
      expect([reply.status, coded(reply).code]).toEqual([400, code]);
      expect(await written(t)).toEqual(before);
    }
    const changed = await t.request<AdminContract>('POST', `${BASE}/TC-1/change-tier`, {
      token,
      body: { tier: 'upgrade-support', on: '2026-12-01' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: 'TC-1-2026-12-01',
      tier: 'upgrade-support',
      startDate: '2026-12-01',
      endDate: '2027-05-31',
      systems: [system('TC-0001')],
      startBasis: { kind: 'tier-change', changedFromContractId: 'TC-1', previousTier: 'support' },
    });
    expect(changed.body.chain.map((c) => [c.id, c.endDate])).toEqual([
      ['TC-1', '2026-11-30'],
      ['TC-1-2026-12-01', '2027-05-31'],
    ]);
    const audit = await t.request<Page<AuditEntry>>('GET', '/api/v1/admin/audit?subject=contract&subjectId=TC-1', {
      token,
    });
    // Both entries carry the same instant (the test clock stands still), so they are picked by action.
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(['contract.changeTier', 'contract.create']);
    expect(audit.body.items.find((e) => e.action === 'contract.changeTier')?.changes).toMatchObject({
      on: '2026-12-01',
      newContractId: 'TC-1-2026-12-01',
    });
  });

  it('shows the customer where each start came from', async () => {
    const reply = await t.request<{ contracts: ContractView[] }>('GET', '/api/v1/contracts', {
      token: await t.signIn(NW_ADMIN),
    });
    expect(reply.body.contracts.find((c) => c.id === 'NW-SUP-2026')?.startBasis).toMatchObject({ kind: 'shipment' });
  });
});
