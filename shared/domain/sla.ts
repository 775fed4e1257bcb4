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
}

interface ResolvedCalendar {
  timeZone: string;
  holidays: ReadonlySet<CalendarDate>;
  workdays: ReadonlySet<Weekday>;
  closes: { hour: number; minute: number };
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseHhMm(value: unknown, field: string): { hour: number; minute: number } {
  const m = typeof value === 'string' ? HH_MM.exec(value) : null;
  if (m === null) {
    throw new HicareError('INVALID_INPUT.timeOfDay', { field, value: describeValue(value) }, { [field]: value });
  }
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function resolveCalendar(calendar: BusinessCalendar): ResolvedCalendar {
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

  return { timeZone: calendar.timeZone, holidays: new Set(holidays), workdays: new Set(workdays), closes };
}

function nextBusinessDayClose(acceptedAt: Date, cal: ResolvedCalendar): Date {
  let day = wallClockAt(acceptedAt, cal.timeZone).date;
  // Every 7 consecutive days hold a workday, so this ends within 7 days per holiday plus one week.
  const limit = 7 * (cal.holidays.size + 1);
  for (let i = 0; i < limit; i++) {
    day = addDays(day, 1);
    if (cal.workdays.has(weekdayOf(day)) && !cal.holidays.has(day)) {
      return zonedInstant(day, cal.closes.hour, cal.closes.minute, cal.timeZone);
    }
  }
  throw new HicareError('INVALID_INPUT.noBusinessDay');
}

/** When TAC's first response is due for a request accepted at `acceptedAt`. */
export function responseDueAt(
  priority: Priority,
  acceptedAt: Date,
  calendar: BusinessCalendar,
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
  calendar: BusinessCalendar;
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
