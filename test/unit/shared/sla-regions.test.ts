import { describe, expect, it } from 'vitest';
import {
  assertCalendarYear,
  calendarSummary,
  calendarYearFor,
  responseDueAt,
  slaTermsFor,
  type CalendarYear,
  type Priority,
  type RegionTerms,
  type SlaCalendar,
} from '../../../shared/domain/sla.js';
import { codeOf } from '../../support.js';

/** China 2027 as the State Council might publish it: National Day 1–7 October, Sunday 26 September and Saturday 9
 * October worked in exchange; Spring Festival 5–11 February with Saturday 20 February worked. */
const CN_2027: CalendarYear = {
  year: 2027,
  timeZone: 'Asia/Shanghai',
  opensAt: '09:00',
  closesAt: '18:00',
  workdays: [1, 2, 3, 4, 5],
  holidays: [
    '2027-01-01',
    '2027-02-05',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-10-01',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ],
  workingWeekends: ['2027-02-20', '2027-09-26', '2027-10-09'],
};
const CN: SlaCalendar = { versions: [CN_2027] };
/** From 2028 the region's desk opens on Saturdays too, and closes at 17:30. */
const CN_2028: CalendarYear = {
  ...CN_2027,
  year: 2028,
  closesAt: '17:30',
  workdays: [1, 2, 3, 4, 5, 6],
  holidays: ['2028-01-03'],
  workingWeekends: [],
};

describe('responseDueAt with a region’s yearly calendar (Shanghai is UTC+8, 18:00 is 10:00Z)', () => {
  it.each<[string, string, SlaCalendar, string]>([
    [
      'the day before National Day -> the first working day after the block',
      '2027-09-30T02:00:00Z',
      CN,
      '2027-10-08T10:00:00Z',
    ],
    ['inside the holiday block -> the first working day after it', '2027-10-03T02:00:00Z', CN, '2027-10-08T10:00:00Z'],
    ['Friday before a moved working Sunday -> that Sunday counts', '2027-09-24T02:00:00Z', CN, '2027-09-26T10:00:00Z'],
    ['Friday after the block -> the moved working Saturday counts', '2027-10-08T02:00:00Z', CN, '2027-10-09T10:00:00Z'],
    ['the moved working Saturday itself -> Monday', '2027-10-09T02:00:00Z', CN, '2027-10-11T10:00:00Z'],
    ['an ordinary Friday -> Monday (weekends still off)', '2027-09-17T02:00:00Z', CN, '2027-09-20T10:00:00Z'],
    ['before Spring Festival -> Friday 12th', '2027-02-04T02:00:00Z', CN, '2027-02-12T10:00:00Z'],
    [
      '00:30 on Friday in Shanghai (Thursday in UTC) counts as Friday',
      '2027-09-23T16:30:00Z',
      CN,
      '2027-09-26T10:00:00Z',
    ],
    [
      'a year with no version takes the latest pattern, without that year’s holidays',
      '2028-09-29T02:00:00Z',
      CN,
      '2028-10-02T10:00:00Z',
    ],
    [
      'the new year’s version decides its own days (Saturday worked, 17:30)',
      '2028-01-07T02:00:00Z',
      { versions: [CN_2028, CN_2027] },
      '2028-01-08T09:30:00Z',
    ],
    [
      'across the new year, the day is judged by the next year’s version',
      '2027-12-31T02:00:00Z',
      { versions: [CN_2027, CN_2028] },
      '2028-01-01T09:30:00Z',
    ],
    [
      'a year before the first version takes the first one’s pattern',
      '2026-11-27T02:00:00Z',
      CN,
      '2026-11-30T10:00:00Z',
    ],
  ])('P4: %s', (_name, accepted, calendar, due) => {
    expect(responseDueAt('P4', new Date(accepted), calendar).toISOString()).toBe(due.replace('Z', '.000Z'));
  });

  it('counts a moved working day in a single (unversioned) calendar too', () => {
    const due = responseDueAt('P4', new Date('2027-09-24T02:00:00Z'), {
      timeZone: 'Asia/Shanghai',
      workingWeekends: ['2027-09-26'],
    });
    expect(due.toISOString()).toBe('2027-09-26T10:00:00.000Z');
  });

  it('keeps minute targets around the clock, holidays or not', () => {
    expect(responseDueAt('P1', new Date('2027-10-02T02:00:00Z'), CN).toISOString()).toBe('2027-10-02T02:30:00.000Z');
  });
});

describe('calendarYearFor', () => {
  it.each<[number, number | undefined]>([
    [2027, 2027],
    [2028, 2028],
    [2030, 2028],
    [2020, 2027],
  ])('year %i is governed by the version of %s', (year, expected) => {
    expect(calendarYearFor([CN_2028, CN_2027], year)?.year).toBe(expected);
  });

  it('has no version in an empty calendar', () => {
    expect(calendarYearFor([], 2027)).toBeUndefined();
  });
});

describe('assertCalendarYear refuses what an administrator could mistype', () => {
  it('accepts the Chinese 2027 calendar', () => {
    expect(() => assertCalendarYear(CN_2027)).not.toThrow();
  });

  it.each<[string, Partial<CalendarYear>, string]>([
    ['an unknown time zone', { timeZone: 'Asia/Peking' }, 'UNKNOWN_TIME_ZONE'],
    ['a holiday outside its year', { holidays: ['2028-01-01'] }, 'INVALID_INPUT'],
    ['a moved working day outside its year', { workingWeekends: ['2026-12-26'] }, 'INVALID_INPUT'],
    ['a moved working day on a Wednesday', { workingWeekends: ['2027-09-29'] }, 'INVALID_INPUT'],
    [
      'a moved working day that is also a holiday',
      { holidays: ['2027-10-02'], workingWeekends: ['2027-10-02'] },
      'INVALID_INPUT',
    ],
    ['hours that end before they start', { opensAt: '18:00', closesAt: '09:00' }, 'INVALID_INPUT'],
    ['hours that end as they start', { opensAt: '09:00', closesAt: '09:00' }, 'INVALID_INPUT'],
    ['an empty working week', { workdays: [] }, 'INVALID_INPUT'],
    ['a year out of range', { year: 1999, holidays: [], workingWeekends: [] }, 'INVALID_INPUT'],
  ])('%s', (_name, change, code) => {
    expect(codeOf(() => assertCalendarYear({ ...CN_2027, ...change }))).toBe(code);
  });

  it.each<[string, Partial<CalendarYear>, string]>([
    ['a holiday outside its year', { holidays: ['2028-01-01'] }, 'calendarHolidayYear'],
    ['a moved working day outside its year', { workingWeekends: ['2026-12-26'] }, 'calendarWorkingDayYear'],
    ['a moved working day on a working weekday', { workingWeekends: ['2027-09-29'] }, 'calendarWorkingDayWeekday'],
    ['hours that end before they start', { opensAt: '18:00', closesAt: '09:00' }, 'calendarHours'],
    ['an empty working week', { workdays: [] }, 'calendarEmptyWeek'],
  ])('names the reason for %s', (_name, change, variant) => {
    expect(() => assertCalendarYear({ ...CN_2027, ...change })).toThrow(
      expect.objectContaining({ key: `INVALID_INPUT.${variant}` }),
    );
  });
});

describe('slaTermsFor: the region’s terms when it has a record, the contract’s own otherwise', () => {
  const contract = { region: 'CN', timeZone: 'Europe/Berlin', holidays: ['2027-10-01'] };
  const region: RegionTerms = {
    id: 'CN',
    name: 'China',
    responseTimes: { P1: { kind: 'minutes', minutes: 20 }, P4: { kind: 'minutes', minutes: 600 } },
    calendars: [CN_2027],
  };
  const accepted = new Date('2027-09-30T02:00:00Z');
  const due = (terms: ReturnType<typeof slaTermsFor>, priority: Priority): string =>
    responseDueAt(priority, accepted, terms.calendar, terms.region, terms.overrides).toISOString();

  it.each<[string, Parameters<typeof slaTermsFor>, Priority, string]>([
    ['no region record: the contract’s zone and holidays', [contract], 'P4', '2027-10-04T16:00:00.000Z'],
    ['the region’s table replaces the default', [contract, region], 'P1', '2027-09-30T02:20:00.000Z'],
    [
      'the region’s calendar replaces the contract’s',
      [contract, { ...region, responseTimes: {} }],
      'P4',
      '2027-10-08T10:00:00.000Z',
    ],
    [
      'the contract’s own entry for its region wins for its priority',
      [{ ...contract, responseTimes: { CN: { P1: { kind: 'minutes', minutes: 15 } } } }, region],
      'P1',
      '2027-09-30T02:15:00.000Z',
    ],
    [
      '…and only for its priority',
      [{ ...contract, responseTimes: { CN: { P1: { kind: 'minutes', minutes: 15 } } } }, region],
      'P4',
      '2027-09-30T12:00:00.000Z',
    ],
    [
      'a region with no calendar year yet keeps the contract’s calendar',
      [contract, { ...region, responseTimes: {}, calendars: [] }],
      'P4',
      '2027-10-04T16:00:00.000Z',
    ],
  ])('%s', (_name, args, priority, expected) => {
    expect(due(slaTermsFor(...args), priority)).toBe(expected);
  });
});

describe('calendarSummary: what the customer is shown', () => {
  const region: RegionTerms = {
    id: 'CN',
    name: 'China',
    responseTimes: { P2: { kind: 'minutes', minutes: 45 } },
    calendars: [CN_2027],
  };

  it('shows the region’s calendar in force, the coming holidays and moved working days, and the table', () => {
    const summary = calendarSummary(
      slaTermsFor({ region: 'CN', timeZone: 'UTC' }, region),
      'China',
      new Date('2027-09-20T00:00:00Z'),
      3,
    );
    expect(summary).toEqual({
      region: 'CN',
      name: 'China',
      timeZone: 'Asia/Shanghai',
      opensAt: '09:00',
      closesAt: '18:00',
      workdays: [1, 2, 3, 4, 5],
      holidays: ['2027-10-01', '2027-10-04', '2027-10-05'],
      workingWeekends: ['2027-09-26', '2027-10-09'],
      responseTimes: {
        P1: { kind: 'minutes', minutes: 30 },
        P2: { kind: 'minutes', minutes: 45 },
        P3: { kind: 'minutes', minutes: 120 },
        P4: { kind: 'next-business-day' },
      },
    });
  });

  it('shows the contract’s own calendar when its region has no record', () => {
    const summary = calendarSummary(
      slaTermsFor({ region: 'EMEA', timeZone: 'Europe/Berlin', holidays: ['2026-12-25', '2026-01-01'] }),
      null,
      new Date('2026-11-24T10:00:00Z'),
    );
    expect(summary).toMatchObject({
      name: null,
      timeZone: 'Europe/Berlin',
      opensAt: '09:00',
      holidays: ['2026-12-25'],
    });
  });
});
