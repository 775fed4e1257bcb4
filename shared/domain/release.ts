/**
 * Releases and product-line lifecycles, relative to the version a customer has installed. Versions are strict
 * semver: a feed that says "v1.2" is a data error to surface, not something to guess at.
 */
import semver from 'semver';
import type { z } from 'zod';
import type { LifecycleSchema } from '../contracts/catalog.js';
import { HicareError, type ErrorKey } from '../errors.js';
import type { MessageParams } from '../i18n/messages.js';
import { assertCalendarDate, assertInstant, calendarDateAt, dayNumber, endOfDayExclusive } from './dates.js';

export interface Release {
  product: string;
  version: string;
  /** ISO-8601 instant with an explicit zone, e.g. `2026-03-31T22:15:00Z`. */
  publishedAt: string;
  /** Semver range the installed version must satisfy to install this release directly. */
  minUpgradeFrom?: string;
  /** e.g. 'linux-x64', 'win-x64', 'mac-arm64'; absent = all platforms. */
  platforms?: string[];
}

/** A product line's dates as the signed catalog carries them (read off LifecycleSchema, so the two cannot drift). */
export type LineLifecycle = z.infer<typeof LifecycleSchema>;

export type ReleaseKind = 'update' | 'upgrade' | 'current' | 'older';

export type LinePhase = 'before-ga' | 'maintained' | 'past-end-of-maintenance' | 'past-end-of-service';

/*
 * A verdict reads the release's and the installed version's major and prerelease tag several times, and an answer or a
 * fleet report judges hundreds of releases against the same few installed versions: each version string is parsed
 * once and the parsed form shared (bounded; only valid versions get in). No caller mutates a SemVer: semver's own
 * `inc` works on a copy.
 */
const parsedVersions = new Map<string, semver.SemVer>();
const PARSED_VERSIONS_KEPT = 20_000;

/** Strict semver. `semver.parse` alone would accept "v1.2.3" and surrounding blanks, so the input must round-trip. */
export function parseVersion(version: string): semver.SemVer {
  const known = parsedVersions.get(version);
  if (known !== undefined) return known;
  const parsed = parseStrictVersion(version);
  if (parsedVersions.size >= PARSED_VERSIONS_KEPT) parsedVersions.clear();
  parsedVersions.set(version, parsed);
  return parsed;
}

function parseStrictVersion(version: string): semver.SemVer {
  let parsed: semver.SemVer | null = null;
  if (typeof version === 'string') {
    try {
      parsed = semver.parse(version, { loose: false });
    } catch {
      // numeric parts beyond Number.MAX_SAFE_INTEGER throw instead of returning null
      parsed = null;
    }
  }
  if (parsed !== null) {
    const canonical = parsed.build.length > 0 ? `${parsed.version}+${parsed.build.join('.')}` : parsed.version;
    if (canonical === version) return parsed;
  }
  throw new HicareError('INVALID_VERSION.value', { version: String(version) }, { version });
}

export function majorOf(version: string): number {
  return parseVersion(version).major;
}

export function isPrerelease(version: string): boolean {
  return parseVersion(version).prerelease.length > 0;
}

/** Semver precedence: build metadata is ignored, so 1.2.3+b7 and 1.2.3 compare equal. */
export function compareVersions(a: string, b: string): number {
  return semver.compare(parseVersion(a), parseVersion(b));
}

export function classifyRelease(installed: string, candidate: string): ReleaseKind {
  const i = parseVersion(installed);
  const c = parseVersion(candidate);
  const order = semver.compare(c, i);
  if (order === 0) return 'current';
  if (order < 0) return 'older';
  return c.major === i.major ? 'update' : 'upgrade';
}

type LifecycleProblem = Extract<ErrorKey, `INVALID_LIFECYCLE.${string}`>;

// Lifecycle dates go as written (`ga`, `endOfService`, not `…Date`): the refusal quotes the data being corrected.
function invalidLifecycle(key: LifecycleProblem, l: LineLifecycle, params: MessageParams = {}): HicareError {
  return new HicareError(key, params, { product: l.product, major: l.major });
}

export function assertLifecycle(l: LineLifecycle): void {
  if (typeof l.product !== 'string' || l.product.length === 0) {
    throw invalidLifecycle('INVALID_LIFECYCLE.noProduct', l);
  }
  if (typeof l.major !== 'number' || !Number.isSafeInteger(l.major) || l.major < 0) {
    throw invalidLifecycle('INVALID_LIFECYCLE.major', l, { major: String(l.major), product: l.product });
  }
  const ga = dayNumber(l.ga);
  const eom = l.endOfMaintenance === undefined ? undefined : dayNumber(l.endOfMaintenance);
  const eos = l.endOfService === undefined ? undefined : dayNumber(l.endOfService);
  const name = `${l.product} ${l.major}.x`;
  if (eom !== undefined && eom < ga) {
    throw invalidLifecycle('INVALID_LIFECYCLE.maintenanceBeforeGa', l, {
      line: name,
      endOfMaintenance: String(l.endOfMaintenance),
      ga: l.ga,
    });
  }
  if (eos !== undefined && eos < ga) {
    throw invalidLifecycle('INVALID_LIFECYCLE.serviceBeforeGa', l, {
      line: name,
      endOfService: String(l.endOfService),
      ga: l.ga,
    });
  }
  if (eos !== undefined && eom !== undefined && eos < eom) {
    throw invalidLifecycle('INVALID_LIFECYCLE.serviceBeforeMaintenance', l, {
      line: name,
      endOfService: String(l.endOfService),
      endOfMaintenance: String(l.endOfMaintenance),
    });
  }
}

/** Each lifecycle date counts through the end of that day in `timeZone`; ga counts from its start. */
export function linePhase(l: LineLifecycle, at: Date, timeZone = 'UTC'): LinePhase {
  // Every release of a line is judged against the same lifecycle at the same instant: the last phase read is kept
  // per lifecycle object, and reused only while its dates, the instant and the zone are the same.
  const last = lastPhases.get(l);
  if (
    last !== undefined &&
    at instanceof Date &&
    last.at === at.getTime() &&
    last.timeZone === timeZone &&
    last.ga === l.ga &&
    last.endOfMaintenance === l.endOfMaintenance &&
    last.endOfService === l.endOfService &&
    last.product === l.product &&
    last.major === l.major
  ) {
    return last.phase;
  }
  const phase = readPhase(l, at, timeZone);
  lastPhases.set(l, { ...l, at: at.getTime(), timeZone, phase });
  return phase;
}

const lastPhases = new WeakMap<object, LineLifecycle & { at: number; timeZone: string; phase: LinePhase }>();

function readPhase(l: LineLifecycle, at: Date, timeZone: string): LinePhase {
  assertLifecycle(l);
  assertInstant(at);
  const today = dayNumber(calendarDateAt(at, timeZone));
  if (today < dayNumber(l.ga)) return 'before-ga';
  if (l.endOfService !== undefined && today > dayNumber(l.endOfService)) return 'past-end-of-service';
  if (l.endOfMaintenance !== undefined && today > dayNumber(l.endOfMaintenance)) return 'past-end-of-maintenance';
  return 'maintained';
}

export function lifecycleOf(lifecycles: LineLifecycle[], product: string, major: number): LineLifecycle | undefined {
  return lifecycles.find((l) => l.product === product && l.major === major);
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch for an ISO-8601 instant. A zone designator is required because a local time in a
 * release feed is ambiguous, and the calendar part is checked because `Date.parse` rolls 02-30 over into March.
 */
function parseInstant(iso: string): number {
  const known = parsedInstants.get(iso);
  if (known !== undefined) return known;
  const ms = parseStrictInstant(iso);
  if (parsedInstants.size >= PARSED_INSTANTS_KEPT) parsedInstants.clear();
  parsedInstants.set(iso, ms);
  return ms;
}

// Every verdict checks its release's publication instant; a catalog has a few thousand, read on every answer.
const parsedInstants = new Map<string, number>();
const PARSED_INSTANTS_KEPT = 20_000;

function parseStrictInstant(iso: string): number {
  const m = typeof iso === 'string' ? INSTANT_RE.exec(iso) : null;
  if (m !== null) {
    const [, date = '', hh = '', mm = '', ss = '00', fraction = '', zone = ''] = m;
    let calendarOk = true;
    try {
      assertCalendarDate(date);
    } catch {
      calendarOk = false;
    }
    const zoneOk = zone === 'Z' || (Number(zone.slice(1, 3)) <= 23 && Number(zone.slice(4, 6)) <= 59);
    if (calendarOk && zoneOk && Number(hh) <= 23 && Number(mm) <= 59 && Number(ss) <= 59) {
      const ms = Date.parse(`${date}T${hh}:${mm}:${ss}${fraction.slice(0, 4)}${zone}`);
      if (Number.isFinite(ms)) return ms;
    }
  }
  throw new HicareError('INVALID_INSTANT.iso', { value: String(iso) }, { instant: iso });
}

export function publishedAfterEndOfMaintenance(
  release: Release,
  lifecycle: LineLifecycle | undefined,
  timeZone = 'UTC',
): boolean {
  const published = parseInstant(release.publishedAt);
  if (lifecycle === undefined) return false;
  const major = majorOf(release.version);
  if (lifecycle.product !== release.product || lifecycle.major !== major) {
    // a lifecycle of another line would silently give a wrong answer
    throw new HicareError(
      'INVALID_INPUT.lifecycleOfOtherLine',
      {
        lifecycleProduct: lifecycle.product,
        major: String(lifecycle.major),
        product: release.product,
        version: release.version,
      },
      { product: release.product, version: release.version },
    );
  }
  assertLifecycle(lifecycle);
  if (lifecycle.endOfMaintenance === undefined) return false;
  return published >= endOfDayExclusive(lifecycle.endOfMaintenance, timeZone).getTime();
}

/** Parsed ranges are kept because a planner tests the same few ranges across hundreds of systems. */
const rangeCache = new Map<string, semver.Range>();
const RANGE_CACHE_LIMIT = 2_000;

/** Parses a `minUpgradeFrom` range; an empty one is rejected because semver would read it as "any version". */
export function parseRange(range: string): semver.Range {
  const cached = rangeCache.get(range);
  if (cached !== undefined) return cached;
  let parsed: semver.Range | null = null;
  if (typeof range === 'string' && range.trim().length > 0) {
    try {
      parsed = new semver.Range(range, { loose: false, includePrerelease: false });
    } catch {
      parsed = null;
    }
  }
  if (parsed === null) {
    throw new HicareError('INVALID_VERSION_RANGE.value', { range: String(range) }, { range });
  }
  if (rangeCache.size >= RANGE_CACHE_LIMIT) rangeCache.clear();
  rangeCache.set(range, parsed);
  return parsed;
}

/**
 * Prereleases of the installed version only satisfy a range that names the same MAJOR.MINOR.PATCH with a
 * prerelease tag (semver's `includePrerelease: false`), so a beta never counts as "at least 1.9.0".
 */
export function satisfiesMinUpgradeFrom(installed: string, release: Release): boolean {
  const version = parseVersion(installed);
  if (release.minUpgradeFrom === undefined) return true;
  return parseRange(release.minUpgradeFrom).test(version);
}

export function assertRelease(r: Release): void {
  if (typeof r.product !== 'string' || r.product.length === 0) {
    throw new HicareError('INVALID_INPUT.releaseWithoutProduct', {}, { version: r.version });
  }
  parseVersion(r.version);
  parseInstant(r.publishedAt);
  if (r.minUpgradeFrom !== undefined) parseRange(r.minUpgradeFrom);
  if (
    r.platforms !== undefined &&
    (!Array.isArray(r.platforms) || r.platforms.some((p) => typeof p !== 'string' || p.length === 0))
  ) {
    throw new HicareError(
      'INVALID_INPUT.releasePlatforms',
      { product: r.product, version: r.version },
      { version: r.version },
    );
  }
}
