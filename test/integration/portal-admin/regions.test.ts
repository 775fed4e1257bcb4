/**
 * Regions in the back office: only a portal administrator keeps them; each change is audited; a calendar year with a
 * mistake is refused with its reason and changes nothing; and a contract naming a region is judged by its calendar
 * (a P4 accepted before a holiday block comes due on the moved working Saturday after it) and shows it to the customer.
 */
import { expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contracts/admin/audit.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import type { Region, RegionSummary } from '../../../shared/contracts/admin/regions.js';
import type { ContractView } from '../../../shared/contracts/entitlement.js';
import type { ServiceRequest } from '../../../shared/contracts/requests.js';
import { coded, describePortal, ENGINEER, NW_ADMIN, PORTAL_ADMIN, type Reply } from '../portal-api/harness.js';
import { act, expectOk, openRequest, requestBody } from '../portal-requests/support.js';

/** A year whose Wednesday to Friday after the demo's seed day are off, and whose Saturday is worked instead. */
const YEAR_2026 = {
  year: 2026,
  timeZone: 'Asia/Shanghai',
  opensAt: '09:00',
  closesAt: '18:00',
  workdays: [1, 2, 3, 4, 5],
  holidays: ['2026-11-25', '2026-11-26', '2026-11-27'],
  workingWeekends: ['2026-11-28'],
};

describePortal('regions in the back office', (t) => {
  const admin = (): Promise<string> => t.signIn(PORTAL_ADMIN);
  const show = async (id: string): Promise<Region> =>
    (await t.request<Region>('GET', `/api/v1/admin/regions/${id}`, { token: await admin() })).body;
  const auditOf = async (id: string): Promise<AuditEntry[]> =>
    (
      await t.request<Page<AuditEntry>>('GET', `/api/v1/admin/audit?subject=region&subjectId=${id}&limit=200`, {
        token: await admin(),
      })
    ).body.items;

  it('refuses customers and engineers, in plain words', async () => {
    for (const email of [NW_ADMIN, ENGINEER]) {
      const token = await t.signIn(email);
      for (const [method, path, body] of [
        ['GET', '/api/v1/admin/regions', undefined],
        ['GET', '/api/v1/admin/regions/CN', undefined],
        ['POST', '/api/v1/admin/regions', { id: 'X1', name: 'X' }],
        ['POST', '/api/v1/admin/regions/CN/calendars', { ...YEAR_2026 }],
        ['DELETE', '/api/v1/admin/regions/CN/calendars/2027', undefined],
      ] as const) {
        const reply = await t.request(method, path, { token, body });
        expect(reply.status, `${email} ${method} ${path}`).toBe(403);
        const error = coded(reply);
        expect(error.code).toBe('FORBIDDEN');
        expect(error.message + error.remedy).not.toMatch(/portal-admin|customer-admin|it-staff/);
      }
    }
    const none = await t.request('GET', '/api/v1/admin/regions/X1', { token: await admin() });
    expect(coded(none)).toMatchObject({ code: 'NOT_FOUND', message: 'There is no region "X1".' });
    expect((await show('CN')).calendars.map((c) => c.year)).toEqual([2027]);
  });

  it('lists the demo’s regions, searchable by name', async () => {
    const token = await admin();
    const all = await t.request<Page<RegionSummary>>('GET', '/api/v1/admin/regions', { token });
    expect(all.status).toBe(200);
    expect(all.body.items.map((r) => [r.id, r.years])).toEqual([
      ['CN', [2027]],
      ['EMEA', [2027]],
    ]);
    expect(all.body.items[1]!.contracts).toBe(t.seed.customers.length);
    const china = await t.request<Page<RegionSummary>>('GET', '/api/v1/admin/regions?q=chIN', { token });
    expect(china.body).toMatchObject({ total: 1, items: [{ id: 'CN', name: 'China' }] });
  });

  it('creates a region, renames it and keeps its calendar year by year, each change audited', async () => {
    const token = await admin();
    const created = await t.request<Region>('POST', '/api/v1/admin/regions', {
      token,
      body: { id: 'APAC', name: 'Asia Pacific', responseTimes: { P4: { kind: 'minutes', minutes: 480 } } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'APAC', calendars: [], contracts: 0 });

    const again = await t.request('POST', '/api/v1/admin/regions', { token, body: { id: 'APAC', name: 'Twice' } });
    expect(again.status).toBe(409);
    expect(coded(again)).toMatchObject({ code: 'ALREADY_EXISTS', message: 'A region "APAC" already exists.' });

    const renamed = await t.request<Region>('PATCH', '/api/v1/admin/regions/APAC', {
      token,
      body: { name: 'Asia-Pacific', responseTimes: {} },
    });
    expect(renamed.body).toMatchObject({ name: 'Asia-Pacific', responseTimes: {} });

    const added = await t.request<Region>('POST', '/api/v1/admin/regions/APAC/calendars', {
      token,
      body: { ...YEAR_2026, timeZone: 'Asia/Singapore' },
    });
    expect(added.status).toBe(201);
    const twice = await t.request('POST', '/api/v1/admin/regions/APAC/calendars', { token, body: YEAR_2026 });
    expect(coded(twice)).toMatchObject({ code: 'ALREADY_EXISTS' });

    const { year: _year, ...body } = YEAR_2026;
    const replaced = await t.request<Region>('PUT', '/api/v1/admin/regions/APAC/calendars/2026', {
      token,
      body: { ...body, closesAt: '17:30' },
    });
    expect(replaced.body.calendars).toEqual([{ ...YEAR_2026, closesAt: '17:30' }]);

    const removed = await t.request<Region>('DELETE', '/api/v1/admin/regions/APAC/calendars/2026', { token });
    expect(removed.body.calendars).toEqual([]);
    const missing = await t.request('DELETE', '/api/v1/admin/regions/APAC/calendars/2026', { token });
    expect(missing.status).toBe(404);
    expect(coded(missing)).toMatchObject({ code: 'NOT_FOUND', message: 'Region "APAC" has no calendar for 2026.' });

    const trail = await auditOf('APAC');
    // The portal's clock stands still in the test, so the changes share one instant: compare them as a set.
    expect(trail.map((e) => e.action).sort()).toEqual(
      [
        'region.calendar.remove',
        'region.calendar.replace',
        'region.calendar.add',
        'region.update',
        'region.create',
      ].sort(),
    );
    expect(trail.every((e) => e.actor === PORTAL_ADMIN)).toBe(true);
    expect(trail.find((e) => e.action === 'region.calendar.add')?.changes).toMatchObject({
      year: 2026,
      timeZone: 'Asia/Singapore',
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'an unknown time zone',
      { timeZone: 'Asia/Peking' },
      'UNKNOWN_TIME_ZONE',
      '"Asia/Peking" is not a known time zone.',
    ],
    [
      'a holiday outside its year',
      { holidays: ['2027-01-01'] },
      'INVALID_INPUT',
      'The holiday 2027-01-01 is not in 2026, the year of this calendar.',
    ],
    [
      'a moved working day outside its year',
      { workingWeekends: ['2025-12-27'] },
      'INVALID_INPUT',
      'The moved working day 2025-12-27 is not in 2026, the year of this calendar.',
    ],
    [
      'a moved working day that is already a working day',
      { workingWeekends: ['2026-11-30'] },
      'INVALID_INPUT',
      'The moved working day 2026-11-30 is already a working day of the week.',
    ],
    [
      'business hours that end before they start',
      { opensAt: '18:00', closesAt: '09:00' },
      'INVALID_INPUT',
      'Business hours 18:00–09:00 end before they start.',
    ],
    ['an empty working week', { workdays: [] }, 'INVALID_INPUT', 'The 2026 calendar has no working day in its week.'],
  ])('refuses a calendar year with %s, and changes nothing', async (_name, change, code, message) => {
    const token = await admin();
    const before = await show('CN');
    const trail = (await auditOf('CN')).length;
    const replies: Reply[] = [
      await t.request('POST', '/api/v1/admin/regions/CN/calendars', { token, body: { ...YEAR_2026, ...change } }),
      await t.request('PUT', '/api/v1/admin/regions/CN/calendars/2027', {
        token,
        body: {
          ...YEAR_2026,
          year: undefined,
          ...change,
          ...('holidays' in change || 'workingWeekends' in change ? {} : { holidays: [], workingWeekends: [] }),
        },
      }),
    ];
    expect(replies[0]!.status).toBe(400);
    const error = coded(replies[0]!);
    expect(error).toMatchObject({ code, message });
    expect(error.remedy.length).toBeGreaterThan(10);
    // The replacement of 2027 fails too (for its own year's reason where dates are concerned).
    expect(replies[1]!.status).toBe(400);
    expect(coded(replies[1]!).code).toBe(code);
    expect(await show('CN')).toEqual(before);
    expect((await auditOf('CN')).length).toBe(trail);
  });

  it('judges a contract’s requests by its region’s calendar and shows the customer which calendar applies', async () => {
    const token = await admin();
    const contractId =
      t.seed.customers.find((c) => c.id === 'northwind')?.contractId ?? t.seed.customers[0]!.contractId;
    await expectOk(
      t.request('POST', '/api/v1/admin/regions', { token, body: { id: 'SH', name: 'Shanghai desk' } }),
      201,
    );
    await expectOk(t.request('POST', '/api/v1/admin/regions/SH/calendars', { token, body: YEAR_2026 }), 201);
    await t.portal.db.updateTable('contracts').set({ region: 'SH' }).where('id', '=', contractId).execute();
    try {
      const customer = await t.signIn(NW_ADMIN);
      const p4 = await openRequest(t, customer, requestBody({ priority: 'P4', faultDescription: 'regional P4' }));
      const accepted = await expectOk<ServiceRequest>(act(t, await t.signIn(ENGINEER), p4.id, 'accept'));
      // Accepted Tuesday 18:00 in Shanghai; Wednesday to Friday are holidays, Saturday is worked: due 18:00 Saturday.
      expect(accepted.sla).toMatchObject({
        dueAt: '2026-11-28T10:00:00.000Z',
        calendar: { region: 'SH', name: 'Shanghai desk' },
      });

      const { contracts } = await expectOk(
        t.request<{ contracts: ContractView[] }>('GET', '/api/v1/contracts', { token: customer }),
      );
      expect(contracts.find((c) => c.id === contractId)?.calendar).toEqual({
        region: 'SH',
        name: 'Shanghai desk',
        timeZone: 'Asia/Shanghai',
        opensAt: '09:00',
        closesAt: '18:00',
        workdays: [1, 2, 3, 4, 5],
        holidays: ['2026-11-25', '2026-11-26', '2026-11-27'],
        workingWeekends: ['2026-11-28'],
        responseTimes: {
          P1: { kind: 'minutes', minutes: 30 },
          P2: { kind: 'minutes', minutes: 60 },
          P3: { kind: 'minutes', minutes: 120 },
          P4: { kind: 'next-business-day' },
        },
      });
    } finally {
      await t.portal.db.updateTable('contracts').set({ region: 'EMEA' }).where('id', '=', contractId).execute();
    }
  });

  it('leaves a contract whose region has no record on its own calendar', async () => {
    const contractId = t.seed.customers[0]!.contractId;
    await t.portal.db.updateTable('contracts').set({ region: 'NOWHERE' }).where('id', '=', contractId).execute();
    try {
      const { contracts } = await expectOk(
        t.request<{ contracts: ContractView[] }>('GET', '/api/v1/contracts', { token: await t.signIn(NW_ADMIN) }),
      );
      expect(contracts.find((c) => c.id === contractId)?.calendar).toMatchObject({
        region: 'NOWHERE',
        name: null,
        timeZone: 'Europe/Berlin',
      });
    } finally {
      await t.portal.db.updateTable('contracts').set({ region: 'EMEA' }).where('id', '=', contractId).execute();
    }
  });
});
