/**
 * The vendor's reports over requests, surveys and downloads made through the API: exact figures on both dialects, the
 * same report from `hicare-portal report` as JSON and CSV, bad months refused with a coded error, and customers and
 * engineers refused.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type {
  DownloadReport,
  RequestReport,
  SlaReport,
  SurveyReport,
} from '../../../shared/contracts/admin/reports.js';
import type { ServiceRequest } from '../../../shared/contracts/requests.js';
import { packagePath } from '../../../shared/contracts/portal-api.js';
import { POSTGRES_URL } from '../postgres.js';
import { cliEnv, runCli } from '../portal-cli/cli.js';
import { coded, describePortal, ENGINEER, NW_ADMIN, PORTAL_ADMIN, SEED_TIME } from '../portal-api/harness.js';
import { A_SOLUTION, act, expectOk, openRequest, requestBody, Sessions } from '../portal-requests/support.js';

const MINUTE = 60_000;
const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const FAILURE = {
  product: 'atlas',
  fromVersion: '1.9.0',
  toVersion: '2.0.0',
  packageName: 'atlas-2.0.0-linux-x64.tar.gz',
  sha256: 'a'.repeat(64),
  exitCode: 3,
  signal: null,
  log: 'step 4 failed',
  systemInfo: {},
};

describePortal('the vendor’s reports', (t) => {
  const s = new Sessions(t);
  const at = (minutes: number): void => {
    t.clock.now = new Date(SEED_TIME.getTime() + minutes * MINUTE);
  };
  let admin = '';
  let bytesPerDownload = 0;

  async function accepted(minute: number, body = requestBody({ priority: 'P2' })): Promise<ServiceRequest> {
    at(minute);
    const created = await openRequest(t, await s.token(NW_ADMIN), body);
    return expectOk(act(t, await s.token(ENGINEER), created.id, 'accept'));
  }
  async function contact(minute: number, id: string): Promise<void> {
    at(minute);
    await expectOk(
      t.request('POST', `/api/v1/requests/${id}/messages`, {
        token: await s.token(ENGINEER),
        body: { body: 'Looking at it now.' },
      }),
    );
  }
  const get = <T>(path: string) => expectOk(t.request<T>('GET', path, { token: admin }));

  // November 2026 (SEED_TIME is 24 Nov, 10:00 UTC), all P2 (60 minutes):
  //   answered after 40 min (met), after 70 min (breached), never and overdue (breached), never and not yet due
  //   (running); one more only submitted, never accepted. Then one closed, rated 4 with a comment, and 5 without.
  beforeAll(async () => {
    const failed = requestBody({ priority: 'P2', installFailure: FAILURE });
    const met = await accepted(0, failed);
    await contact(40, met.id);
    const late = await accepted(100, failed);
    await contact(170, late.id);
    await accepted(200);
    await accepted(280);
    at(290);
    await openRequest(t, await s.token(NW_ADMIN), requestBody({ priority: 'P3' }));

    const customer = await s.token(NW_ADMIN);
    const engineer = await s.token(ENGINEER);
    for (const [r, survey] of [
      [met, { rating: 4, comment: 'Quick and clear help.' }],
      [late, { rating: 5 }],
    ] as const) {
      await expectOk(act(t, engineer, r.id, 'start-work'));
      await expectOk(act(t, engineer, r.id, 'propose-solution', A_SOLUTION));
      await expectOk(act(t, customer, r.id, 'confirm'));
      await expectOk(act(t, engineer, r.id, 'close'));
      await expectOk(t.request('POST', `/api/v1/requests/${r.id}/survey`, { token: customer, body: survey }));
    }

    for (let i = 0; i < 2; i++) {
      const reply = await t.request('GET', `${packagePath(ATLAS_190)}?serialNumber=NW-ATL-0001`, { token: customer });
      expect(reply.status).toBe(200);
      bytesPerDownload = reply.bytes.length;
    }
    at(300);
    admin = await s.token(PORTAL_ADMIN);
  });

  it('counts the SLA of November per priority: met, breached (late or overdue), running, median and p90', async () => {
    at(300);
    const report = await get<SlaReport>('/api/v1/admin/reports/sla?from=2026-11&to=2026-12');
    expect(report).toMatchObject({ from: '2026-11', to: '2026-12', customer: null });
    expect(report.rows.map((r) => `${r.month} ${r.priority}`)).toEqual([
      '2026-11 P1',
      '2026-11 P2',
      '2026-11 P3',
      '2026-11 P4',
      '2026-12 P1',
      '2026-12 P2',
      '2026-12 P3',
      '2026-12 P4',
    ]);
    expect(report.rows[1]).toEqual({
      month: '2026-11',
      priority: 'P2',
      accepted: 4,
      met: 1,
      breached: 2,
      running: 1,
      medianResponseMs: 55 * MINUTE,
      p90ResponseMs: 70 * MINUTE,
    });
    for (const row of report.rows.filter((r) => r.priority !== 'P2' || r.month !== '2026-11'))
      expect(row).toMatchObject({ accepted: 0, met: 0, breached: 0, running: 0, medianResponseMs: null });

    // The running one falls due at minute 340; past that, it counts as breached.
    at(341);
    const later = await get<SlaReport>('/api/v1/admin/reports/sla?from=2026-11&to=2026-11');
    expect(later.rows[1]).toMatchObject({ accepted: 4, met: 1, breached: 3, running: 0 });
    // Another customer has none; a month with none is all zeros.
    const contoso = await get<SlaReport>('/api/v1/admin/reports/sla?from=2026-11&to=2026-11&customer=contoso');
    expect(contoso.rows[1]).toMatchObject({ accepted: 0, breached: 0 });
    const october = await get<SlaReport>('/api/v1/admin/reports/sla?from=2026-10&to=2026-10');
    expect(october.rows.every((r) => r.accepted === 0)).toBe(true);
  });

  it('sums the surveys per month with the comments newest first', async () => {
    const report = await get<SurveyReport>('/api/v1/admin/reports/surveys?from=2026-10&to=2026-11');
    expect(report).toMatchObject({
      count: 2,
      averageRating: 4.5,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
    });
    expect(report.months).toEqual([
      { month: '2026-10', count: 0, averageRating: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
      { month: '2026-11', count: 2, averageRating: 4.5, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 } },
    ]);
    expect(report.comments).toEqual([
      expect.objectContaining({
        customerId: 'northwind',
        customerName: 'Northwind Utilities',
        product: 'atlas',
        rating: 4,
        comment: 'Quick and clear help.',
      }),
    ]);
    expect(report.comments[0]!.number).toMatch(/^TAC-2026-\d{6}$/);
    const december = await get<SurveyReport>('/api/v1/admin/reports/surveys?from=2026-12&to=2026-12');
    expect(december).toMatchObject({ count: 0, averageRating: null, comments: [] });
  });

  it('lists downloads per customer, contract and serial', async () => {
    const contract = await t.portal.db
      .selectFrom('systems')
      .select('contract_id')
      .where('serial_number', '=', 'NW-ATL-0001')
      .executeTakeFirstOrThrow();
    const report = await get<DownloadReport>('/api/v1/admin/reports/downloads?from=2026-11&to=2026-11');
    expect(report.rows).toEqual([
      {
        customerId: 'northwind',
        customerName: 'Northwind Utilities',
        contractId: contract.contract_id,
        serialNumber: 'NW-ATL-0001',
        product: 'atlas',
        count: 2,
        bytes: 2 * bytesPerDownload,
        lastAt: new Date(SEED_TIME.getTime() + 290 * MINUTE).toISOString(),
        releases: ['1.9.0'],
      },
    ]);
    expect((await get<DownloadReport>('/api/v1/admin/reports/downloads?from=2026-12&to=2026-12')).rows).toEqual([]);
  });

  it('counts requests per product and version, by state and priority', async () => {
    const report = await get<RequestReport>('/api/v1/admin/reports/requests?from=2026-11&to=2026-11');
    expect(report.rows).toEqual([
      {
        product: 'atlas',
        version: '1.9.0',
        total: 2,
        byState: {
          submitted: 0,
          accepted: 0,
          'in-progress': 0,
          'awaiting-customer': 0,
          'solution-proposed': 0,
          confirmed: 0,
          closed: 2,
          cancelled: 0,
        },
        byPriority: { P1: 0, P2: 2, P3: 0, P4: 0 },
      },
      {
        product: 'atlas',
        version: null,
        total: 3,
        byState: {
          submitted: 1,
          accepted: 2,
          'in-progress': 0,
          'awaiting-customer': 0,
          'solution-proposed': 0,
          confirmed: 0,
          closed: 0,
          cancelled: 0,
        },
        byPriority: { P1: 0, P2: 2, P3: 1, P4: 0 },
      },
    ]);
  });

  it('refuses a month that is not one, an end before the start and an unknown customer, in plain words', async () => {
    const before = await get<SlaReport>('/api/v1/admin/reports/sla?from=2026-11&to=2026-11');
    for (const [query, code, message] of [
      ['from=2026-13', 'INVALID_INPUT', '“2026-13” is not a month.'],
      ['to=2026-1', 'INVALID_INPUT', '“2026-1” is not a month.'],
      ['from=2026-11&to=2026-10', 'END_BEFORE_START', 'The report would end (2026-10) before it starts (2026-11).'],
      ['from=2000-01&to=2026-11', 'INVALID_INPUT', 'A report covers at most 120 months; 2000-01 to 2026-11 is longer.'],
      ['customer=nobody', 'NOT_FOUND', undefined],
    ] as const) {
      const reply = await t.request('GET', `/api/v1/admin/reports/sla?${query}`, { token: admin });
      expect(reply.status, query).toBe(code === 'NOT_FOUND' ? 404 : 400);
      const body = coded(reply);
      expect(body.code, query).toBe(code);
      if (message !== undefined) expect(body.message).toBe(message);
      expect(body.remedy).not.toBe('');
    }
    const zh = await t.request('GET', '/api/v1/admin/reports/surveys?from=2026-13', {
      token: admin,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(coded(zh)).toMatchObject({
      code: 'INVALID_INPUT',
      message: '“2026-13”不是有效的月份。',
      remedy: '请按“年-月”格式填写月份（YYYY-MM），例如 2026-03。',
    });
    // A report changes nothing: the same figures after the refusals.
    expect(await get<SlaReport>('/api/v1/admin/reports/sla?from=2026-11&to=2026-11')).toEqual(before);
  });

  it('refuses customer admins and engineers', async () => {
    for (const email of [NW_ADMIN, ENGINEER])
      for (const report of ['sla', 'surveys', 'downloads', 'requests']) {
        const reply = await t.request('GET', `/api/v1/admin/reports/${report}`, { token: await s.token(email) });
        expect(reply.status).toBe(403);
        const body = coded(reply);
        expect(body.code).toBe('FORBIDDEN');
        expect(body.message + body.remedy).not.toMatch(/portal-admin|customer-admin/);
      }
  });

  it('prints the same reports from hicare-portal report, as JSON, CSV and a table', async () => {
    const env =
      t.dialect === 'postgres'
        ? cliEnv({
            HICARE_PORTAL_DATA: t.portal.layout.dataDirectory,
            DATABASE_URL: POSTGRES_URL,
            HICARE_DATABASE_SCHEMA: (await sql<{ s: string }>`select current_schema() as s`.execute(t.portal.db))
              .rows[0]!.s,
          })
        : cliEnv({ HICARE_PORTAL_DATA: t.portal.layout.dataDirectory });
    const range = ['--from', '2026-11', '--to', '2026-11'];

    const json = await runCli(['report', 'requests', ...range, '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(
      await get<RequestReport>('/api/v1/admin/reports/requests?from=2026-11&to=2026-11'),
    );

    const csv = await runCli(['report', 'surveys', ...range, '--csv', '--lang', 'en'], env);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.trimEnd().split('\r\n')).toEqual([
      'Month,Answers,Average rating,Rated 1,Rated 2,Rated 3,Rated 4,Rated 5',
      '2026-11,2,4.5,0,0,0,1,1',
    ]);
    const comments = await runCli(['report', 'surveys', ...range, '--csv', '--comments', '--lang', 'en'], env);
    expect(comments.stdout.split('\r\n')[0]).toBe('Answered,Request,Customer,Product,Rating,Comment');
    expect(comments.stdout).toContain(',Northwind Utilities,atlas,4,Quick and clear help.');

    const downloads = await runCli(['report', 'downloads', ...range, '--csv', '--lang', 'en'], env);
    expect(downloads.stdout.split('\r\n')[1]).toMatch(
      new RegExp(
        `^Northwind Utilities,[^,]+,NW-ATL-0001,atlas,2,${2 * bytesPerDownload},2026-11-24T14:50:00.000Z,1.9.0`,
      ),
    );

    const table = await runCli(['report', 'sla', ...range, '--lang', 'zh-CN'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^月份\s+优先级\s+已受理\s+达标\s+超时\s+计时中/);
    expect(table.stdout).toMatch(/2026年11月\s+P2\s+4\s+1\s+/);
  }, 240_000); // Each run starts a Node process and opens the database: seconds apiece on a busy machine.

  it('refuses a bad month and an end before the start at the command line, with a coded error', async () => {
    const env = cliEnv({ HICARE_PORTAL_DATA: t.portal.layout.dataDirectory });
    if (t.dialect === 'postgres') return; // The refusals come before the database is read: SQLite shows them.
    const bad = await runCli(['report', 'sla', '--from', '2026-13'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error INVALID_INPUT: “2026-13” is not a month.');
    expect(bad.stderr).toContain('YYYY-MM');
    const backwards = await runCli(['report', 'downloads', '--from', '2026-11', '--to', '2026-10', '--json'], env);
    expect(backwards.code).toBe(1);
    expect(JSON.parse(backwards.stderr)).toMatchObject({ code: 'END_BEFORE_START' });
    const usage = await runCli(['report', 'weekly'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('“weekly” is not a report');
    const zh = await runCli(['report', 'sla', '--bogus', '--lang', 'zh-CN'], env);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('该命令没有 --bogus 选项');
  }, 240_000);
});
