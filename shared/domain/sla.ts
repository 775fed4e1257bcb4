/**
 * The TAC response-time SLA: how long TAC has, per priority, from accepting a request to first contacting the
 * customer, and where each request stands against that promise.
 */
import type { z } from 'zod';
import type { ResponseTargetSchema } from '../contracts/entitlement.js';
import { HicareError } from '../errors.js';
import type { DisplayLocale } from '../i18n/locales.js';
import { translate } from '../i18n/translator.js';
import {
  addDays,
  assertCalendarDate,
  assertInstant,
  assertTimeZone,
  wallClockAt,
  weekdayOf,
  zonedInstant,
} from './dates.js';
import type { CalendarDate, Weekday } from './dates.js';

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A response time as contract data gives it (read off ResponseTargetSchema, so the two cannot drift). */
export type ResponseTarget = z.infer<typeof ResponseTargetSchema>;

export interface PriorityDefinition {
  label: string;
  definition: string;
  responseTarget: ResponseTarget;
  coverage: '24x7';
}

const RESPONSE_TARGETS: Record<Priority, ResponseTarget> = {
  P1: { kind: 'minutes', minutes: 30 },
  P2: { kind: 'minutes', minutes: 60 },
  P3: { kind: 'minutes', minutes: 120 },
  P4: { kind: 'next-business-day' },
};

/** What a priority means, in `locale`: "critical impact on the customer's business operations". */
export function priorityDefinition(priority: Priority, locale: DisplayLocale = 'en'): string {
  return translate(locale, `sla.priority.${priority}.definition`);
}

/** The priorities with their English definitions; a reader's language goes through priorityDefinition(). */
export const PRIORITY_DEFINITIONS: Record<Priority, PriorityDefinition> = Object.fromEntries(
  PRIORITIES.map((p) => [
    p,
    { label: p, definition: priorityDefinition(p), responseTarget: RESPONSE_TARGETS[p], coverage: '24x7' },
  ]),
) as Record<Priority, PriorityDefinition>;

// JSON.stringify throws on bigint and returns undefined for undefined, so messages need a total formatter.
function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function assertPriority(value: unknown): Priority {
  if (typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value)) return value as Priority;
  throw new HicareError('UNKNOWN_PRIORITY.value', { value: describeValue(value) }, { priority: value });
}

export type ResponseTable = Partial<Record<Priority, ResponseTarget>>;
export type RegionalResponseTimes = Record<string, ResponseTable>;

// Overrides come from contract data (JSON), so the static types are not trusted at runtime.
function assertResponseTarget(value: unknown, region: string, priority: string): ResponseTarget {
  const details = { region, priority, override: value };
  if (typeof value !== 'object' || value === null) {
    throw new HicareError('INVALID_INPUT.responseTimeMalformed', { region, priority }, details);
  }
  const target = value as { kind?: unknown; minutes?: unknown };
  if (target.kind === 'next-business-day') return { kind: 'next-business-day' };
  if (target.kind === 'minutes') {
    if (typeof target.minutes === 'number' && Number.isSafeInteger(target.minutes) && target.minutes > 0) {
      return { kind: 'minutes', minutes: target.minutes };
    }
    throw new HicareError(
      'INVALID_INPUT.responseTimeMinutes',
      { region, priority, minutes: String(target.minutes) },
      details,
    );
  }
  throw new HicareError('INVALID_INPUT.responseTimeKind', { region, priority }, details);
}

/**
 * The response target for `priority`, taking the contract's regional table into account. The region's whole table is
 * checked, not only the entry asked for, so a typo in another priority surfaces the first time the region is used.
 */
export function responseTargetFor(
  priority: Priority,
  region?: string,
  overrides?: RegionalResponseTimes,
): ResponseTarget {
  const p = assertPriority(priority);
  // hasOwn: a region called "constructor" must not pick up Object.prototype members.
  if (region !== undefined && overrides !== undefined && overrides !== null && Object.hasOwn(overrides, region)) {
    const table: unknown = overrides[region];
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      throw new HicareError('INVALID_INPUT.responseTableMalformed', { region }, { region });
    }
    let chosen: ResponseTarget | undefined;
    for (const [key, value] of Object.entries(table)) {
      if (!(PRIORITIES as readonly string[]).includes(key)) {
        throw new HicareError(
          'INVALID_INPUT.responseTablePriority',
          { region, priority: key },
          { region, priority: key },
        );
      }
      if (value === undefined) continue;
      const target = assertResponseTarget(value, region, key);
      if (key === p) chosen = target;
    }
    if (chosen !== undefined) return chosen;
  }
  return PRIORITY_DEFINITIONS[p].responseTarget;
}

export interface BusinessCalendar {
  timeZone: string;
  holidays?: CalendarDate[];
  /** Default Monday to Friday. */
  workdays?: Weekday[];
  /** 'HH:MM', default '09:00'. */
  opensAt?: string;
  /** 'HH:MM', default '18:00'. */
  closesAt?: string;
  /** Days off the weekly pattern that are worked all the same (a Saturday moved to make a holiday block longer). */
  workingWeekends?: CalendarDate[];
}

/**
 * One year of a region's calendar. A region's calendar is kept per year because that is how such calendars are
 * decided: the public holidays and the weekend days worked in exchange for them (调休) are announced for a year at a
 * time, so a year is the unit an administrator adds, corrects or removes. The weekly pattern, hours and zone travel
 * with the year, so a change of hours from next year on is next year's version.
 */
export interface CalendarYear {
  year: number;
  timeZone: string;
  opensAt: string;
  closesAt: string;
  workdays: Weekday[];
  holidays: CalendarDate[];
  workingWeekends: CalendarDate[];
}

/** A region's calendar: its yearly versions, in any order. */
export interface VersionedCalendar {
  versions: readonly CalendarYear[];
}

export type SlaCalendar = BusinessCalendar | VersionedCalendar;

interface DayRules {
  timeZone: string;
  holidays: ReadonlySet<CalendarDate>;
  workingWeekends: ReadonlySet<CalendarDate>;
  workdays: ReadonlySet<Weekday>;
  closes: { hour: number; minute: number };
}

interface ResolvedCalendar {
  /** The rules in force for days of `year` (as the calendar's own dates count years). */
  rulesFor(year: number): DayRules;
  /** How many closed days the calendar lists in all, to bound the search for a business day. */
  closedDays: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseHhMm(value: unknown, field: string): { hour: number; minute: number } {
  const m = typeof value === 'string' ? HH_MM.exec(value) : null;
  if (m === null) {
    throw new HicareError('INVALID_INPUT.timeOfDay', { field, value: describeValue(value) }, { [field]: value });
  }
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

function isVersioned(calendar: SlaCalendar): calendar is VersionedCalendar {
  return typeof calendar === 'object' && calendar !== null && 'versions' in calendar;
}

function resolveSingle(calendar: BusinessCalendar): DayRules {
  if (typeof calendar !== 'object' || calendar === null) {
    throw new HicareError('INVALID_INPUT.calendarRequired');
  }
  assertTimeZone(calendar.timeZone);

  const holidays = calendar.holidays ?? [];
  if (!Array.isArray(holidays)) {
    throw new HicareError('INVALID_INPUT.holidaysList');
  }
  for (const h of holidays) assertCalendarDate(h);

  const workdays = calendar.workdays ?? [1, 2, 3, 4, 5];
  // An empty week would leave "next business day" undefined (and the search below unbounded).
  if (
    !Array.isArray(workdays) ||
    workdays.length === 0 ||
    !workdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)
  ) {
    throw new HicareError('INVALID_INPUT.workdaysList', {}, { workdays });
  }

  const opens = parseHhMm(calendar.opensAt ?? '09:00', 'opensAt');
  const closes = parseHhMm(calendar.closesAt ?? '18:00', 'closesAt');
  if (opens.hour * 60 + opens.minute >= closes.hour * 60 + closes.minute) {
    throw new HicareError(
      'INVALID_INPUT.openBeforeClose',
      {},
      { opensAt: calendar.opensAt, closesAt: calendar.closesAt },
    );
  }

  const workingWeekends = calendar.workingWeekends ?? [];
  if (!Array.isArray(workingWeekends)) throw new HicareError('INVALID_INPUT.holidaysList');
  for (const d of workingWeekends) assertCalendarDate(d);

  return {
    timeZone: calendar.timeZone,
    holidays: new Set(holidays),
    workingWeekends: new Set(workingWeekends),
    workdays: new Set(workdays),
    closes,
  };
}

export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2200;

/**
 * Checks one year of a region's calendar as an administrator gives it: a known zone, hours that open before they
 * close, a week with a working day, holidays and moved working days inside the year, and each moved working day on
 * a day the weekly pattern has off (moving work onto a day already worked would change nothing).
 */
export function assertCalendarYear(version: CalendarYear): void {
  const { year } = version;
  if (!Number.isInteger(year) || year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) {
    throw new HicareError(
      'INVALID_INPUT.calendarYear',
      { year: String(year), min: CALENDAR_YEAR_MIN, max: CALENDAR_YEAR_MAX },
      { year },
    );
  }
  assertTimeZone(version.timeZone);
  const opens = parseHhMm(version.opensAt, 'opensAt');
  const closes = parseHhMm(version.closesAt, 'closesAt');
  if (opens.hour * 60 + opens.minute >= closes.hour * 60 + closes.minute) {
    throw new HicareError(
      'INVALID_INPUT.calendarHours',
      { opensAt: version.opensAt, closesAt: version.closesAt },
      { opensAt: version.opensAt, closesAt: version.closesAt },
    );
  }
  if (version.workdays.length === 0) {
    throw new HicareError('INVALID_INPUT.calendarEmptyWeek', { year: String(year) }, { workdays: [] });
  }
  const workdays = new Set(version.workdays);
  for (const date of version.holidays) {
    assertCalendarDate(date);
    if (yearOf(date) !== year) {
      throw new HicareError('INVALID_INPUT.calendarHolidayYear', { date, year: String(year) }, { holiday: date, year });
    }
  }
  const holidays = new Set(version.holidays);
  for (const date of version.workingWeekends) {
    assertCalendarDate(date);
    if (yearOf(date) !== year) {
      throw new HicareError(
        'INVALID_INPUT.calendarWorkingDayYear',
        { date, year: String(year) },
        { workingWeekend: date, year },
      );
    }
    if (workdays.has(weekdayOf(date))) {
      throw new HicareError('INVALID_INPUT.calendarWorkingDayWeekday', { date }, { workingWeekend: date });
    }
    if (holidays.has(date)) {
      throw new HicareError('INVALID_INPUT.calendarWorkingDayHoliday', { date }, { workingWeekend: date });
    }
  }
}

/**
 * The version of `versions` in force for days of `year`: that year's own; for a year no one has entered yet, the
 * latest earlier year's weekly pattern, hours and zone (its holidays, being of its own year, never apply); before
 * the first year entered, the first year's pattern. Undefined only for an empty list.
 */
export function calendarYearFor(versions: readonly CalendarYear[], year: number): CalendarYear | undefined {
  let before: CalendarYear | undefined;
  let after: CalendarYear | undefined;
  for (const v of versions) {
    if (v.year === year) return v;
    if (v.year < year && (before === undefined || v.year > before.year)) before = v;
    if (v.year > year && (after === undefined || v.year < after.year)) after = v;
  }
  return before ?? after;
}

function rulesOf(version: CalendarYear): DayRules {
  return {
    timeZone: version.timeZone,
    holidays: new Set(version.holidays),
    workingWeekends: new Set(version.workingWeekends),
    workdays: new Set(version.workdays),
    closes: parseHhMm(version.closesAt, 'closesAt'),
  };
}

function resolveCalendar(calendar: SlaCalendar): ResolvedCalendar {
  if (!isVersioned(calendar)) {
    const rules = resolveSingle(calendar);
    return { rulesFor: () => rules, closedDays: rules.holidays.size };
  }
  const versions = calendar.versions;
  if (!Array.isArray(versions) || versions.length === 0) throw new HicareError('INVALID_INPUT.calendarRequired');
  for (const v of versions) assertCalendarYear(v);
  const cache = new Map<number, DayRules>();
  const closedDays = versions.reduce((n, v) => n + v.holidays.length, 0);
  return {
    closedDays,
    rulesFor(year) {
      let rules = cache.get(year);
      if (rules === undefined) {
        // Non-empty, checked above.
        rules = rulesOf(calendarYearFor(versions, year)!);
        cache.set(year, rules);
      }
      return rules;
    },
  };
}

/** Whether `date` is a business day under `rules`: a working weekday that is no holiday, or a moved working day. */
function isBusinessDay(date: CalendarDate, rules: DayRules): boolean {
  if (rules.workingWeekends.has(date)) return true;
  return rules.workdays.has(weekdayOf(date)) && !rules.holidays.has(date);
}

/** The calendar day of `instant` where the calendar in force then is kept. */
function localDate(instant: Date, cal: ResolvedCalendar): CalendarDate {
  // The zone belongs to a year's version and the year to the zone's date: read the date in the zone of the UTC
  // year's version, then once more in its own year's zone should that differ (only ever around a new year).
  const first = wallClockAt(instant, cal.rulesFor(instant.getUTCFullYear()).timeZone).date;
  const zone = cal.rulesFor(yearOf(first)).timeZone;
  return wallClockAt(instant, zone).date;
}

function nextBusinessDayClose(acceptedAt: Date, cal: ResolvedCalendar): Date {
  let day = localDate(acceptedAt, cal);
  // Every 7 consecutive days hold a workday, so this ends within 7 days per holiday plus one week.
  const limit = 7 * (cal.closedDays + 1);
  for (let i = 0; i < limit; i++) {
    day = addDays(day, 1);
    const rules = cal.rulesFor(yearOf(day));
    if (isBusinessDay(day, rules)) {
      return zonedInstant(day, rules.closes.hour, rules.closes.minute, rules.timeZone);
    }
  }
  throw new HicareError('INVALID_INPUT.noBusinessDay');
}

/** A region as the SLA reads it: its own response table and its calendar's yearly versions. */
export interface RegionTerms {
  id: string;
  name: string;
  responseTimes: ResponseTable;
  calendars: readonly CalendarYear[];
}

/** What a contract brings to its SLA on its own (time zone, holidays, per-region response tables). */
export interface ContractTerms {
  region: string;
  timeZone: string;
  holidays?: CalendarDate[] | undefined;
  responseTimes?: RegionalResponseTimes | undefined;
}

export interface SlaTerms {
  calendar: SlaCalendar;
  region: string;
  overrides?: RegionalResponseTimes;
}

/**
 * The calendar and response table a contract's requests are judged by. With no record of its region, the contract's
 * own zone, holidays and table, as before regions were kept. With one, the region's calendar (once it has a year)
 * and the region's table, where the contract's own entries for its region still win priority by priority: they were
 * agreed for that customer.
 */
export function slaTermsFor(contract: ContractTerms, region?: RegionTerms): SlaTerms {
  const own = contract.responseTimes?.[contract.region];
  const ownCalendar: BusinessCalendar =
    contract.holidays === undefined
      ? { timeZone: contract.timeZone }
      : { timeZone: contract.timeZone, holidays: contract.holidays };
  if (region === undefined) {
    return {
      calendar: ownCalendar,
      region: contract.region,
      ...(contract.responseTimes === undefined ? {} : { overrides: contract.responseTimes }),
    };
  }
  return {
    calendar: region.calendars.length > 0 ? { versions: region.calendars } : ownCalendar,
    region: contract.region,
    overrides: { [contract.region]: { ...region.responseTimes, ...own } },
  };
}

/** Which calendar and response table apply to a contract, as its customer is shown them. */
export interface CalendarSummary {
  /** The region's id as the contract names it. */
  region: string;
  /** The region's name; null when the region has no record and the contract's own calendar applies. */
  name: string | null;
  timeZone: string;
  opensAt: string;
  closesAt: string;
  workdays: Weekday[];
  /** The next holidays and moved working days from today on, at most `count` of each. */
  holidays: CalendarDate[];
  workingWeekends: CalendarDate[];
  responseTimes: Record<Priority, ResponseTarget>;
}

function hhMm({ hour, minute }: { hour: number; minute: number }): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The calendar in force today under `terms` (from slaTermsFor), with what is coming up in it and the next year. */
export function calendarSummary(terms: SlaTerms, name: string | null, now: Date, count = 5): CalendarSummary {
  assertInstant(now);
  const cal = resolveCalendar(terms.calendar);
  const today = localDate(now, cal);
  const rules = cal.rulesFor(yearOf(today));
  const next = cal.rulesFor(yearOf(today) + 1);
  const upcoming = (a: ReadonlySet<CalendarDate>, b: ReadonlySet<CalendarDate>): CalendarDate[] =>
    [...new Set([...a, ...b])]
      .filter((d) => d >= today)
      .sort()
      .slice(0, count);
  const opens = isVersioned(terms.calendar)
    ? calendarYearFor(terms.calendar.versions, yearOf(today))!.opensAt
    : (terms.calendar.opensAt ?? '09:00');
  return {
    region: terms.region,
    name,
    timeZone: rules.timeZone,
    opensAt: opens,
    closesAt: hhMm(rules.closes),
    workdays: [...rules.workdays].sort(),
    holidays: upcoming(rules.holidays, next.holidays),
    workingWeekends: upcoming(rules.workingWeekends, next.workingWeekends),
    responseTimes: Object.fromEntries(
      PRIORITIES.map((p) => [p, responseTargetFor(p, terms.region, terms.overrides)]),
    ) as Record<Priority, ResponseTarget>,
  };
}

/** When TAC's first response is due for a request accepted at `acceptedAt`. */
export function responseDueAt(
  priority: Priority,
  acceptedAt: Date,
  calendar: SlaCalendar,
  region?: string,
  overrides?: RegionalResponseTimes,
): Date {
  const accepted = assertInstant(acceptedAt);
  // Checked even for minute targets, so a broken calendar is caught on the first request rather than the first P4.
  const cal = resolveCalendar(calendar);
  const target = responseTargetFor(priority, region, overrides);
  switch (target.kind) {
    case 'minutes':
      // Coverage is 24x7: elapsed time counts, so nights, weekends and DST changes need no special handling.
      return new Date(accepted + target.minutes * 60_000);
    case 'next-business-day':
      return nextBusinessDayClose(acceptedAt, cal);
  }
}

export type SlaState = 'awaiting-acceptance' | 'running' | 'met' | 'breached';

export interface SlaStatus {
  state: SlaState;
  dueAt: Date | null;
  /** While no one has responded: time until due, negative when overdue. Null once responded or before acceptance. */
  msLeft: number | null;
  /** First contact minus acceptance, once responded. */
  respondedInMs: number | null;
}

export interface SlaInput {
  priority: Priority;
  acceptedAt: Date | null;
  firstContactAt: Date | null;
  calendar: SlaCalendar;
  region?: string;
  overrides?: RegionalResponseTimes;
}

export function slaStatus(input: SlaInput, now: Date): SlaStatus {
  const nowMs = assertInstant(now);
  const { priority, acceptedAt, firstContactAt, calendar, region, overrides } = input;
  const contact = firstContactAt === null ? null : assertInstant(firstContactAt);

  if (acceptedAt === null) {
    assertPriority(priority);
    resolveCalendar(calendar);
    // The clock only starts at acceptance, so a recorded contact without one means the request's data is inconsistent.
    if (contact !== null) {
      throw new HicareError('INVALID_INPUT.contactNotAccepted');
    }
    return { state: 'awaiting-acceptance', dueAt: null, msLeft: null, respondedInMs: null };
  }

  const accepted = assertInstant(acceptedAt);
  const dueAt = responseDueAt(priority, acceptedAt, calendar, region, overrides);
  const due = dueAt.getTime();

  if (contact !== null) {
    if (contact < accepted) {
      throw new HicareError(
        'INVALID_INPUT.contactBeforeAcceptance',
        {},
        { acceptedAt: acceptedAt.toISOString(), firstContactAt: new Date(contact).toISOString() },
      );
    }
    return { state: contact <= due ? 'met' : 'breached', dueAt, msLeft: null, respondedInMs: contact - accepted };
  }

  const msLeft = due - nowMs;
  return { state: msLeft >= 0 ? 'running' : 'breached', dueAt, msLeft, respondedInMs: null };
}

function queueTier(s: SlaStatus): number {
  if (s.state === 'running' || s.state === 'breached') return s.msLeft !== null ? 0 : 1;
  return s.state === 'awaiting-acceptance' ? 2 : 3;
}

/**
 * Engineers' queue order: open clocks with the least time left first (so the most overdue breach leads), then
 * breaches already responded to, then requests still awaiting acceptance, then those met. Ties fall back to due time.
 */
export function compareByTimeLeft(a: SlaStatus, b: SlaStatus): number {
  const tier = queueTier(a) - queueTier(b);
  if (tier !== 0) return tier;
  if (a.msLeft !== null && b.msLeft !== null && a.msLeft !== b.msLeft) return a.msLeft - b.msLeft;
  const aDue = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bDue = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (aDue === bDue) return 0;
  return aDue < bDue ? -1 : 1;
}
