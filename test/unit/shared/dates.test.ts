import { describe, it, expect } from 'vitest';
import {
  addDays,
  assertCalendarDate,
  assertInstant,
  assertTimeZone,
  calendarDateAt,
  dayNumber,
  daysBetween,
  endOfDayExclusive,
  fromDayNumber,
  startOfDay,
  wallClockAt,
  weekdayOf,
  zonedInstant,
} from '../../../shared/domain/dates.js';
import type { CalendarDate, WallClock, Weekday } from '../../../shared/domain/dates.js';
import { codeOf } from '../../support.js';

const HOUR = 3_600_000;
const at = (iso: string): Date => new Date(iso);

describe('dayNumber and fromDayNumber', () => {
  it.each<[CalendarDate, number]>([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-01-01', 10_957],
    ['2000-02-29', 11_016],
    ['2000-03-01', 11_017],
    ['2027-01-01', 20_819],
    ['2027-03-31', 20_908],
    ['2028-01-01', 21_184],
    ['2028-02-29', 21_243],
  ])('%s is day %i', (date, n) => {
    expect(dayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it.each<[CalendarDate]>([
    ['1900-02-28'],
    ['1900-03-01'],
    ['1999-12-31'],
    ['2024-02-29'],
    ['2026-03-29'],
    ['2027-03-28'],
    ['2027-10-31'],
    ['2027-11-07'],
    ['2027-12-31'],
    ['2100-02-28'],
    ['2100-03-01'],
    ['9999-12-31'],
  ])('%s survives the round trip', (date) => {
    expect(fromDayNumber(dayNumber(date))).toBe(date);
    expect(() => assertCalendarDate(date)).not.toThrow();
  });

  it('every day number from 1999 to 2031 round-trips and consecutive dates are one apart', () => {
    const first = dayNumber('1999-01-01');
    const last = dayNumber('2031-12-31');
    let previous = fromDayNumber(first - 1);
    for (let n = first; n <= last; n += 1) {
      const date = fromDayNumber(n);
      expect(dayNumber(date)).toBe(n);
      expect(date > previous).toBe(true);
      previous = date;
    }
  });
});

describe('addDays and daysBetween', () => {
  it.each<[string, CalendarDate, number, CalendarDate]>([
    ['zero days', '2027-03-31', 0, '2027-03-31'],
    ['into the next month', '2027-01-31', 1, '2027-02-01'],
    ['into the next year', '2027-12-31', 1, '2028-01-01'],
    ['onto a leap day', '2028-02-28', 1, '2028-02-29'],
    ['off a leap day', '2028-02-29', 1, '2028-03-01'],
    ['past February in a common year', '2027-02-28', 1, '2027-03-01'],
    ['backwards over a year end', '2028-01-01', -1, '2027-12-31'],
    ['backwards over a leap day', '2028-03-01', -1, '2028-02-29'],
    ['over the Berlin spring-forward day', '2027-03-27', 1, '2027-03-28'],
    ['off the Berlin spring-forward day', '2027-03-28', 1, '2027-03-29'],
    ['over the Berlin fall-back day', '2027-10-30', 2, '2027-11-01'],
    ['over the Los Angeles spring-forward day', '2027-03-13', 2, '2027-03-15'],
    ['over the Los Angeles fall-back day', '2027-11-06', 2, '2027-11-08'],
    ['a common year', '2027-01-01', 365, '2028-01-01'],
    ['a leap year', '2028-01-01', 366, '2029-01-01'],
    ['ninety days over a leap February', '2027-12-15', 90, '2028-03-14'],
  ])('%s: %s + %i = %s', (_name, date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
    expect(daysBetween(expected, date)).toBe(0 - days);
  });

  it.each<[string]>([['Europe/Berlin'], ['America/Los_Angeles'], ['Australia/Sydney']])(
    'stepping a day at a time through 2027 stays on local midnight in %s',
    (timeZone) => {
      let date: CalendarDate = '2026-12-31';
      for (let i = 0; i < 366; i += 1) {
        date = addDays(date, 1);
        const wall = wallClockAt(startOfDay(date, timeZone), timeZone);
        expect({ date: wall.date, hour: wall.hour, minute: wall.minute, second: wall.second }).toEqual({
          date,
          hour: 0,
          minute: 0,
          second: 0,
        });
      }
      expect(date).toBe('2028-01-01');
    },
  );
});

describe('weekdayOf', () => {
  it.each<[CalendarDate, Weekday]>([
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['2027-03-28', 0],
    ['2027-03-29', 1],
    ['2027-03-30', 2],
    ['2027-03-31', 3],
    ['2027-04-01', 4],
    ['2027-04-02', 5],
    ['2027-04-03', 6],
    ['2027-12-31', 5],
    ['2028-02-29', 2],
  ])('%s is weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe('wallClockAt', () => {
  it.each<[string, string, WallClock]>([
    ['2027-01-01T00:00:00Z', 'UTC', { date: '2027-01-01', hour: 0, minute: 0, second: 0, weekday: 5 }],
    ['2027-03-31T15:59:59.999Z', 'Asia/Shanghai', { date: '2027-03-31', hour: 23, minute: 59, second: 59, weekday: 3 }],
    ['2027-03-31T16:00:00Z', 'Asia/Shanghai', { date: '2027-04-01', hour: 0, minute: 0, second: 0, weekday: 4 }],
    [
      '2027-01-01T07:59:59Z',
      'America/Los_Angeles',
      { date: '2026-12-31', hour: 23, minute: 59, second: 59, weekday: 4 },
    ],
    [
      '2027-07-01T06:59:59Z',
      'America/Los_Angeles',
      { date: '2027-06-30', hour: 23, minute: 59, second: 59, weekday: 3 },
    ],
    ['2027-07-01T07:00:00Z', 'America/Los_Angeles', { date: '2027-07-01', hour: 0, minute: 0, second: 0, weekday: 4 }],
    ['2027-03-28T00:59:59Z', 'Europe/Berlin', { date: '2027-03-28', hour: 1, minute: 59, second: 59, weekday: 0 }],
    ['2027-03-28T01:00:00Z', 'Europe/Berlin', { date: '2027-03-28', hour: 3, minute: 0, second: 0, weekday: 0 }],
    ['2027-10-31T00:30:00Z', 'Europe/Berlin', { date: '2027-10-31', hour: 2, minute: 30, second: 0, weekday: 0 }],
    ['2027-10-31T01:30:00Z', 'Europe/Berlin', { date: '2027-10-31', hour: 2, minute: 30, second: 0, weekday: 0 }],
    ['2027-01-01T18:29:59Z', 'Asia/Kolkata', { date: '2027-01-01', hour: 23, minute: 59, second: 59, weekday: 5 }],
    ['2027-01-01T18:30:00Z', 'Asia/Kolkata', { date: '2027-01-02', hour: 0, minute: 0, second: 0, weekday: 6 }],
    ['2027-01-01T00:00:00Z', 'Pacific/Kiritimati', { date: '2027-01-01', hour: 14, minute: 0, second: 0, weekday: 5 }],
    ['2027-01-01T00:00:00Z', 'Pacific/Pago_Pago', { date: '2026-12-31', hour: 13, minute: 0, second: 0, weekday: 4 }],
  ])('%s in %s', (iso, timeZone, expected) => {
    expect(wallClockAt(at(iso), timeZone)).toEqual(expected);
  });
});

describe('calendarDateAt', () => {
  it.each<[string, string, CalendarDate]>([
    ['2027-01-01T00:00:00Z', 'UTC', '2027-01-01'],
    ['2027-01-01T00:00:00Z', 'Pacific/Kiritimati', '2027-01-01'],
    ['2027-01-01T00:00:00Z', 'Pacific/Pago_Pago', '2026-12-31'],
    ['2026-12-31T09:59:59.999Z', 'Pacific/Kiritimati', '2026-12-31'],
    ['2026-12-31T10:00:00Z', 'Pacific/Kiritimati', '2027-01-01'],
    ['2027-01-01T10:59:59.999Z', 'Pacific/Pago_Pago', '2026-12-31'],
    ['2027-01-01T11:00:00Z', 'Pacific/Pago_Pago', '2027-01-01'],
    ['2027-01-01T10:30:00Z', 'Pacific/Kiritimati', '2027-01-02'],
    ['2027-01-01T10:30:00Z', 'Pacific/Pago_Pago', '2026-12-31'],
    ['2027-03-31T20:00:00Z', 'Asia/Shanghai', '2027-04-01'],
    ['2027-03-31T20:00:00Z', 'UTC', '2027-03-31'],
    ['2027-03-31T20:00:00Z', 'America/Los_Angeles', '2027-03-31'],
  ])('%s in %s is %s', (iso, timeZone, date) => {
    expect(calendarDateAt(at(iso), timeZone)).toBe(date);
  });
});

describe('zonedInstant', () => {
  it.each<[string, CalendarDate, number, number, string, string]>([
    ['UTC midnight', '2027-03-31', 0, 0, 'UTC', '2027-03-31T00:00:00.000Z'],
    ['Shanghai midnight', '2027-04-01', 0, 0, 'Asia/Shanghai', '2027-03-31T16:00:00.000Z'],
    ['Shanghai last minute', '2027-03-31', 23, 59, 'Asia/Shanghai', '2027-03-31T15:59:00.000Z'],
    ['Los Angeles in summer (PDT)', '2027-06-30', 9, 0, 'America/Los_Angeles', '2027-06-30T16:00:00.000Z'],
    ['Los Angeles in winter (PST)', '2027-01-15', 9, 0, 'America/Los_Angeles', '2027-01-15T17:00:00.000Z'],
    ['Kolkata, a half-hour offset', '2027-01-02', 0, 0, 'Asia/Kolkata', '2027-01-01T18:30:00.000Z'],
    ['Kiritimati (+14)', '2027-01-01', 0, 0, 'Pacific/Kiritimati', '2026-12-31T10:00:00.000Z'],
    ['Pago Pago (-11)', '2027-01-01', 0, 0, 'Pacific/Pago_Pago', '2027-01-01T11:00:00.000Z'],
    ['Berlin, last minute before the spring jump', '2027-03-28', 1, 59, 'Europe/Berlin', '2027-03-28T00:59:00.000Z'],
    ['Berlin 02:00, skipped', '2027-03-28', 2, 0, 'Europe/Berlin', '2027-03-28T01:00:00.000Z'],
    [
      'Berlin 02:30, skipped: just after the jump (03:30 CEST)',
      '2027-03-28',
      2,
      30,
      'Europe/Berlin',
      '2027-03-28T01:30:00.000Z',
    ],
    ['Berlin 03:00, first wall time after the jump', '2027-03-28', 3, 0, 'Europe/Berlin', '2027-03-28T01:00:00.000Z'],
    ['Berlin, before the repeated hour', '2027-10-31', 1, 59, 'Europe/Berlin', '2027-10-30T23:59:00.000Z'],
    [
      'Berlin 02:00, repeated: first occurrence (CEST)',
      '2027-10-31',
      2,
      0,
      'Europe/Berlin',
      '2027-10-31T00:00:00.000Z',
    ],
    [
      'Berlin 02:30, repeated: first occurrence (CEST)',
      '2027-10-31',
      2,
      30,
      'Europe/Berlin',
      '2027-10-31T00:30:00.000Z',
    ],
    [
      'Berlin 02:59, repeated: first occurrence (CEST)',
      '2027-10-31',
      2,
      59,
      'Europe/Berlin',
      '2027-10-31T00:59:00.000Z',
    ],
    ['Berlin 03:00 after the repeated hour', '2027-10-31', 3, 0, 'Europe/Berlin', '2027-10-31T02:00:00.000Z'],
    ['Los Angeles 02:30, skipped (03:30 PDT)', '2027-03-14', 2, 30, 'America/Los_Angeles', '2027-03-14T10:30:00.000Z'],
    [
      'Los Angeles 01:30, repeated: first occurrence (PDT)',
      '2027-11-07',
      1,
      30,
      'America/Los_Angeles',
      '2027-11-07T08:30:00.000Z',
    ],
    ['Sydney 02:30, skipped (03:30 AEDT)', '2027-10-03', 2, 30, 'Australia/Sydney', '2027-10-02T16:30:00.000Z'],
    [
      'Sydney 02:30, repeated: first occurrence (AEDT)',
      '2027-04-04',
      2,
      30,
      'Australia/Sydney',
      '2027-04-03T15:30:00.000Z',
    ],
  ])('%s', (_name, date, hour, minute, timeZone, iso) => {
    expect(zonedInstant(date, hour, minute, timeZone).toISOString()).toBe(iso);
  });

  it.each<[CalendarDate, string]>([
    ['2027-10-31', 'Europe/Berlin'],
    ['2027-11-07', 'America/Los_Angeles'],
    ['2027-04-04', 'Australia/Sydney'],
    ['2027-06-30', 'Asia/Shanghai'],
  ])('every wall time on %s in %s that exists maps back to itself', (date, timeZone) => {
    for (let hour = 0; hour < 24; hour += 1) {
      for (const minute of [0, 29, 30, 59]) {
        const wall = wallClockAt(zonedInstant(date, hour, minute, timeZone), timeZone);
        expect([wall.date, wall.hour, wall.minute]).toEqual([date, hour, minute]);
      }
    }
  });

  it('the repeated hour is resolved one hour earlier than its second occurrence', () => {
    const first = zonedInstant('2027-10-31', 2, 30, 'Europe/Berlin');
    const secondOccurrence = at('2027-10-31T01:30:00Z');
    expect(wallClockAt(secondOccurrence, 'Europe/Berlin')).toMatchObject({ date: '2027-10-31', hour: 2, minute: 30 });
    expect(secondOccurrence.getTime() - first.getTime()).toBe(HOUR);
  });
});

describe('startOfDay and endOfDayExclusive', () => {
  it.each<[string, CalendarDate, string, string, string, number]>([
    [
      'an ordinary Berlin summer day',
      '2027-06-15',
      'Europe/Berlin',
      '2027-06-14T22:00:00.000Z',
      '2027-06-15T22:00:00.000Z',
      24,
    ],
    [
      'the 23-hour Berlin spring-forward day',
      '2027-03-28',
      'Europe/Berlin',
      '2027-03-27T23:00:00.000Z',
      '2027-03-28T22:00:00.000Z',
      23,
    ],
    [
      'the 25-hour Berlin fall-back day',
      '2027-10-31',
      'Europe/Berlin',
      '2027-10-30T22:00:00.000Z',
      '2027-10-31T23:00:00.000Z',
      25,
    ],
    [
      'the 23-hour Los Angeles spring-forward day',
      '2027-03-14',
      'America/Los_Angeles',
      '2027-03-14T08:00:00.000Z',
      '2027-03-15T07:00:00.000Z',
      23,
    ],
    [
      'the 25-hour Los Angeles fall-back day',
      '2027-11-07',
      'America/Los_Angeles',
      '2027-11-07T07:00:00.000Z',
      '2027-11-08T08:00:00.000Z',
      25,
    ],
    ['a Shanghai day', '2027-03-31', 'Asia/Shanghai', '2027-03-30T16:00:00.000Z', '2027-03-31T16:00:00.000Z', 24],
    ['a UTC day', '2027-03-31', 'UTC', '2027-03-31T00:00:00.000Z', '2027-04-01T00:00:00.000Z', 24],
    [
      'a Kiritimati day',
      '2027-01-01',
      'Pacific/Kiritimati',
      '2026-12-31T10:00:00.000Z',
      '2027-01-01T10:00:00.000Z',
      24,
    ],
    ['a Pago Pago day', '2027-01-01', 'Pacific/Pago_Pago', '2027-01-01T11:00:00.000Z', '2027-01-02T11:00:00.000Z', 24],
    [
      'a Santiago day whose midnight is skipped',
      '2027-09-05',
      'America/Santiago',
      '2027-09-05T04:00:00.000Z',
      '2027-09-06T03:00:00.000Z',
      23,
    ],
  ])('%s', (_name, date, timeZone, start, end, hours) => {
    const s = startOfDay(date, timeZone);
    const e = endOfDayExclusive(date, timeZone);
    expect(s.toISOString()).toBe(start);
    expect(e.toISOString()).toBe(end);
    expect((e.getTime() - s.getTime()) / HOUR).toBe(hours);
    expect(calendarDateAt(new Date(s.getTime() - 1), timeZone)).toBe(addDays(date, -1));
    expect(calendarDateAt(s, timeZone)).toBe(date);
    expect(calendarDateAt(new Date(e.getTime() - 1), timeZone)).toBe(date);
    expect(calendarDateAt(e, timeZone)).toBe(addDays(date, 1));
  });

  it('the day whose midnight is skipped starts at 01:00 local', () => {
    expect(wallClockAt(startOfDay('2027-09-05', 'America/Santiago'), 'America/Santiago')).toMatchObject({
      date: '2027-09-05',
      hour: 1,
      minute: 0,
    });
  });
});

describe('assertTimeZone', () => {
  it.each<[string]>([
    ['UTC'],
    ['Europe/Berlin'],
    ['Asia/Shanghai'],
    ['America/Los_Angeles'],
    ['Pacific/Kiritimati'],
    ['Pacific/Pago_Pago'],
  ])('accepts %s', (timeZone) => {
    expect(() => assertTimeZone(timeZone)).not.toThrow();
  });

  it.each<[string, unknown]>([
    ['Mars/Olympus', 'Mars/Olympus'],
    ['an empty name', ''],
    ['a misspelt zone', 'Europe/Berlinn'],
    ['a UTC offset', '+08:00 Shanghai'],
    ['undefined', undefined],
    ['null', null],
  ])('rejects %s', (_name, timeZone) => {
    expect(codeOf(() => assertTimeZone(timeZone as string))).toBe('UNKNOWN_TIME_ZONE');
  });

  it('rejects with the HicareError shape', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TIME_ZONE', details: { timeZone: 'Mars/Olympus' } }),
    );
  });
});

describe('bad input', () => {
  const ok = at('2027-03-31T12:00:00Z');
  const invalid = new Date('nope');

  it.each<[string, () => unknown, string]>([
    ["dayNumber('2027-02-30')", () => dayNumber('2027-02-30'), 'INVALID_DATE'],
    ["dayNumber('2027-02-29'), not a leap year", () => dayNumber('2027-02-29'), 'INVALID_DATE'],
    ["dayNumber('2027-04-31')", () => dayNumber('2027-04-31'), 'INVALID_DATE'],
    ["dayNumber('2027-13-01')", () => dayNumber('2027-13-01'), 'INVALID_DATE'],
    ["dayNumber('2027-00-10')", () => dayNumber('2027-00-10'), 'INVALID_DATE'],
    ["dayNumber('2027-03-00')", () => dayNumber('2027-03-00'), 'INVALID_DATE'],
    ["dayNumber('2027-2-3')", () => dayNumber('2027-2-3'), 'INVALID_DATE'],
    ["dayNumber('27-03-31')", () => dayNumber('27-03-31'), 'INVALID_DATE'],
    ["dayNumber('')", () => dayNumber(''), 'INVALID_DATE'],
    ["dayNumber('2027-03-31T00:00')", () => dayNumber('2027-03-31T00:00'), 'INVALID_DATE'],
    ["dayNumber(' 2027-03-31')", () => dayNumber(' 2027-03-31'), 'INVALID_DATE'],
    ["dayNumber('31.03.2027')", () => dayNumber('31.03.2027'), 'INVALID_DATE'],
    ['dayNumber(20270331)', () => dayNumber(20270331 as unknown as string), 'INVALID_DATE'],
    ['dayNumber(null)', () => dayNumber(null as unknown as string), 'INVALID_DATE'],
    ["assertCalendarDate('2027-02-30')", () => assertCalendarDate('2027-02-30'), 'INVALID_DATE'],
    ["addDays('2027-2-3', 1)", () => addDays('2027-2-3', 1), 'INVALID_DATE'],
    ["daysBetween('2027-03-31', '27-03-31')", () => daysBetween('2027-03-31', '27-03-31'), 'INVALID_DATE'],
    ["weekdayOf('')", () => weekdayOf(''), 'INVALID_DATE'],
    ["zonedInstant('2027-02-30', ...)", () => zonedInstant('2027-02-30', 0, 0, 'UTC'), 'INVALID_DATE'],
    ["startOfDay('2027-2-3', ...)", () => startOfDay('2027-2-3', 'Europe/Berlin'), 'INVALID_DATE'],
    ["endOfDayExclusive('', ...)", () => endOfDayExclusive('', 'Europe/Berlin'), 'INVALID_DATE'],
    ['wallClockAt in Mars/Olympus', () => wallClockAt(ok, 'Mars/Olympus'), 'UNKNOWN_TIME_ZONE'],
    ["wallClockAt in ''", () => wallClockAt(ok, ''), 'UNKNOWN_TIME_ZONE'],
    ['calendarDateAt in Mars/Olympus', () => calendarDateAt(ok, 'Mars/Olympus'), 'UNKNOWN_TIME_ZONE'],
    ["zonedInstant in ''", () => zonedInstant('2027-03-31', 0, 0, ''), 'UNKNOWN_TIME_ZONE'],
    ['startOfDay in Mars/Olympus', () => startOfDay('2027-03-31', 'Mars/Olympus'), 'UNKNOWN_TIME_ZONE'],
    ["endOfDayExclusive in ''", () => endOfDayExclusive('2027-03-31', ''), 'UNKNOWN_TIME_ZONE'],
    ["assertInstant(new Date('nope'))", () => assertInstant(invalid), 'INVALID_INSTANT'],
    [
      'assertInstant of an ISO string',
      () => assertInstant('2027-03-31T12:00:00Z' as unknown as Date),
      'INVALID_INSTANT',
    ],
    ['assertInstant of a number', () => assertInstant(0 as unknown as Date), 'INVALID_INSTANT'],
    ['wallClockAt an invalid instant', () => wallClockAt(invalid, 'UTC'), 'INVALID_INSTANT'],
    ['calendarDateAt an invalid instant', () => calendarDateAt(invalid, 'Asia/Shanghai'), 'INVALID_INSTANT'],
  ])('%s', (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it('assertInstant returns the epoch milliseconds of a valid instant', () => {
    expect(assertInstant(ok)).toBe(Date.UTC(2027, 2, 31, 12));
  });
});
