/**
 * Regions as stored: the response-time table as JSON text in the region's row, the calendar one row per year. Read
 * here for the back office and for the SLA of every request (../requests/views.ts), which takes a region's terms
 * from these rows whenever a contract names a region that has one.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CalendarYearView, Region, RegionSummary } from '../../shared/contracts/admin/regions.js';
import type { Page } from '../../shared/contracts/admin/paging.js';
import type { RegionTerms, ResponseTable } from '../../shared/domain/sla.js';
import type { Weekday } from '../../shared/domain/dates.js';
import { containsText } from './text-search.js';
import type { Database, RegionCalendarsTable, RegionsTable } from './schema.js';
import { compareText, toNumber } from './support.js';

type Db = Kysely<Database> | Transaction<Database>;

function calendarOfRow(row: Selectable<RegionCalendarsTable>): CalendarYearView {
  return {
    year: toNumber(row.year),
    timeZone: row.time_zone,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    workdays: JSON.parse(row.workdays) as Weekday[],
    holidays: JSON.parse(row.holidays) as string[],
    workingWeekends: JSON.parse(row.working_weekends) as string[],
  };
}

async function calendarsOf(db: Db, regionIds: readonly string[]): Promise<Map<string, CalendarYearView[]>> {
  const out = new Map<string, CalendarYearView[]>();
  if (regionIds.length === 0) return out;
  const rows = await db
    .selectFrom('region_calendars')
    .selectAll()
    .where('region_id', 'in', [...regionIds])
    .orderBy('year')
    .execute();
  for (const row of rows) {
    const list = out.get(row.region_id) ?? [];
    list.push(calendarOfRow(row));
    out.set(row.region_id, list);
  }
  return out;
}

async function contractCounts(db: Db, regionIds: readonly string[]): Promise<Map<string, number>> {
  if (regionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('contracts')
    .select(['region', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('region', 'in', [...regionIds])
    .groupBy('region')
    .execute();
  return new Map(rows.map((r) => [r.region, toNumber(r.n)]));
}

function regionOf(row: Selectable<RegionsTable>, calendars: CalendarYearView[], contracts: number): Region {
  return {
    id: row.id,
    name: row.name,
    responseTimes: JSON.parse(row.response_times) as ResponseTable,
    calendars,
    contracts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findRegion(db: Db, id: string): Promise<Region | undefined> {
  const row = await db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const [calendars, counts] = await Promise.all([calendarsOf(db, [id]), contractCounts(db, [id])]);
  return regionOf(row, calendars.get(id) ?? [], counts.get(id) ?? 0);
}

/** The terms of each named region that has a record; regions without one are simply absent from the map. */
export async function regionTerms(db: Db, ids: readonly string[]): Promise<Map<string, RegionTerms>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [rows, calendars] = await Promise.all([
    db.selectFrom('regions').select(['id', 'name', 'response_times']).where('id', 'in', unique).execute(),
    calendarsOf(db, unique),
  ]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        responseTimes: JSON.parse(r.response_times) as ResponseTable,
        calendars: calendars.get(r.id) ?? [],
      },
    ]),
  );
}

/**
 * By id; `q` matches the id or the name. A vendor has a handful of regions, so they are ordered and paged here, in
 * code-unit order, rather than by each dialect's collation.
 */
export async function listRegions(
  db: Db,
  filter: { q?: string | undefined; offset: number; limit: number },
): Promise<Page<RegionSummary>> {
  const all = await db
    .selectFrom('regions')
    .where((eb) => containsText(eb, ['id', 'name'], filter.q))
    .selectAll()
    .execute();
  const rows = all.sort((a, b) => compareText(a.id, b.id)).slice(filter.offset, filter.offset + filter.limit);
  const ids = rows.map((r) => r.id);
  const [calendars, counts] = await Promise.all([calendarsOf(db, ids), contractCounts(db, ids)]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      responseTimes: JSON.parse(r.response_times) as ResponseTable,
      contracts: counts.get(r.id) ?? 0,
      updatedAt: r.updated_at,
      years: (calendars.get(r.id) ?? []).map((c) => c.year),
    })),
    total: all.length,
    offset: filter.offset,
    limit: filter.limit,
  };
}
