/**
 * Version ranges in words. A release's `minUpgradeFrom` is written in semver syntax (">=1.9.0 <3", "^2") for the
 * planner; a person reads "1.9.0 or a later 1.x, or any 2.x". The range is read as the intervals it allows, merged,
 * and each interval is cut at major boundaries so that whole majors read as "any 2.x".
 */
import semver from 'semver';
import type { DisplayLocale } from '../i18n/locales.js';
import { translator, type CatalogKey } from '../i18n/translator.js';
import { parseRange } from './release.js';

/** A bound of an interval; `inclusive` says whether the version itself is in it. */
interface Bound {
  version: semver.SemVer;
  inclusive: boolean;
}

/** [lo, hi] with null for "no bound". */
interface Interval {
  lo: Bound | null;
  hi: Bound | null;
}

/** `<3.0.0-0` (what "^2" becomes) reads as "below 3.0.0": the `-0` only keeps 3.0 previews out. */
function plain(version: semver.SemVer): semver.SemVer {
  return version.prerelease.length === 1 && version.prerelease[0] === 0
    ? new semver.SemVer(`${version.major}.${version.minor}.${version.patch}`)
    : version;
}

function intervalOf(set: readonly semver.Comparator[]): Interval | null {
  let lo: Bound | null = null;
  let hi: Bound | null = null;
  for (const c of set) {
    if (c.value === '') continue; // any version
    const version = plain(c.semver);
    const op = c.operator;
    if (op === '>' || op === '>=' || op === '' || op === '=') {
      const bound = { version, inclusive: op !== '>' };
      const order = lo === null ? 1 : version.compare(lo.version);
      if (order > 0 || (order === 0 && lo !== null && lo.inclusive && !bound.inclusive)) lo = bound;
    }
    if (op === '<' || op === '<=' || op === '' || op === '=') {
      const bound = { version, inclusive: op !== '<' };
      const order = hi === null ? -1 : version.compare(hi.version);
      if (order < 0 || (order === 0 && hi !== null && hi.inclusive && !bound.inclusive)) hi = bound;
    }
  }
  if (lo !== null && hi !== null) {
    const order = lo.version.compare(hi.version);
    if (order > 0 || (order === 0 && !(lo.inclusive && hi.inclusive))) return null; // allows nothing
  }
  return { lo, hi };
}

/** Whether b starts no later than where a ends (they overlap or touch), so the two read as one interval. */
function touches(a: Interval, b: Interval): boolean {
  if (a.hi === null || b.lo === null) return true;
  const order = b.lo.version.compare(a.hi.version);
  return order < 0 || (order === 0 && (a.hi.inclusive || b.lo.inclusive));
}

function lowerFirst(a: Interval, b: Interval): number {
  if (a.lo === null || b.lo === null) return a.lo === null ? (b.lo === null ? 0 : -1) : 1;
  return a.lo.version.compare(b.lo.version) || (a.lo.inclusive === b.lo.inclusive ? 0 : a.lo.inclusive ? -1 : 1);
}

function higher(a: Bound | null, b: Bound | null): Bound | null {
  if (a === null || b === null) return null;
  const order = a.version.compare(b.version);
  return order > 0 || (order === 0 && a.inclusive) ? a : b;
}

function merged(intervals: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const next of [...intervals].sort(lowerFirst)) {
    const last = out[out.length - 1];
    if (last !== undefined && touches(last, next)) last.hi = higher(last.hi, next.hi);
    else out.push({ ...next });
  }
  return out;
}

const ZERO = new semver.SemVer('0.0.0');
const isMajorStart = (v: semver.SemVer): boolean => v.minor === 0 && v.patch === 0 && v.prerelease.length === 0;

type Words = (key: RangeKey, params?: Record<string, string>) => string;
type RangeKey = Extract<CatalogKey, `domain.range.${string}`>;

function majors(words: Words, from: number, to: number): string {
  const params = { from: String(from), to: String(to) };
  if (from === to) return words('domain.range.oneMajor', params);
  if (to === from + 1) return words('domain.range.twoMajors', params);
  return words('domain.range.majors', params);
}

/** One interval in words, split at major boundaries: "1.9.0 or a later 1.x, or any 2.x". */
function intervalWords(words: Words, { lo, hi }: Interval): string {
  if (lo === null && hi === null) return words('domain.range.anyVersion');
  if (hi === null) {
    if (lo === null) return words('domain.range.anyVersion');
    return lo.inclusive && lo.version.compare(ZERO) === 0 ? words('domain.range.anyVersion') : lowWords(words, lo);
  }
  const high = hi.version.version;
  if (lo === null || (lo.inclusive && lo.version.compare(ZERO) === 0)) {
    return words(hi.inclusive ? 'domain.range.orEarlier' : 'domain.range.before', { version: high });
  }
  const low = lo.version.version;
  if (lo.inclusive && hi.inclusive && lo.version.compare(hi.version) === 0) {
    return words('domain.range.exactly', { version: low });
  }
  // Whole majors are those from lo's (when lo starts it) up to the one before hi's (when hi ends just before it).
  const endsAtMajor = !hi.inclusive && isMajorStart(hi.version);
  const firstWhole = lo.inclusive && isMajorStart(lo.version) ? lo.version.major : lo.version.major + 1;
  const lastWhole = hi.version.major - 1;
  const parts: string[] = [];
  if (firstWhole > lo.version.major) {
    // lo is inside its major: up to hi when hi is in the same major, else the rest of that major.
    if (hi.version.major === lo.version.major && !endsAtMajor) {
      const key = lo.inclusive
        ? hi.inclusive
          ? 'domain.range.orLaterUpTo'
          : 'domain.range.orLaterBefore'
        : hi.inclusive
          ? 'domain.range.afterUpTo'
          : 'domain.range.afterBefore';
      return words(key, { low, high });
    }
    const major = String(lo.version.major);
    parts.push(
      words(lo.inclusive ? 'domain.range.orLaterInMajor' : 'domain.range.afterInMajor', { version: low, major }),
    );
  }
  if (lastWhole >= firstWhole) parts.push(majors(words, firstWhole, lastWhole));
  if (!endsAtMajor && hi.version.major >= firstWhole) {
    const key = hi.inclusive ? 'domain.range.majorUpTo' : 'domain.range.majorBefore';
    parts.push(words(key, { major: String(hi.version.major), version: high }));
  }
  return joinOr(words, parts);
}

const lowWords = (words: Words, b: Bound): string =>
  words(b.inclusive ? 'domain.range.orLater' : 'domain.range.after', { version: b.version.version });

/** The parts as one list: "a, b, or c" (each part is a phrase of its own, so the list is all that is joined). */
function joinOr(words: Words, parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? words('domain.range.noVersion');
  const first = parts.slice(0, -1).join(words('domain.range.separator'));
  return words('domain.range.either', { first, last: parts[parts.length - 1] ?? '' });
}

/**
 * The versions a range allows, in words of `locale`: ">=1.9.0 <3" → "1.9.0 or a later 1.x, or any 2.x"; "^2" →
 * "any 2.x"; ">=1.8.0" → "1.8.0 or later". Throws INVALID_VERSION_RANGE for what is not a range (as the planner does).
 */
export function rangeInWords(range: string, locale: DisplayLocale = 'en'): string {
  const parsed = parseRange(range);
  const t = translator(locale);
  const words: Words = (key, params) => t(key, params);
  const intervals = merged(parsed.set.map(intervalOf).filter((i): i is Interval => i !== null));
  if (intervals.length === 0) return words('domain.range.noVersion');
  return joinOr(
    words,
    intervals.map((i) => intervalWords(words, i)),
  );
}
