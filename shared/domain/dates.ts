/**
 * Calendar dates and wall-clock time in a named IANA time zone, computed with Intl only (no Node, no DOM), so the
 * portal, the app and the renderer agree on "the contract ends on 2027-03-31" meaning the end of that day *there*.
 */
import { HicareError } from '../errors.js';

/** A calendar date as written on a contract: `YYYY-MM-DD`. */
export type CalendarDate = string;

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday, as Date#getUTCDay

export interface WallClock {
  date: CalendarDate;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const WEEKDAYS: Record<string, Weekday> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        weekday: 'short',
      });
    } catch {
      throw new HicareError('UNKNOWN_TIME_ZONE.value', { timeZone }, { timeZone });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws UNKNOWN_TIME_ZONE unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string' || timeZone.length === 0) {
    throw new HicareError('UNKNOWN_TIME_ZONE.required');
  }
  formatterFor(timeZone);
}

// A verdict reads the same few contract and lifecycle dates a dozen times, and a fleet report asks for thousands of
// verdicts: dates and day numbers are remembered both ways (bounded memos of plain strings and numbers, so no caller
// can alter an answer; only valid dates get in).
const dayMemo = new Map<string, number>();
const DAY_MEMO_MAX = 4096;

/** Parses `YYYY-MM-DD` strictly (2027-02-30 is rejected) into days since 1970-01-01. */
export function dayNumber(date: CalendarDate): number {
  const known = typeof date === 'string' ? dayMemo.get(date) : undefined;
  if (known !== undefined) return known;
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (m !== null) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      if (dayMemo.size >= DAY_MEMO_MAX) dayMemo.clear();
      dayMemo.set(date, ms / DAY_MS);
      return ms / DAY_MS;
    }
  }
  throw new HicareError('INVALID_DATE.value', { value: String(date) }, { date });
}

export function assertCalendarDate(date: CalendarDate): void {
  dayNumber(date);
}

const dateMemo = new Map<number, CalendarDate>();

export function fromDayNumber(day: number): CalendarDate {
  let date = dateMemo.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateMemo.size >= DAY_MEMO_MAX) dateMemo.clear();
    dateMemo.set(day, date);
  }
  return date;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function weekdayOf(date: CalendarDate): Weekday {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay() as Weekday;
}

export function assertInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new HicareError('INVALID_INSTANT');
  }
  return ms;
}

// Intl's formatToParts costs microseconds, and one verdict asks for the same few readings many times (the same
// `now`, the same contract days): a last-reading memo per zone and a bounded memo of zoned instants keep the
// portal's entitlement answers fast without changing any result.
const lastReading = new Map<string, { ms: number; wall: WallClock }>();
const zonedMemo = new Map<string, number>();
const ZONED_MEMO_MAX = 4096;

/** The wall clock in `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const ms = assertInstant(instant);
  const last = lastReading.get(timeZone);
  if (last !== undefined && last.ms === ms) return { ...last.wall };
  const wall = readWallClock(ms, timeZone);
  lastReading.set(timeZone, { ms, wall });
  return { ...wall };
}

function readWallClock(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

/** The calendar date in `timeZone` at `instant`. */
export function calendarDateAt(instant: Date, timeZone: string): CalendarDate {
  return wallClockAt(instant, timeZone).date;
}

function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockAt(new Date(ms), timeZone);
  const asUtc = dayNumber(w.date) * DAY_MS + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hour:minute`. A wall time skipped by a DST jump
 * maps to the instant just after the jump; a repeated one to its first occurrence.
 */
export function zonedInstant(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  // Only valid inputs are ever memoised, so a hit needs no checks.
  const key = `${String(date)}|${hour}|${minute}|${String(timeZone)}`;
  const memo = zonedMemo.get(key);
  if (memo !== undefined) return new Date(memo);
  const result = computeZonedInstant(date, hour, minute, timeZone);
  if (zonedMemo.size >= ZONED_MEMO_MAX) zonedMemo.clear();
  zonedMemo.set(key, result.getTime());
  return result;
}

function computeZonedInstant(date: CalendarDate, hour: number, minute: number, timeZone: string): Date {
  assertTimeZone(timeZone);
  const wall = dayNumber(date) * DAY_MS + (hour * 60 + minute) * 60_000;
  // The offsets in force a day either side bracket any transition near this wall time.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter((ms) => ms + offsetAt(ms, timeZone) === wall);
  // Two readings: the repeated hour, take the first. None: the skipped hour, read it with the offset before the jump.
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wall - before);
}

/** The first instant of `date` in `timeZone`. */
export function startOfDay(date: CalendarDate, timeZone: string): Date {
  return zonedInstant(date, 0, 0, timeZone);
}

/** The first instant after `date` ends in `timeZone` (so "through the end of that day" is `t < endOfDay`). */
export function endOfDayExclusive(date: CalendarDate, timeZone: string): Date {
  return startOfDay(addDays(date, 1), timeZone);
}
