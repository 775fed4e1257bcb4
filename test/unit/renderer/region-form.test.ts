import { describe, expect, it } from 'vitest';
import {
  newYearFrom,
  parseDateLines,
  tableForm,
  tableOf,
} from '../../../renderer/src/screens/console/regions/region-form.js';

describe('region form helpers', () => {
  it.each<[string, string[]]>([
    ['2027-10-01\n2027-10-02\n', ['2027-10-01', '2027-10-02']],
    ['2027-10-02, 2027-10-01  2027-10-02', ['2027-10-01', '2027-10-02']],
    ['2027-10-01，2027-10-03、2027-10-02', ['2027-10-01', '2027-10-02', '2027-10-03']],
    ['  \n ', []],
    ['not-a-date', ['not-a-date']],
  ])('reads dates from %j', (text, dates) => {
    expect(parseDateLines(text)).toEqual(dates);
  });

  it('turns a response table into the form and back', () => {
    const table = { P1: { kind: 'minutes' as const, minutes: 20 }, P4: { kind: 'next-business-day' as const } };
    const form = tableForm(table);
    expect(form.P2).toEqual({ choice: 'default', minutes: '' });
    expect(tableOf(form)).toEqual(table);
    expect(tableOf({ ...form, P3: { choice: 'minutes', minutes: ' ' } }).P3?.kind).toBe('minutes');
    expect(
      Number.isNaN((tableOf({ ...form, P3: { choice: 'minutes', minutes: '' } }).P3 as { minutes: number }).minutes),
    ).toBe(true);
  });

  it('starts a new year from the latest year’s pattern, without its dates', () => {
    const latest = {
      year: 2027,
      timeZone: 'Asia/Shanghai',
      opensAt: '08:30',
      closesAt: '17:30',
      workdays: [1, 2, 3, 4, 5, 6] as (0 | 1 | 2 | 3 | 4 | 5 | 6)[],
      holidays: ['2027-10-01'],
      workingWeekends: ['2027-09-26'],
    };
    expect(newYearFrom([latest], 2028)).toEqual({ ...latest, year: 2028, holidays: [], workingWeekends: [] });
    expect(newYearFrom([], 2028)).toMatchObject({ timeZone: '', opensAt: '09:00', workdays: [1, 2, 3, 4, 5] });
  });
});
