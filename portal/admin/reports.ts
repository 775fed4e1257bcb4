/**
 * The vendor's reports, computed the same way for the API and `hicare-portal report`. Each reads its rows for the
 * period (months in UTC, shared/domain/report-period.ts) with plain SQL both dialects run alike, and sums them here,
 * so no figure depends on how a dialect groups dates or rounds an average. The SLA of each request is the one the
 * request views show (../requests/views.ts slaOf, with the contract it was opened under), judged at the portal's now.
 */
import type { Kysely } from 'kysely';
import type {
  DownloadReport,
  ReportKind,
  ReportOf,
  ReportQuery,
  RequestReport,
  SlaReport,
  SurveyReport,
} from '../../shared/contracts/admin/reports.js';
import { REQUEST_STATES, type RequestState } from '../../shared/domain/request-state.js';
import { median, monthOf, percentile, reportPeriod, summariseRatings } from '../../shared/domain/report-period.js';
import { PRIORITIES, type Priority } from '../../shared/domain/sla.js';
import { customerNotFound, getCustomer } from '../db/customers.js';
import { listRequestRecords } from '../db/requests.js';
import type { Database } from '../db/schema.js';
import { compareText } from '../db/support.js';
import { ContractLookup, slaOf } from '../requests/views.js';

export interface ReportContext {
  db: Kysely<Database>;
  now: () => Date;
}

async function scope(ctx: ReportContext, query: ReportQuery) {
  const period = reportPeriod(query, ctx.now());
  const customer = query.customer ?? null;
  if (customer !== null && (await getCustomer(ctx.db, customer)) === undefined) throw customerNotFound(customer);
  return { period, customer };
}

export async function slaReport(ctx: ReportContext, query: ReportQuery): Promise<SlaReport> {
  const { period, customer } = await scope(ctx, query);
  const records = await listRequestRecords(ctx.db, {
    ...(customer === null ? {} : { customerId: customer }),
    acceptedFrom: period.startsAt,
    acceptedBefore: period.endsBefore,
  });
  const now = ctx.now();
  const contracts = new ContractLookup(ctx.db);
  interface Cell {
    accepted: number;
    met: number;
    breached: number;
    running: number;
    responses: number[];
  }
  const cells = new Map<string, Cell>();
  const key = (month: string, priority: Priority) => `${month} ${priority}`;
  for (const month of period.months)
    for (const priority of PRIORITIES)
      cells.set(key(month, priority), { accepted: 0, met: 0, breached: 0, running: 0, responses: [] });
  for (const record of records) {
    if (record.acceptedAt === null) continue;
    const cell = cells.get(key(monthOf(record.acceptedAt), record.priority));
    if (cell === undefined) continue;
    const sla = slaOf(record, await contracts.get(record.contractId), now);
    cell.accepted += 1;
    if (sla.state === 'met') cell.met += 1;
    else if (sla.state === 'breached') cell.breached += 1;
    else if (sla.state === 'running') cell.running += 1;
    if (sla.respondedInMs !== null) cell.responses.push(sla.respondedInMs);
  }
  const rows = period.months.flatMap((month) =>
    PRIORITIES.map((priority) => {
      const { responses, ...counts } = cells.get(key(month, priority))!;
      return {
        month,
        priority,
        ...counts,
        medianResponseMs: median(responses),
        p90ResponseMs: percentile(responses, 90),
      };
    }),
  );
  return { from: period.from, to: period.to, customer, rows };
}

export async function surveyReport(ctx: ReportContext, query: ReportQuery): Promise<SurveyReport> {
  const { period, customer } = await scope(ctx, query);
  let select = ctx.db
    .selectFrom('surveys')
    .innerJoin('requests', 'requests.id', 'surveys.request_id')
    .innerJoin('customers', 'customers.id', 'surveys.customer_id')
    .select([
      'surveys.request_id',
      'surveys.customer_id',
      'customers.name as customer_name',
      'requests.number',
      'requests.product',
      'surveys.rating',
      'surveys.comment',
      'surveys.at',
    ])
    .where('surveys.at', '>=', period.startsAt)
    .where('surveys.at', '<', period.endsBefore);
  if (customer !== null) select = select.where('surveys.customer_id', '=', customer);
  const rows = await select.execute();
  const byMonth = new Map<string, number[]>(period.months.map((m) => [m, []]));
  for (const r of rows) byMonth.get(monthOf(r.at))?.push(r.rating);
  const comments = rows
    .filter((r) => r.comment.trim() !== '')
    .sort((a, b) => compareText(b.at, a.at) || compareText(b.number, a.number))
    .map((r) => ({
      requestId: r.request_id,
      number: r.number,
      customerId: r.customer_id,
      customerName: r.customer_name,
      product: r.product,
      rating: r.rating,
      comment: r.comment,
      at: r.at,
    }));
  return {
    from: period.from,
    to: period.to,
    customer,
    ...summariseRatings(rows.map((r) => r.rating)),
    months: period.months.map((month) => ({ month, ...summariseRatings(byMonth.get(month) ?? []) })),
    comments,
  };
}

/** Versions in the order people read them (2.10 after 2.9), falling back to the text for anything else. */
function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || compareText(a, b);
}

export async function downloadReport(ctx: ReportContext, query: ReportQuery): Promise<DownloadReport> {
  const { period, customer } = await scope(ctx, query);
  let select = ctx.db
    .selectFrom('downloads')
    .innerJoin('accounts', 'accounts.id', 'downloads.account_id')
    .innerJoin('customers', 'customers.id', 'accounts.customer_id')
    .select([
      'customers.id as customer_id',
      'customers.name as customer_name',
      'downloads.serial_number',
      'downloads.product',
      'downloads.version',
      'downloads.bytes',
      'downloads.at',
    ])
    .where('downloads.at', '>=', period.startsAt)
    .where('downloads.at', '<', period.endsBefore);
  if (customer !== null) select = select.where('customers.id', '=', customer);
  const downloads = await select.execute();

  // A serial can be listed by several contracts of its customer (a renewal lists it again): a download belongs to
  // the one whose service period holds its day, else the latest one that had started by then, else the latest.
  const serials = [...new Set(downloads.map((d) => d.serial_number))];
  const listings =
    serials.length === 0
      ? []
      : await ctx.db
          .selectFrom('systems')
          .innerJoin('contracts', 'contracts.id', 'systems.contract_id')
          .select([
            'systems.serial_number',
            'contracts.id',
            'contracts.customer_id',
            'contracts.start_date',
            'contracts.end_date',
          ])
          .where('systems.serial_number', 'in', serials)
          .execute();
  const contractOf = (customerId: string, serial: string, at: string): string | null => {
    const day = at.slice(0, 10);
    const mine = listings
      .filter((l) => l.serial_number === serial && l.customer_id === customerId)
      .sort((a, b) => compareText(b.start_date, a.start_date) || compareText(a.id, b.id));
    const chosen =
      mine.find((l) => l.start_date <= day && day <= l.end_date) ?? mine.find((l) => l.start_date <= day) ?? mine[0];
    return chosen?.id ?? null;
  };

  type Row = DownloadReport['rows'][number];
  const rows = new Map<string, Row>();
  for (const d of downloads) {
    const contractId = contractOf(d.customer_id, d.serial_number, d.at);
    const key = JSON.stringify([d.customer_id, contractId, d.serial_number, d.product]);
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        customerId: d.customer_id,
        customerName: d.customer_name,
        contractId,
        serialNumber: d.serial_number,
        product: d.product,
        count: 0,
        bytes: 0,
        lastAt: d.at,
        releases: [],
      };
      rows.set(key, row);
    }
    row.count += 1;
    // PostgreSQL returns bigint as text.
    row.bytes += Number(d.bytes);
    if (compareText(d.at, row.lastAt) > 0) row.lastAt = d.at;
    if (!row.releases.includes(d.version)) row.releases.push(d.version);
  }
  const sorted = [...rows.values()]
    .map((r) => ({ ...r, releases: r.releases.sort(compareVersions) }))
    .sort(
      (a, b) =>
        compareText(a.customerName, b.customerName) ||
        compareText(a.customerId, b.customerId) ||
        compareText(a.contractId ?? '', b.contractId ?? '') ||
        compareText(a.serialNumber, b.serialNumber) ||
        compareText(a.product, b.product),
    );
  return { from: period.from, to: period.to, customer, rows: sorted };
}

export async function requestReport(ctx: ReportContext, query: ReportQuery): Promise<RequestReport> {
  const { period, customer } = await scope(ctx, query);
  const records = await listRequestRecords(ctx.db, {
    ...(customer === null ? {} : { customerId: customer }),
    submittedFrom: period.startsAt,
    submittedBefore: period.endsBefore,
  });
  type Row = RequestReport['rows'][number];
  const rows = new Map<string, Row>();
  for (const record of records) {
    const version = record.installFailure?.fromVersion ?? null;
    const key = JSON.stringify([record.product, version]);
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        product: record.product,
        version,
        total: 0,
        byState: Object.fromEntries(REQUEST_STATES.map((s) => [s, 0])) as Record<RequestState, number>,
        byPriority: Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>,
      };
      rows.set(key, row);
    }
    row.total += 1;
    row.byState[record.state] += 1;
    row.byPriority[record.priority] += 1;
  }
  // Product, then version newest first, the requests with no recorded version last.
  const sorted = [...rows.values()].sort(
    (a, b) =>
      compareText(a.product, b.product) ||
      (a.version === null ? 1 : 0) - (b.version === null ? 1 : 0) ||
      compareVersions(b.version ?? '', a.version ?? ''),
  );
  return { from: period.from, to: period.to, customer, rows: sorted };
}

export const REPORTS: { [K in ReportKind]: (ctx: ReportContext, query: ReportQuery) => Promise<ReportOf[K]> } = {
  sla: slaReport,
  surveys: surveyReport,
  downloads: downloadReport,
  requests: requestReport,
};

/** Any one report, by its name. */
export function runReport(ctx: ReportContext, kind: ReportKind, query: ReportQuery): Promise<ReportOf[ReportKind]> {
  return REPORTS[kind](ctx, query);
}
