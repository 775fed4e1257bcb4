/**
 * The back office's regions: create and change a region's name and response-time table, and add, replace or remove
 * a year of its business calendar. The console's routes and the `hicare-portal region` commands both call these,
 * and each change is audited in the transaction that makes it.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  CalendarYearBodySchema,
  CalendarYearSchema,
  RegionCreateSchema,
  RegionIdSchema,
  RegionUpdateSchema,
  type CalendarYearView,
  type Region,
  type RegionCreate,
  type RegionUpdate,
} from '../../shared/contracts/admin/regions.js';
import { invalidValues, plainIssues, safeParsePlain } from '../../shared/api/plain-issues.js';
import { assertCalendarYear } from '../../shared/domain/sla.js';
import { HicareError } from '../../shared/errors.js';
import { findRegion } from '../db/regions.js';
import type { Database } from '../db/schema.js';
import { isUniqueViolation, toIso } from '../db/support.js';
import { recordChange, type AdminActor } from './audit.js';

/** The API checked its input already; the command line has not, so each change checks it here, once for both. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = safeParsePlain(schema, value);
  if (!r.success) throw invalidValues(plainIssues(r.error), 'INVALID_INPUT.values');
  return r.data;
}

export function regionNotFound(id: string): HicareError {
  return new HicareError('NOT_FOUND.region', { id }, { region: id });
}

export async function getRegion(db: Kysely<Database>, id: string): Promise<Region> {
  const region = await findRegion(db, parsed(RegionIdSchema, id));
  if (region === undefined) throw regionNotFound(id);
  return region;
}

export async function createRegion(
  db: Kysely<Database>,
  actor: AdminActor,
  input: RegionCreate,
  now: Date,
): Promise<Region> {
  const { id, name, responseTimes = {} } = parsed(RegionCreateSchema, input);
  const at = toIso(now);
  try {
    await db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('regions').select('id').where('id', '=', id).executeTakeFirst();
      if (existing !== undefined) throw new HicareError('ALREADY_EXISTS.region', { id }, { region: id });
      await trx
        .insertInto('regions')
        .values({ id, name, response_times: JSON.stringify(responseTimes), created_at: at, updated_at: at })
        .execute();
      await recordChange(
        trx,
        actor,
        { action: 'region.create', subject: 'region', subjectId: id, changes: { name, responseTimes } },
        now,
      );
    });
  } catch (error) {
    // Two administrators creating the same region at once: the loser hears what the check above would have said.
    if (isUniqueViolation(error)) throw new HicareError('ALREADY_EXISTS.region', { id }, { region: id });
    throw error;
  }
  return getRegion(db, id);
}

export async function updateRegion(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  input: RegionUpdate,
  now: Date,
): Promise<Region> {
  const regionId = parsed(RegionIdSchema, id);
  const change = parsed(RegionUpdateSchema, input);
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst();
    if (existing === undefined) throw regionNotFound(regionId);
    await trx
      .updateTable('regions')
      .set({
        ...(change.name === undefined ? {} : { name: change.name }),
        ...(change.responseTimes === undefined ? {} : { response_times: JSON.stringify(change.responseTimes) }),
        updated_at: toIso(now),
      })
      .where('id', '=', regionId)
      .execute();
    await recordChange(
      trx,
      actor,
      { action: 'region.update', subject: 'region', subjectId: regionId, changes: change },
      now,
    );
  });
  return getRegion(db, regionId);
}

type CalendarVerb = 'add' | 'replace' | 'remove';

/** Runs one change to a region's calendar years: the region must exist, the year must (or must not) be there. */
async function changeCalendar(
  db: Kysely<Database>,
  actor: AdminActor,
  regionId: string,
  year: number,
  verb: CalendarVerb,
  version: CalendarYearView | null,
  now: Date,
): Promise<Region> {
  try {
    await db.transaction().execute(async (trx) => {
      const region = await trx.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst();
      if (region === undefined) throw regionNotFound(regionId);
      const existing = await trx
        .selectFrom('region_calendars')
        .select('year')
        .where('region_id', '=', regionId)
        .where('year', '=', year)
        .executeTakeFirst();
      if (verb === 'add' && existing !== undefined) {
        throw new HicareError(
          'ALREADY_EXISTS.regionCalendar',
          { id: regionId, year: String(year) },
          { region: regionId, year },
        );
      }
      if (verb !== 'add' && existing === undefined) {
        throw new HicareError(
          'NOT_FOUND.regionCalendar',
          { id: regionId, year: String(year) },
          { region: regionId, year },
        );
      }
      await trx.deleteFrom('region_calendars').where('region_id', '=', regionId).where('year', '=', year).execute();
      if (version !== null) {
        await trx
          .insertInto('region_calendars')
          .values({
            region_id: regionId,
            year,
            time_zone: version.timeZone,
            opens_at: version.opensAt,
            closes_at: version.closesAt,
            workdays: JSON.stringify([...new Set(version.workdays)].sort()),
            holidays: JSON.stringify([...new Set(version.holidays)].sort()),
            working_weekends: JSON.stringify([...new Set(version.workingWeekends)].sort()),
          })
          .execute();
      }
      await trx
        .updateTable('regions')
        .set({ updated_at: toIso(now) })
        .where('id', '=', regionId)
        .execute();
      await recordChange(
        trx,
        actor,
        {
          action: `region.calendar.${verb}`,
          subject: 'region',
          subjectId: regionId,
          changes: version === null ? { year } : { ...version },
        },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new HicareError(
        'ALREADY_EXISTS.regionCalendar',
        { id: regionId, year: String(year) },
        { region: regionId, year },
      );
    }
    throw error;
  }
  return getRegion(db, regionId);
}

export async function addRegionCalendar(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  input: CalendarYearView,
  now: Date,
): Promise<Region> {
  const version = parsed(CalendarYearSchema, input);
  assertCalendarYear(version);
  return changeCalendar(db, actor, parsed(RegionIdSchema, id), version.year, 'add', version, now);
}

export async function replaceRegionCalendar(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  year: number,
  input: z.input<typeof CalendarYearBodySchema>,
  now: Date,
): Promise<Region> {
  const version = { ...parsed(CalendarYearBodySchema, input), year };
  assertCalendarYear(version);
  return changeCalendar(db, actor, parsed(RegionIdSchema, id), year, 'replace', version, now);
}

export async function removeRegionCalendar(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  year: number,
  now: Date,
): Promise<Region> {
  return changeCalendar(db, actor, parsed(RegionIdSchema, id), year, 'remove', null, now);
}
