/**
 * The months a back-office report covers, and the figures it sums them into. Months are calendar months in UTC:
 * the vendor's customers sit in many zones, and one zone for everyone gives each request one month, the same in the
 * console, the command line and a spreadsheet, whoever reads it.
 */
import { HicareError } from '../errors.js';

export const REPORT_ZONE = 'UTC';
/** Ten years: enough for any look back, and a bound on what one report may cost. */
export const REPORT_MONTHS_MAX = 120;
/** Without `from`, a report covers this many months up to `to`. */
export const REPORT_MONTHS_DEFAULT = 12;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month as `YYYY-MM`; refuses "2026-13", "2026-1" and anything else with a coded error naming what was given. */
export function parseMonth(given: string): string {
  if (!MONTH.test(given)) throw new HicareError('INVALID_INPUT.reportMonth', { given }, { given });
  return given;
}

function monthIndex(month: string): number {
  const m = MONTH.exec(month);
  if (m === null) throw new HicareError('INVALID_INPUT.reportMonth', { given: month }, { given: month });
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The UTC month an instant falls in. */
export function monthOf(instant: string | Date): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  return monthOfIndex(d.getUTCFullYear() * 12 + d.getUTCMonth());
}

export function addMonths(month: string, n: number): string {
  return monthOfIndex(monthIndex(month) + n);
}

export interface ReportPeriod {
  from: string;
  to: string;
  /** Every month from `from` to `to`, oldest first. */
  months: string[];
  /** The first instant of `from` and the first instant after `to`, as ISO text (the database stores instants so). */
  startsAt: string;
  endsBefore: string;
}

/**
 * The period a report asks for: `to` defaults to the current month (or `from`, if that is later), `from` to
 * twelve months ending at `to`. A bad month, `to` before `from`, or more than ten years is refused.
 */
export function reportPeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date): ReportPeriod {
  const from = query.from === undefined || query.from === '' ? undefined : parseMonth(query.from);
  let to = query.to === undefined || query.to === '' ? undefined : parseMonth(query.to);
  if (to === undefined) {
    const current = monthOf(now);
    to = from !== undefined && from > current ? from : current;
  }
  const start = from ?? addMonths(to, 1 - REPORT_MONTHS_DEFAULT);
  const span = monthIndex(to) - monthIndex(start) + 1;
  if (span < 1) throw new HicareError('END_BEFORE_START.reportMonths', { from: start, to }, { from: start, to });
  if (span > REPORT_MONTHS_MAX)
    throw new HicareError('INVALID_INPUT.reportSpan', { from: start, to, max: REPORT_MONTHS_MAX }, { span });
  const months = Array.from({ length: span }, (_, i) => addMonths(start, i));
  return {
    from: start,
    to,
    months,
    startsAt: `${start}-01T00:00:00.000Z`,
    endsBefore: `${addMonths(to, 1)}-01T00:00:00.000Z`,
  };
}

/** The middle value (the mean of the two middle ones for an even count), to the millisecond; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** The nearest-rank percentile: the smallest value at least `p`% of the values do not exceed; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Ratings 1–5 summed: how many gave each, how many in all, and the average to two decimals (null for none). */
export interface RatingSummary {
  count: number;
  averageRating: number | null;
  distribution: { '1': number; '2': number; '3': number; '4': number; '5': number };
}

export function summariseRatings(ratings: readonly number[]): RatingSummary {
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let sum = 0;
  for (const rating of ratings) {
    const key = String(rating) as keyof typeof distribution;
    if (!(key in distribution)) continue;
    distribution[key] += 1;
    sum += rating;
  }
  const count = Object.values(distribution).reduce((a, b) => a + b, 0);
  // Two decimals: enough to compare periods, and the same figure on both dialects.
  return { count, averageRating: count === 0 ? null : Math.round((sum / count) * 100) / 100, distribution };
}
