/** Contracts with their covered systems and licensed majors, and installed versions, on both dialects. */
import { beforeAll, expect, it } from 'vitest';
import type { Contract } from '../../../shared/domain/contract.js';
import { contractsCoveringSystem, createContract, getContract, listContracts } from '../../../portal/db/contracts.js';
import { createCustomer } from '../../../portal/db/customers.js';
import { listInstalledVersions, setInstalledVersion } from '../../../portal/db/installed-versions.js';
import { at, codeOf, describeOnBothDialects } from './harness.js';

function sampleContract(customerId: string, overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'C-2026-001',
    customerId,
    tier: 'upgrade-support',
    region: 'EMEA',
    timeZone: 'Europe/Berlin',
    startDate: '2026-01-01',
    endDate: '2027-03-31',
    // Deliberately not in serial-number order: the listed order must survive the round trip.
    systems: [
      { serialNumber: 'SN-100/B', product: 'hicare-server', location: 'Berlin DC, rack 4' },
      { serialNumber: 'SN-099', product: 'hicare-client', location: 'Hamburg — Büro 2.17' },
    ],
    licensedMajors: { 'hicare-server': 2, 'hicare-client': 1 },
    responseTimes: { EMEA: { P1: { kind: 'minutes', minutes: 15 }, P4: { kind: 'next-business-day' } } },
    holidays: ['2026-12-25', '2026-12-26'],
    ...overrides,
  };
}

describeOnBothDialects('contracts', (t) => {
  const customerId = 'customer-for-contracts';
  beforeAll(async () => {
    await createCustomer(t.db, { id: customerId, name: 'Contracts AG' });
  });

  it('round trip: systems (in their listed order), licensed majors, response times and holidays come back as given', async () => {
    const contract = sampleContract(customerId);
    expect(await createContract(t.db, contract)).toEqual(contract);
    expect(await getContract(t.db, contract.id)).toEqual(contract);
  });

  it('leaves optional parts absent (not undefined, not null) when the contract has none', async () => {
    const {
      responseTimes: _r,
      holidays: _h,
      ...plain
    } = sampleContract(customerId, { id: 'C-plain', tier: 'support', systems: [], licensedMajors: {} });
    await createContract(t.db, plain);
    const read = await getContract(t.db, 'C-plain');
    expect(read).toEqual(plain);
    expect(read).not.toHaveProperty('responseTimes');
    expect(read).not.toHaveProperty('holidays');
  });

  it("lists a customer's contracts by start date and finds every contract covering a serial number (renewals)", async () => {
    const other = 'customer-for-renewals';
    await createCustomer(t.db, { id: other, name: 'Renewals BV' });
    const renewal = sampleContract(other, {
      id: 'R-2',
      startDate: '2027-04-01',
      endDate: '2028-03-31',
      systems: [{ serialNumber: 'SN-R1', product: 'hicare-server', location: 'Utrecht' }],
    });
    const first = sampleContract(other, {
      id: 'R-1',
      startDate: '2026-04-01',
      endDate: '2027-03-31',
      systems: [{ serialNumber: 'SN-R1', product: 'hicare-server', location: 'Utrecht' }],
    });
    await createContract(t.db, renewal);
    await createContract(t.db, first);
    expect((await listContracts(t.db, { customerId: other })).map((c) => c.id)).toEqual(['R-1', 'R-2']);
    expect((await contractsCoveringSystem(t.db, 'SN-R1')).map((c) => c.id)).toEqual(['R-1', 'R-2']);
    expect(await contractsCoveringSystem(t.db, 'SN-NOWHERE')).toEqual([]);
    expect((await listContracts(t.db)).map((c) => c.id)).toEqual(expect.arrayContaining(['R-1', 'R-2', 'C-2026-001']));
  });

  it('stores a contract with thousands of systems (more than one statement can bind) in one piece', async () => {
    const systems = Array.from({ length: 1200 }, (_, i) => ({
      serialNumber: `BULK-${String(1199 - i).padStart(4, '0')}`,
      product: 'hicare-agent',
      location: `Site ${i}`,
    }));
    const contract = sampleContract(customerId, { id: 'C-bulk', systems });
    await createContract(t.db, contract);
    expect(await getContract(t.db, 'C-bulk')).toEqual(contract);
  });

  it('refuses invalid contracts with a coded error and stores none of them', async () => {
    const cases: [Partial<Contract>, string][] = [
      [{ id: 'bad-tier', tier: 'gold' as Contract['tier'] }, 'INVALID_INPUT'],
      [{ id: 'bad-period', startDate: '2027-01-01', endDate: '2026-01-01' }, 'END_BEFORE_START'],
      [{ id: 'bad-zone', timeZone: 'Mars/Olympus_Mons' }, 'UNKNOWN_TIME_ZONE'],
      [{ id: 'bad-date', startDate: '2026-02-30' }, 'INVALID_DATE'],
      [{ id: 'bad-major', licensedMajors: { 'hicare-server': -1 } }, 'INVALID_INPUT'],
      [
        { id: 'bad-serial', systems: [{ serialNumber: 'SN 1; --', product: 'hicare-server', location: 'x' }] },
        'INVALID_INPUT',
      ],
      [
        {
          id: 'twice',
          systems: [
            { serialNumber: 'SN-1', product: 'a', location: 'x' },
            { serialNumber: 'SN-1', product: 'b', location: 'y' },
          ],
        },
        'INVALID_INPUT',
      ],
      [{ id: `'; DROP TABLE contracts; --` }, 'INVALID_INPUT'],
      [{ id: 'nul', region: 'EU\u0000' }, 'INVALID_INPUT'],
      [{ id: 'orphan', customerId: 'no-such-customer' }, 'NOT_FOUND'],
    ];
    for (const [overrides, code] of cases) {
      expect(
        await codeOf(() => createContract(t.db, sampleContract(customerId, overrides))),
        JSON.stringify(overrides),
      ).toBe(code);
      expect(await getContract(t.db, overrides.id ?? '')).toBeUndefined();
    }
    expect(
      await t.db.selectFrom('systems').select('serial_number').where('serial_number', '=', 'SN-1').execute(),
    ).toEqual([]);
  });

  it('refuses a second contract with the same id and keeps the first intact', async () => {
    const original = sampleContract(customerId, { id: 'C-dup' });
    await createContract(t.db, original);
    const impostor = sampleContract(customerId, {
      id: 'C-dup',
      region: 'APAC',
      systems: [{ serialNumber: 'SN-X', product: 'hicare-server', location: 'Elsewhere' }],
    });
    expect(await codeOf(() => createContract(t.db, impostor))).toBe('ALREADY_EXISTS');
    expect(await getContract(t.db, 'C-dup')).toEqual(original);
    expect(await contractsCoveringSystem(t.db, 'SN-X')).toEqual([]);
  });

  it('records the version installed on each system, replacing it when it changes', async () => {
    const t1 = at('2026-03-01T08:00:00.000Z');
    const t2 = at('2026-03-02T08:00:00.000Z');
    await setInstalledVersion(
      t.db,
      { serialNumber: 'SN-100/B', product: 'hicare-server', installedVersion: '2.3.1', platform: 'linux' },
      t1,
    );
    await setInstalledVersion(
      t.db,
      { serialNumber: 'SN-099', product: 'hicare-client', installedVersion: '1.4.2' },
      t1,
    );
    await setInstalledVersion(
      t.db,
      { serialNumber: 'SN-100/B', product: 'hicare-server', installedVersion: '2.4.0', platform: 'linux' },
      t2,
    );
    expect(await listInstalledVersions(t.db, ['SN-100/B', 'SN-099', 'SN-unknown'])).toEqual([
      {
        serialNumber: 'SN-099',
        product: 'hicare-client',
        installedVersion: '1.4.2',
        platform: null,
        updatedAt: t1.toISOString(),
        how: null,
        reportedBy: null,
        notInCatalog: false,
      },
      {
        serialNumber: 'SN-100/B',
        product: 'hicare-server',
        installedVersion: '2.4.0',
        platform: 'linux',
        updatedAt: t2.toISOString(),
        how: null,
        reportedBy: null,
        notInCatalog: false,
      },
    ]);
    expect(await listInstalledVersions(t.db, [])).toEqual([]);
    expect(
      await codeOf(() =>
        setInstalledVersion(t.db, { serialNumber: 'SN-1', product: 'Not A Product', installedVersion: '1.0.0' }, t1),
      ),
    ).toBe('INVALID_INPUT');
  });
});
