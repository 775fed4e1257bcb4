import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compareVersions, isPrerelease, majorOf, satisfiesMinUpgradeFrom } from '../../../shared/domain/release.js';
import type { Release } from '../../../shared/domain/release.js';
import { planUpgradePath } from '../../../shared/domain/upgrade-path.js';
import type { PlanOptions, UpgradeGoal, UpgradePlan } from '../../../shared/domain/upgrade-path.js';
import { codeOf } from '../../support.js';

function rel(version: string, minUpgradeFrom?: string, platforms?: string[]): Release {
  const r: Release = { product: 'hicare-server', version, publishedAt: '2026-05-04T09:00:00Z' };
  if (minUpgradeFrom !== undefined) r.minUpgradeFrom = minUpgradeFrom;
  if (platforms !== undefined) r.platforms = platforms;
  return r;
}

function hopsOf(plan: UpgradePlan): string[] {
  if (!plan.ok) throw new Error(`expected a plan, got: ${plan.message}`);
  return plan.hops.map((h) => h.version);
}

const EXAMPLE = [rel('1.9.0'), rel('2.0.0', '>=1.8.0'), rel('2.3.1', '>=1.9.0 || ^2')];

describe('planUpgradePath: paths found', () => {
  it.each<[string, string, Release[], UpgradeGoal, PlanOptions, string[]]>([
    ['the worked example', '1.4.2', EXAMPLE, { major: 2 }, {}, ['1.9.0', '2.3.1']],
    ['the worked example, feed order reversed', '1.4.2', [...EXAMPLE].reverse(), { major: 2 }, {}, ['1.9.0', '2.3.1']],
    ['the worked example from 1.9.0', '1.9.0', EXAMPLE, { major: 2 }, {}, ['2.3.1']],
    ['direct update to a version', '1.4.2', [rel('1.5.0'), rel('1.6.0')], { version: '1.5.0' }, {}, ['1.5.0']],
    [
      'direct update to the newest',
      '1.4.2',
      [rel('1.5.0'), rel('1.6.0'), rel('1.4.0')],
      { newest: true },
      {},
      ['1.6.0'],
    ],
    [
      'multi-hop across three majors',
      '1.0.0',
      [rel('1.9.0'), rel('2.5.0', '>=1.9.0'), rel('3.0.0', '>=2.5.0'), rel('2.0.0', '>=1.9.0')],
      { version: '3.0.0' },
      {},
      ['1.9.0', '2.5.0', '3.0.0'],
    ],
    [
      'fewest hops beats a newer target further away',
      '1.0.0',
      [rel('1.9.0'), rel('2.0.0'), rel('2.5.0', '>=2.0.0')],
      { major: 2 },
      {},
      ['2.0.0'],
    ],
    [
      'newest target among equally near ones',
      '1.0.0',
      [rel('2.0.0'), rel('2.2.0'), rel('2.1.0')],
      { major: 2 },
      {},
      ['2.2.0'],
    ],
    [
      'newest goal takes the newest reachable release, however far',
      '1.0.0',
      [rel('1.9.0'), rel('2.0.0'), rel('2.5.0', '>=2.0.0')],
      { newest: true },
      {},
      ['2.0.0', '2.5.0'],
    ],
    [
      'newest goal skips a newer release nobody can reach',
      '1.0.0',
      [rel('1.9.0'), rel('3.0.0', '>=2.9.0')],
      { newest: true },
      {},
      ['1.9.0'],
    ],
    [
      'equal-hop paths prefer the newer intermediate',
      '1.0.0',
      [rel('1.8.0'), rel('1.9.0'), rel('2.0.0', '>=1.8.0')],
      { version: '2.0.0' },
      {},
      ['1.9.0', '2.0.0'],
    ],
    [
      'the newer intermediate only when it satisfies the range',
      '1.0.0',
      [rel('1.8.0'), rel('1.9.0'), rel('2.0.0', '1.8.x')],
      { version: '2.0.0' },
      {},
      ['1.8.0', '2.0.0'],
    ],
    [
      'a range with a gap',
      '1.0.0',
      [rel('1.2.0'), rel('1.5.0'), rel('1.8.0'), rel('2.0.0', '~1.2.0 || ~1.8.0')],
      { version: '2.0.0' },
      {},
      ['1.8.0', '2.0.0'],
    ],
    [
      'an exact-version range',
      '1.0.0',
      [rel('1.8.0'), rel('1.9.0'), rel('2.0.0', '1.8.0')],
      { version: '2.0.0' },
      {},
      ['1.8.0', '2.0.0'],
    ],
    [
      'an inclusive upper bound',
      '1.0.0',
      [rel('1.8.0'), rel('1.9.0'), rel('2.0.0', '>=1.5.0 <=1.8.0')],
      { version: '2.0.0' },
      {},
      ['1.8.0', '2.0.0'],
    ],
    [
      'duplicate versions never hop onto each other',
      '1.0.0',
      [rel('2.0.0'), rel('2.0.0', '>=2.0.0')],
      { newest: true },
      {},
      ['2.0.0'],
    ],
    [
      'build metadata on the goal release',
      '1.4.2',
      [rel('2.0.0+build.5')],
      { version: '2.0.0' },
      {},
      ['2.0.0+build.5'],
    ],
    [
      'a build of the installed version is not a hop',
      '1.4.2',
      [rel('1.4.2+build.5'), rel('1.4.3')],
      { newest: true },
      {},
      ['1.4.3'],
    ],
    [
      'prereleases are left out by default',
      '1.0.0',
      [rel('1.5.0'), rel('2.0.0-rc.1')],
      { newest: true },
      {},
      ['1.5.0'],
    ],
    [
      'prereleases on request',
      '1.0.0',
      [rel('1.5.0'), rel('2.0.0-rc.1')],
      { newest: true },
      { includePrereleases: true },
      ['2.0.0-rc.1'],
    ],
    [
      'a prerelease as a stepping stone on request',
      '1.0.0',
      [rel('1.9.0-rc.1'), rel('2.0.0', '>=1.9.0-rc.1')],
      { major: 2 },
      { includePrereleases: true },
      ['1.9.0-rc.1', '2.0.0'],
    ],
    [
      'a prerelease goal on request',
      '1.0.0',
      [rel('2.0.0-rc.1'), rel('2.0.0-rc.2')],
      { version: '2.0.0-rc.1' },
      { includePrereleases: true },
      ['2.0.0-rc.1'],
    ],
    [
      'platform filter picks the release for the platform',
      '1.0.0',
      [rel('1.8.0'), rel('1.9.0', undefined, ['win-x64']), rel('2.0.0', '>=1.8.0')],
      { major: 2 },
      { platform: 'linux-x64' },
      ['1.8.0', '2.0.0'],
    ],
    [
      'platform filter keeps the release listed for the platform',
      '1.0.0',
      [rel('1.8.0'), rel('1.9.0', undefined, ['win-x64']), rel('2.0.0', '>=1.8.0')],
      { major: 2 },
      { platform: 'win-x64' },
      ['1.9.0', '2.0.0'],
    ],
    [
      'no platform given: every release counts',
      '1.0.0',
      [rel('1.8.0'), rel('1.9.0', undefined, ['win-x64']), rel('2.0.0', '>=1.8.0')],
      { major: 2 },
      {},
      ['1.9.0', '2.0.0'],
    ],
    ['already at the goal version', '2.3.1', EXAMPLE, { version: '2.3.1' }, {}, []],
    ['above the goal version', '2.3.1', EXAMPLE, { version: '2.0.0' }, {}, []],
    ['already on the goal major', '2.0.0', EXAMPLE, { major: 2 }, {}, []],
    ['above the goal major', '3.0.0', EXAMPLE, { major: 2 }, {}, []],
    ['already on the newest', '2.3.1', EXAMPLE, { newest: true }, {}, []],
    [
      'newest with nothing newer than a prerelease left out',
      '2.3.1',
      [...EXAMPLE, rel('2.4.0-rc.1')],
      { newest: true },
      {},
      [],
    ],
    ['newest with an empty feed', '2.3.1', [], { newest: true }, {}, []],
  ])('%s', (_name, installed, releases, goal, options, expected) => {
    expect(hopsOf(planUpgradePath(installed, releases, goal, options))).toEqual(expected);
  });

  it('returns the feed’s own release objects', () => {
    const plan = planUpgradePath('1.4.2', EXAMPLE, { major: 2 });
    expect(plan.ok && plan.hops[1]).toBe(EXAMPLE[2]);
  });
});

describe('planUpgradePath: no path', () => {
  it.each<[string, string, Release[], UpgradeGoal, PlanOptions, string | undefined, RegExp, RegExp]>([
    [
      'goal release needs a version nothing reaches',
      '1.4.2',
      [rel('1.7.0'), rel('2.0.0', '>=1.8.0'), rel('2.3.1', '>=1.9.0 || ^2')],
      { major: 2 },
      {},
      '2.3.1',
      /1\.4\.2.*2\.3\.1.*>=1\.9\.0 \|\| \^2/,
      /TAC/,
    ],
    [
      'stepping stone exists only for another platform',
      '1.4.2',
      [rel('1.9.0', undefined, ['win-x64']), rel('2.0.0', '>=1.9.0')],
      { version: '2.0.0' },
      { platform: 'linux-x64' },
      '2.0.0',
      /1\.4\.2.*2\.0\.0/,
      /TAC.*1\.9\.0.*not published for linux-x64/,
    ],
    [
      'stepping stone is a prerelease',
      '1.4.2',
      [rel('1.9.0-rc.1'), rel('2.0.0', '>=1.9.0-rc.1')],
      { version: '2.0.0' },
      {},
      '2.0.0',
      /1\.4\.2.*2\.0\.0/,
      /Include prereleases to install 1\.9\.0-rc\.1 first/,
    ],
    [
      'stepping stone itself unreachable',
      '1.0.0',
      [rel('1.9.0', '>=1.5.0'), rel('2.0.0', '>=1.9.0')],
      { version: '2.0.0' },
      {},
      '2.0.0',
      /1\.0\.0.*2\.0\.0/,
      /Install 1\.9\.0 first with TAC/,
    ],
    [
      'the newest stepping stone is named',
      '1.0.0',
      [rel('1.8.0', '>=1.5.0'), rel('1.9.0', '>=1.5.0'), rel('2.0.0', '>=1.8.0')],
      { major: 2 },
      {},
      '2.0.0',
      /1\.0\.0.*2\.0\.0/,
      /Install 1\.9\.0 first/,
    ],
    [
      'newest goal with every newer release blocked',
      '1.0.0',
      [rel('2.0.0', '>=1.5.0'), rel('3.0.0', '>=2.0.0')],
      { newest: true },
      {},
      '3.0.0',
      /1\.0\.0.*3\.0\.0/,
      /Install 2\.0\.0 first/,
    ],
    [
      'goal version not published',
      '1.4.2',
      EXAMPLE,
      { version: '2.2.0' },
      {},
      undefined,
      /2\.2\.0.*not published|no such release/,
      /published version/,
    ],
    ['no release of the goal major', '1.4.2', EXAMPLE, { major: 3 }, {}, undefined, /3\.x/, /TAC/],
    [
      'goal version is a prerelease left out',
      '1.4.2',
      [rel('2.0.0-rc.1')],
      { version: '2.0.0-rc.1' },
      {},
      undefined,
      /2\.0\.0-rc\.1 is a prerelease/,
      /Include prereleases/,
    ],
    [
      'goal major has only prereleases',
      '1.4.2',
      [rel('2.0.0-rc.1')],
      { major: 2 },
      {},
      undefined,
      /prerelease/,
      /Include prereleases/,
    ],
    [
      'goal version not for the platform',
      '1.4.2',
      [rel('1.9.0', undefined, ['mac-arm64'])],
      { version: '1.9.0' },
      { platform: 'linux-x64' },
      undefined,
      /not published for linux-x64/,
      /platform/,
    ],
    [
      'an installed prerelease does not satisfy a plain range',
      '1.9.0-rc.1',
      [rel('2.0.0', '>=1.8.0')],
      { major: 2 },
      {},
      '2.0.0',
      /1\.9\.0-rc\.1/,
      /TAC/,
    ],
  ])('%s', (_name, installed, releases, goal, options, blockedBy, message, remedy) => {
    const plan = planUpgradePath(installed, releases, goal, options);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.code).toBe('NO_UPGRADE_PATH');
    expect(plan.blockedBy?.version).toBe(blockedBy);
    expect(plan.message).toMatch(message);
    expect(plan.remedy).toMatch(remedy);
  });
});

describe('planUpgradePath: bad input', () => {
  it.each<[string, () => unknown, string]>([
    ['installed 1.2', () => planUpgradePath('1.2', EXAMPLE, { newest: true }), 'INVALID_VERSION'],
    ['installed v1.2.3', () => planUpgradePath('v1.2.3', EXAMPLE, { newest: true }), 'INVALID_VERSION'],
    ['installed 01.2.3', () => planUpgradePath('01.2.3', EXAMPLE, { newest: true }), 'INVALID_VERSION'],
    ['installed empty', () => planUpgradePath('', EXAMPLE, { newest: true }), 'INVALID_VERSION'],
    ['release version 1.2', () => planUpgradePath('1.0.0', [rel('1.2')], { newest: true }), 'INVALID_VERSION'],
    ['release version v1.2.3', () => planUpgradePath('1.0.0', [rel('v1.2.3')], { newest: true }), 'INVALID_VERSION'],
    [
      'older release with a bad version',
      () => planUpgradePath('5.0.0', [rel('01.2.3')], { newest: true }),
      'INVALID_VERSION',
    ],
    ['goal version v2.0.0', () => planUpgradePath('1.0.0', EXAMPLE, { version: 'v2.0.0' }), 'INVALID_VERSION'],
    [
      'bad range >=1.x.x.x',
      () => planUpgradePath('1.0.0', [rel('2.0.0', '>=1.x.x.x')], { major: 2 }),
      'INVALID_VERSION_RANGE',
    ],
    ['bad range %%', () => planUpgradePath('1.0.0', [rel('2.0.0', '%%')], { major: 2 }), 'INVALID_VERSION_RANGE'],
    [
      'bad range on a release beyond the goal',
      () => planUpgradePath('1.0.0', [rel('1.1.0'), rel('3.0.0', '%%')], { version: '1.1.0' }),
      'INVALID_VERSION_RANGE',
    ],
    [
      'mixed products',
      () => planUpgradePath('1.0.0', [rel('1.1.0'), { ...rel('1.2.0'), product: 'hicare-client' }], { newest: true }),
      'INVALID_INPUT',
    ],
    [
      'release without product',
      () => planUpgradePath('1.0.0', [{ ...rel('1.2.0'), product: '' }], { newest: true }),
      'INVALID_INPUT',
    ],
    ['negative goal major', () => planUpgradePath('1.0.0', EXAMPLE, { major: -1 }), 'INVALID_INPUT'],
    ['fractional goal major', () => planUpgradePath('1.0.0', EXAMPLE, { major: 1.5 }), 'INVALID_INPUT'],
    ['empty goal', () => planUpgradePath('1.0.0', EXAMPLE, {} as UpgradeGoal), 'INVALID_INPUT'],
    [
      'newest: false',
      () => planUpgradePath('1.0.0', EXAMPLE, { newest: false } as unknown as UpgradeGoal),
      'INVALID_INPUT',
    ],
    ['empty platform', () => planUpgradePath('1.0.0', EXAMPLE, { newest: true }, { platform: '' }), 'INVALID_INPUT'],
  ])('%s → %s', (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});

describe('planUpgradePath: properties', () => {
  const versionArb = fc
    .tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 2 }),
      fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    )
    .map(([ma, mi, pa, rc]) => `${ma}.${mi}.${pa}${rc === undefined ? '' : `-rc.${rc}`}`);
  const rangeArb = fc.option(
    fc.oneof(
      versionArb.map((v) => `>=${v}`),
      versionArb.map((v) => `~${v}`),
      versionArb.map((v) => `^${v}`),
      fc.tuple(versionArb, fc.integer({ min: 0, max: 3 })).map(([v, m]) => `>=${v} || ^${m}`),
      fc.tuple(versionArb, versionArb).map(([a, b]) => `${a} - ${b}`),
      fc.integer({ min: 0, max: 3 }).map((m) => `${m}.x`),
    ),
    { nil: undefined },
  );
  const releaseArb = fc
    .tuple(versionArb, rangeArb, fc.option(fc.subarray(['linux-x64', 'win-x64', 'mac-arm64']), { nil: undefined }))
    .map(([v, range, platforms]) => rel(v, range, platforms));
  const goalArb: fc.Arbitrary<UpgradeGoal> = fc.oneof(
    versionArb.map((version) => ({ version })),
    fc.integer({ min: 0, max: 3 }).map((major) => ({ major })),
    fc.constant({ newest: true as const }),
  );
  const optionsArb: fc.Arbitrary<PlanOptions> = fc.record(
    { includePrereleases: fc.boolean(), platform: fc.constantFrom('linux-x64', 'win-x64') },
    { requiredKeys: [] },
  );
  const inputArb = fc.tuple(versionArb, fc.array(releaseArb, { maxLength: 25 }), goalArb, optionsArb);

  it('every hop increases the version, satisfies its minUpgradeFrom and respects the filters', () => {
    fc.assert(
      fc.property(inputArb, ([installed, releases, goal, options]) => {
        const plan = planUpgradePath(installed, releases, goal, options);
        if (!plan.ok) return;
        let from = installed;
        for (const hop of plan.hops) {
          expect(compareVersions(hop.version, from)).toBeGreaterThan(0);
          expect(satisfiesMinUpgradeFrom(from, hop)).toBe(true);
          if (options.includePrereleases !== true) expect(isPrerelease(hop.version)).toBe(false);
          if (options.platform !== undefined && hop.platforms !== undefined)
            expect(hop.platforms).toContain(options.platform);
          from = hop.version;
        }
        const last = plan.hops[plan.hops.length - 1];
        if (last !== undefined && 'version' in goal) expect(compareVersions(last.version, goal.version)).toBe(0);
        if (last !== undefined && 'major' in goal) expect(majorOf(last.version)).toBe(goal.major);
      }),
      { numRuns: 500 },
    );
  });

  it('a version goal is reached exactly when an exhaustive search reaches it, in as few hops', () => {
    fc.assert(
      fc.property(inputArb, ([installed, releases, , options]) => {
        const usable = releases.filter(
          (r) =>
            (options.includePrereleases === true || !isPrerelease(r.version)) &&
            (options.platform === undefined || r.platforms === undefined || r.platforms.includes(options.platform)),
        );
        // plain all-pairs breadth-first search as the reference
        const dist = new Map<string, number>([[installed, 0]]);
        let layer = [installed];
        for (let d = 1; layer.length > 0; d += 1) {
          const next: string[] = [];
          for (const r of usable) {
            if (dist.has(r.version)) continue;
            if (layer.some((a) => compareVersions(r.version, a) > 0 && satisfiesMinUpgradeFrom(a, r))) {
              dist.set(r.version, d);
              next.push(r.version);
            }
          }
          layer = next;
        }
        for (const r of releases) {
          if (compareVersions(r.version, installed) <= 0) continue;
          const plan = planUpgradePath(installed, releases, { version: r.version }, options);
          const expected = dist.get(r.version);
          expect(plan.ok ? plan.hops.length : undefined).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
