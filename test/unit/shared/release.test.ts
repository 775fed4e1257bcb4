import { describe, it, expect } from 'vitest';
import { HicareError } from '../../../shared/errors.js';
import {
  assertLifecycle,
  assertRelease,
  classifyRelease,
  compareVersions,
  isPrerelease,
  lifecycleOf,
  linePhase,
  majorOf,
  parseVersion,
  publishedAfterEndOfMaintenance,
  satisfiesMinUpgradeFrom,
} from '../../../shared/domain/release.js';
import type { LineLifecycle, LinePhase, Release, ReleaseKind } from '../../../shared/domain/release.js';
import { codeOf } from '../../support.js';

const release = (version: string, extra: Partial<Release> = {}): Release => ({
  product: 'hicare-server',
  version,
  publishedAt: '2026-05-04T09:00:00Z',
  ...extra,
});

const LINE_2: LineLifecycle = {
  product: 'hicare-server',
  major: 2,
  ga: '2026-04-01',
  endOfMaintenance: '2027-03-31',
  endOfService: '2028-03-31',
};

describe('classifyRelease', () => {
  it.each<[string, string, ReleaseKind]>([
    ['1.4.2', '1.4.3', 'update'],
    ['1.4.2', '1.9.0', 'update'],
    ['1.9.0', '1.10.0', 'update'],
    ['1.4.2', '2.0.0', 'upgrade'],
    ['0.9.0', '1.0.0', 'upgrade'],
    ['1.4.2', '3.1.0', 'upgrade'],
    ['1.4.2', '1.4.2', 'current'],
    ['1.4.2', '1.4.1', 'older'],
    ['2.0.0', '1.99.99', 'older'],
    ['10.0.0', '9.99.99', 'older'],
    // prereleases are classified like any version; isPrerelease reports them separately
    ['1.4.2', '1.5.0-rc.1', 'update'],
    ['1.4.2', '2.0.0-rc.1', 'upgrade'],
    ['1.4.2', '1.4.2-rc.1', 'older'],
    ['2.0.0-rc.1', '2.0.0', 'update'],
    ['2.0.0-beta.2', '2.0.0-rc.1', 'update'],
    ['2.0.0-beta.10', '2.0.0-beta.2', 'older'],
    ['2.0.0-rc.1', '2.0.0-rc.1', 'current'],
    // build metadata does not take part in precedence
    ['1.4.2', '1.4.2+build.7', 'current'],
    ['1.4.2+build.1', '1.4.2+build.9', 'current'],
    ['1.4.2+build.9', '1.4.3+build.1', 'update'],
    ['1.4.2+build.9', '2.0.0+build.1', 'upgrade'],
  ])('installed %s, candidate %s → %s', (installed, candidate, kind) => {
    expect(classifyRelease(installed, candidate)).toBe(kind);
    const sign = { update: 1, upgrade: 1, current: 0, older: -1 }[kind];
    expect(Math.sign(compareVersions(candidate, installed))).toBe(sign);
  });
});

describe('version helpers', () => {
  it.each<[string, number, boolean]>([
    ['1.4.2', 1, false],
    ['0.0.1', 0, false],
    ['12.0.0', 12, false],
    ['2.0.0-rc.1', 2, true],
    ['2.0.0-beta.2+exp.sha.5114f85', 2, true],
    ['2.0.0+build.7', 2, false],
  ])('%s: major %d, prerelease %s', (version, major, prerelease) => {
    expect(majorOf(version)).toBe(major);
    expect(isPrerelease(version)).toBe(prerelease);
    expect(parseVersion(version).major).toBe(major);
  });

  it.each<[string, string, number]>([
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.0', 1],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0+a', '1.0.0+b', 0],
  ])('compareVersions(%s, %s) = %d', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it.each([
    ['1.2'],
    ['v1.2.3'],
    ['01.2.3'],
    ['1.02.3'],
    [''],
    [' 1.2.3'],
    ['1.2.3 '],
    ['=1.2.3'],
    ['1.2.3.4'],
    ['1.2.x'],
    ['latest'],
    ['1.2.3-'],
    ['1.2.3-01'],
    ['99999999999999999999.0.0'],
  ])('%j is INVALID_VERSION everywhere', (bad) => {
    expect(codeOf(() => parseVersion(bad))).toBe('INVALID_VERSION');
    expect(codeOf(() => majorOf(bad))).toBe('INVALID_VERSION');
    expect(codeOf(() => isPrerelease(bad))).toBe('INVALID_VERSION');
    expect(codeOf(() => compareVersions(bad, '1.0.0'))).toBe('INVALID_VERSION');
    expect(codeOf(() => classifyRelease(bad, '1.0.0'))).toBe('INVALID_VERSION');
    expect(codeOf(() => classifyRelease('1.0.0', bad))).toBe('INVALID_VERSION');
    expect(codeOf(() => assertRelease(release(bad)))).toBe('INVALID_VERSION');
  });

  it('an invalid version error carries a remedy and the input', () => {
    try {
      parseVersion('v1.2.3');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HicareError);
      const err = e as HicareError;
      expect(err.message).toContain('v1.2.3');
      expect(err.remedy).toMatch(/MAJOR\.MINOR\.PATCH/);
      expect(err.details).toEqual({ version: 'v1.2.3' });
    }
  });
});

describe('assertLifecycle', () => {
  it.each<[string, LineLifecycle]>([
    ['all three dates', LINE_2],
    ['ga only', { product: 'p', major: 0, ga: '2026-01-01' }],
    ['maintenance ends on the ga day', { product: 'p', major: 1, ga: '2026-01-01', endOfMaintenance: '2026-01-01' }],
    [
      'service ends with maintenance',
      { product: 'p', major: 1, ga: '2026-01-01', endOfMaintenance: '2027-01-01', endOfService: '2027-01-01' },
    ],
    ['service end without maintenance end', { product: 'p', major: 1, ga: '2026-01-01', endOfService: '2028-01-01' }],
  ])('accepts %s', (_name, l) => {
    expect(() => assertLifecycle(l)).not.toThrow();
  });

  it.each<[string, LineLifecycle, string]>([
    ['endOfMaintenance before ga', { ...LINE_2, endOfMaintenance: '2026-03-31' }, 'INVALID_LIFECYCLE'],
    ['endOfService before endOfMaintenance', { ...LINE_2, endOfService: '2027-03-30' }, 'INVALID_LIFECYCLE'],
    [
      'endOfService before ga, no endOfMaintenance',
      { product: 'p', major: 1, ga: '2026-01-02', endOfService: '2026-01-01' },
      'INVALID_LIFECYCLE',
    ],
    ['negative major', { ...LINE_2, major: -1 }, 'INVALID_LIFECYCLE'],
    ['fractional major', { ...LINE_2, major: 1.5 }, 'INVALID_LIFECYCLE'],
    ['NaN major', { ...LINE_2, major: Number.NaN }, 'INVALID_LIFECYCLE'],
    ['empty product', { ...LINE_2, product: '' }, 'INVALID_LIFECYCLE'],
    ['impossible ga', { ...LINE_2, ga: '2026-02-30' }, 'INVALID_DATE'],
    ['slashed endOfMaintenance', { ...LINE_2, endOfMaintenance: '2027/03/31' }, 'INVALID_DATE'],
    ['empty endOfService', { ...LINE_2, endOfService: '' }, 'INVALID_DATE'],
    ['ga with a time', { ...LINE_2, ga: '2026-04-01T00:00:00Z' }, 'INVALID_DATE'],
  ])('rejects %s', (_name, l, code) => {
    expect(codeOf(() => assertLifecycle(l))).toBe(code);
    expect(codeOf(() => linePhase(l, new Date('2026-06-01T00:00:00Z')))).toBe(code);
  });
});

describe('linePhase: a date lasts through the end of that day in the zone', () => {
  // Tokyo is UTC+9 all year; New York is on daylight time (UTC-4) at these dates.
  it.each<[string, string, LinePhase]>([
    ['2026-03-31T14:59:59.999Z', 'Asia/Tokyo', 'before-ga'],
    ['2026-03-31T15:00:00Z', 'Asia/Tokyo', 'maintained'],
    ['2026-03-31T15:00:00Z', 'UTC', 'before-ga'],
    ['2026-04-01T00:00:00Z', 'UTC', 'maintained'],
    ['2027-03-31T14:59:59.999Z', 'Asia/Tokyo', 'maintained'],
    ['2027-03-31T15:00:00Z', 'Asia/Tokyo', 'past-end-of-maintenance'],
    ['2027-03-31T15:00:00Z', 'UTC', 'maintained'],
    ['2027-04-01T03:59:59.999Z', 'America/New_York', 'maintained'],
    ['2027-04-01T04:00:00Z', 'America/New_York', 'past-end-of-maintenance'],
    ['2028-03-31T14:59:59.999Z', 'Asia/Tokyo', 'past-end-of-maintenance'],
    ['2028-03-31T15:00:00Z', 'Asia/Tokyo', 'past-end-of-service'],
    ['2028-04-01T03:59:59.999Z', 'America/New_York', 'past-end-of-maintenance'],
    ['2028-04-01T04:00:00Z', 'America/New_York', 'past-end-of-service'],
    ['2040-01-01T00:00:00Z', 'UTC', 'past-end-of-service'],
  ])('at %s in %s → %s', (iso, zone, phase) => {
    expect(linePhase(LINE_2, new Date(iso), zone)).toBe(phase);
  });

  it.each<[string, LineLifecycle, string, LinePhase]>([
    [
      'no end dates stays maintained',
      { product: 'p', major: 3, ga: '2026-01-01' },
      '2099-01-01T00:00:00Z',
      'maintained',
    ],
    [
      'service end alone skips maintenance end',
      { product: 'p', major: 3, ga: '2026-01-01', endOfService: '2027-01-01' },
      '2027-01-02T00:00:00Z',
      'past-end-of-service',
    ],
    ['defaults to UTC', LINE_2, '2027-03-31T23:59:59.999Z', 'maintained'],
  ])('%s', (_name, l, iso, phase) => {
    expect(linePhase(l, new Date(iso))).toBe(phase);
  });

  it.each<[string, () => unknown, string]>([
    ['invalid instant', () => linePhase(LINE_2, new Date('nope')), 'INVALID_INSTANT'],
    ['unknown zone', () => linePhase(LINE_2, new Date('2026-06-01T00:00:00Z'), 'Mars/Olympus'), 'UNKNOWN_TIME_ZONE'],
  ])('%s → %s', (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});

describe('lifecycleOf', () => {
  const lifecycles: LineLifecycle[] = [
    { product: 'hicare-server', major: 1, ga: '2024-01-01' },
    LINE_2,
    { product: 'hicare-client', major: 2, ga: '2026-05-01' },
  ];
  it.each<[string, number, string | undefined]>([
    ['hicare-server', 2, '2026-04-01'],
    ['hicare-server', 1, '2024-01-01'],
    ['hicare-client', 2, '2026-05-01'],
    ['hicare-client', 1, undefined],
    ['hicare-server', 3, undefined],
    ['other', 2, undefined],
  ])('%s %d → ga %s', (product, major, ga) => {
    expect(lifecycleOf(lifecycles, product, major)?.ga).toBe(ga);
  });
});

describe('publishedAfterEndOfMaintenance', () => {
  // Berlin is on summer time (UTC+2) on 2027-03-31, so the day ends at 22:00Z.
  it.each<[string, string, boolean]>([
    ['2027-03-31T21:59:59.999Z', 'Europe/Berlin', false],
    ['2027-03-31T22:00:00Z', 'Europe/Berlin', true],
    ['2027-03-31T23:59:59+02:00', 'Europe/Berlin', false],
    ['2027-04-01T00:00:00+02:00', 'Europe/Berlin', true],
    ['2027-03-31T23:59:59.999Z', 'UTC', false],
    ['2027-04-01T00:00:00Z', 'UTC', true],
    ['2027-04-01T00:00:00.000001Z', 'UTC', true],
    ['2026-05-04T09:00:00Z', 'UTC', false],
  ])('published %s, zone %s → %s', (publishedAt, zone, expected) => {
    expect(publishedAfterEndOfMaintenance(release('2.4.0', { publishedAt }), LINE_2, zone)).toBe(expected);
  });

  it('defaults to UTC', () => {
    expect(publishedAfterEndOfMaintenance(release('2.4.0', { publishedAt: '2027-03-31T22:30:00Z' }), LINE_2)).toBe(
      false,
    );
  });

  it.each<[string, LineLifecycle | undefined]>([
    ['no lifecycle', undefined],
    ['no endOfMaintenance', { product: 'hicare-server', major: 2, ga: '2026-04-01' }],
  ])('%s → false', (_name, l) => {
    expect(publishedAfterEndOfMaintenance(release('2.4.0', { publishedAt: '2099-01-01T00:00:00Z' }), l)).toBe(false);
  });

  it.each<[string, Release, LineLifecycle, string]>([
    ['lifecycle of another major', release('3.0.0'), LINE_2, 'INVALID_INPUT'],
    ['lifecycle of another product', release('2.4.0', { product: 'hicare-client' }), LINE_2, 'INVALID_INPUT'],
    ['malformed publishedAt', release('2.4.0', { publishedAt: '2027-04-01' }), LINE_2, 'INVALID_INSTANT'],
    ['malformed lifecycle', release('2.4.0'), { ...LINE_2, endOfMaintenance: '2026-01-01' }, 'INVALID_LIFECYCLE'],
  ])('%s → %s', (_name, r, l, code) => {
    expect(codeOf(() => publishedAfterEndOfMaintenance(r, l))).toBe(code);
  });
});

describe('satisfiesMinUpgradeFrom', () => {
  it.each<[string, string | undefined, boolean]>([
    ['1.4.2', undefined, true],
    ['0.0.1', undefined, true],
    ['1.9.0', '>=1.9.0 || ^2', true],
    ['1.8.9', '>=1.9.0 || ^2', false],
    ['2.1.0', '>=1.9.0 || ^2', true],
    ['3.0.0', '>=1.9.0 <2.0.0', false],
    ['1.5.3', '~1.5.0', true],
    ['1.6.0', '~1.5.0', false],
    ['1.5.3', '1.5.x', true],
    ['1.6.0', '1.4.2 - 1.6.0', true],
    ['1.6.1', '1.4.2 - 1.6.0', false],
    // includePrerelease: false — a prerelease only counts against a range naming its own x.y.z
    ['1.9.0-rc.1', '>=1.8.0', false],
    ['1.9.0-rc.2', '>=1.9.0-rc.1', true],
    ['1.9.1-rc.1', '>=1.9.0-rc.1', false],
    ['1.9.0+build.5', '>=1.9.0', true],
  ])('installed %s, minUpgradeFrom %j → %s', (installed, minUpgradeFrom, expected) => {
    const r = minUpgradeFrom === undefined ? release('2.3.1') : release('2.3.1', { minUpgradeFrom });
    expect(satisfiesMinUpgradeFrom(installed, r)).toBe(expected);
  });

  it.each([['>=1.x.x.x'], ['%%'], [''], ['   '], ['foo'], ['>=1.2.3 <'], ['>=1.2.3 ||| 2']])(
    'range %j → INVALID_VERSION_RANGE',
    (bad) => {
      expect(codeOf(() => satisfiesMinUpgradeFrom('1.4.2', release('2.3.1', { minUpgradeFrom: bad })))).toBe(
        'INVALID_VERSION_RANGE',
      );
      expect(codeOf(() => assertRelease(release('2.3.1', { minUpgradeFrom: bad })))).toBe('INVALID_VERSION_RANGE');
    },
  );

  it.each([['v1.4.2'], ['1.4'], ['']])('installed %j → INVALID_VERSION, with or without a range', (bad) => {
    expect(codeOf(() => satisfiesMinUpgradeFrom(bad, release('2.3.1')))).toBe('INVALID_VERSION');
    expect(codeOf(() => satisfiesMinUpgradeFrom(bad, release('2.3.1', { minUpgradeFrom: '>=1.0.0' })))).toBe(
      'INVALID_VERSION',
    );
  });
});

describe('assertRelease', () => {
  it.each<[string, Release]>([
    ['minimal', release('2.3.1')],
    [
      'with range and platforms',
      release('2.3.1', { minUpgradeFrom: '>=1.9.0 || ^2', platforms: ['linux-x64', 'win-x64'] }),
    ],
    ['offset instant with microseconds', release('2.3.1', { publishedAt: '2026-05-04T11:00:00.123456+02:00' })],
    ['instant without seconds', release('2.3.1', { publishedAt: '2026-05-04T11:00Z' })],
    ['prerelease with build', release('2.4.0-rc.1+b.3')],
  ])('accepts %s', (_name, r) => {
    expect(() => assertRelease(r)).not.toThrow();
  });

  it.each<[string, Release, string]>([
    ['date only', release('2.3.1', { publishedAt: '2026-05-04' }), 'INVALID_INSTANT'],
    ['no zone', release('2.3.1', { publishedAt: '2026-05-04T09:00:00' }), 'INVALID_INSTANT'],
    ['impossible day', release('2.3.1', { publishedAt: '2026-02-30T09:00:00Z' }), 'INVALID_INSTANT'],
    ['hour 24', release('2.3.1', { publishedAt: '2026-05-04T24:00:00Z' }), 'INVALID_INSTANT'],
    ['words', release('2.3.1', { publishedAt: 'yesterday' }), 'INVALID_INSTANT'],
    ['empty', release('2.3.1', { publishedAt: '' }), 'INVALID_INSTANT'],
    ['bad version', release('2.3'), 'INVALID_VERSION'],
    ['bad range', release('2.3.1', { minUpgradeFrom: '%%' }), 'INVALID_VERSION_RANGE'],
    ['empty product', release('2.3.1', { product: '' }), 'INVALID_INPUT'],
    ['empty platform name', release('2.3.1', { platforms: [''] }), 'INVALID_INPUT'],
  ])('rejects %s → %s', (_name, r, code) => {
    expect(codeOf(() => assertRelease(r))).toBe(code);
  });
});

describe('linePhase: a lifecycle edited in place', () => {
  it('reads the new dates at the same instant, not the last answer', () => {
    const line: LineLifecycle = { ...LINE_2, endOfMaintenance: '2027-12-31', endOfService: '2028-12-31' };
    const now = new Date('2026-06-01T00:00:00Z');
    expect(linePhase(line, now)).toBe('maintained');
    line.endOfMaintenance = '2026-05-01';
    expect(linePhase(line, now)).toBe('past-end-of-maintenance');
    line.endOfService = '2026-05-31';
    expect(linePhase(line, now)).toBe('past-end-of-service');
  });
});
