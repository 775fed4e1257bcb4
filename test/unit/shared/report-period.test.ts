import { describe, expect, it } from 'vitest';
import {
  median,
  monthOf,
  parseMonth,
  percentile,
  reportPeriod,
  summariseRatings,
} from '../../../shared/domain/report-period.js';
import { isHicareError } from '../../../shared/errors.js';

const NOW = new Date('2026-11-24T10:00:00Z');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isHicareError(e) ? `${e.code} ${e.key}` : 'uncoded';
  }
  return undefined;
}

describe('report months', () => {
  it.each([
    ['2026-01', '2026-01'],
    ['2026-12', '2026-12'],
  ])('reads %s', (given, month) => expect(parseMonth(given)).toBe(month));

  it.each(['2026-13', '2026-00', '2026-1', '26-01', '2026/01', '', '2026-01-01'])('refuses %j', (given) => {
    expect(codeOf(() => parseMonth(given))).toBe('INVALID_INPUT INVALID_INPUT.reportMonth');
  });

  it.each([
    ['2026-11-30T23:59:59.999Z', '2026-11'],
    ['2026-12-01T00:00:00.000Z', '2026-12'],
    // A request accepted on the 1st in Shanghai, still the 30th in UTC, counts for the month before.
    ['2026-11-30T16:30:00.000Z', '2026-11'],
  ])('puts %s in %s (UTC)', (instant, month) => expect(monthOf(instant)).toBe(month));

  it.each([
    [{}, '2025-12', '2026-11', 12],
    [{ to: '2026-03' }, '2025-04', '2026-03', 12],
    [{ from: '2026-10' }, '2026-10', '2026-11', 2],
    [{ from: '2027-02' }, '2027-02', '2027-02', 1],
    [{ from: '2025-11', to: '2026-02' }, '2025-11', '2026-02', 4],
    [{ from: '2016-12', to: '2026-11' }, '2016-12', '2026-11', 120],
  ])('resolves %j to %s…%s', (query, from, to, count) => {
    const p = reportPeriod(query, NOW);
    expect([p.from, p.to, p.months.length]).toEqual([from, to, count]);
    expect(p.startsAt).toBe(`${from}-01T00:00:00.000Z`);
    expect(p.months.at(-1)).toBe(to);
  });

  it('ends a December period before the next January', () => {
    expect(reportPeriod({ from: '2026-12', to: '2026-12' }, NOW).endsBefore).toBe('2027-01-01T00:00:00.000Z');
  });

  it.each([
    [{ from: '2026-11', to: '2026-10' }, 'END_BEFORE_START END_BEFORE_START.reportMonths'],
    [{ from: '2016-11', to: '2026-11' }, 'INVALID_INPUT INVALID_INPUT.reportSpan'],
    [{ from: '2026-13' }, 'INVALID_INPUT INVALID_INPUT.reportMonth'],
  ])('refuses %j', (query, code) => expect(codeOf(() => reportPeriod(query, NOW))).toBe(code));
});

describe('report figures', () => {
  it.each([
    [[], null, null],
    [[5], 5, 5],
    [[40, 70], 55, 70],
    [[3, 1, 2], 2, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 6, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 10],
  ])('of %j: median %s, 90th percentile %s', (values, mid, p90) => {
    expect(median(values)).toBe(mid);
    expect(percentile(values, 90)).toBe(p90);
  });

  it.each([
    [[], 0, null, { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }],
    [[4, 5], 2, 4.5, { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 }],
    [[1, 2, 2], 3, 1.67, { '1': 1, '2': 2, '3': 0, '4': 0, '5': 0 }],
  ])('sums ratings %j', (ratings, count, averageRating, distribution) => {
    expect(summariseRatings(ratings)).toEqual({ count, averageRating, distribution });
  });
});
