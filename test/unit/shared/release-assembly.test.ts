/** The one rule that turns signed catalog entries into releases, as the portal and the client both apply it. */
import { describe, expect, it } from 'vitest';
import { platformKey } from '../../../shared/domain/platform.js';
import { assembleReleases, newestFirst, type CatalogBuild } from '../../../shared/domain/release-assembly.js';
import type { Release } from '../../../shared/domain/release.js';

const AT = '2026-03-01T09:00:00Z';

function build(version: string, os = 'linux', arch = 'x64', extra: Partial<CatalogBuild['custom']> = {}): CatalogBuild {
  return {
    name: `atlas/${version}/${os}-${arch}/atlas-${version}.tar.gz`,
    custom: { product: 'atlas', version, publishedAt: AT, platform: os, arch, ...extra },
  };
}

function release(version: string, platforms: string[], minUpgradeFrom?: string): Release {
  return {
    product: 'atlas',
    version,
    publishedAt: AT,
    platforms,
    ...(minUpgradeFrom === undefined ? {} : { minUpgradeFrom }),
  };
}

describe('platformKey', () => {
  it.each([
    ['linux', 'x64', 'linux-x64'],
    ['win', 'arm64', 'win-arm64'],
    ['mac', 'arm64', 'mac-arm64'],
  ])('names %s on %s as %s', (os, arch, key) => {
    expect(platformKey(os, arch)).toBe(key);
  });
});

describe('assembleReleases', () => {
  it.each<[string, CatalogBuild[], Release[]]>([
    ['an empty catalog has no releases', [], []],
    ['one build is one release for its platform', [build('1.0.0')], [release('1.0.0', ['linux-x64'])]],
    [
      'builds of one version are one release listing every platform, in name order',
      [build('2.0.0', 'win'), build('2.0.0', 'linux'), build('2.0.0', 'mac', 'arm64')],
      [release('2.0.0', ['linux-x64', 'mac-arm64', 'win-x64'])],
    ],
    [
      'releases come newest first whatever order the catalog lists them in',
      [build('1.9.0'), build('2.3.1'), build('1.10.0'), build('2.3.1-rc.1')],
      [
        release('2.3.1', ['linux-x64']),
        release('2.3.1-rc.1', ['linux-x64']),
        release('1.10.0', ['linux-x64']),
        release('1.9.0', ['linux-x64']),
      ],
    ],
    [
      'a platform built twice (two files) is listed once',
      [build('1.0.0'), { ...build('1.0.0'), name: 'atlas/1.0.0/linux-x64/atlas-1.0.0.deb' }],
      [release('1.0.0', ['linux-x64'])],
    ],
    [
      'minUpgradeFrom is carried over',
      [
        build('2.0.0', 'linux', 'x64', { minUpgradeFrom: '>=1.9.0' }),
        build('2.0.0', 'win', 'x64', { minUpgradeFrom: '>=1.9.0' }),
      ],
      [release('2.0.0', ['linux-x64', 'win-x64'], '>=1.9.0')],
    ],
    [
      'when builds of a version disagree, the first build by name decides minUpgradeFrom',
      [
        build('2.0.0', 'win', 'x64', { minUpgradeFrom: '>=1.5.0' }),
        build('2.0.0', 'linux', 'x64', { minUpgradeFrom: '>=1.9.0' }),
      ],
      [release('2.0.0', ['linux-x64', 'win-x64'], '>=1.9.0')],
    ],
    [
      'versions that differ only in build metadata stay two releases',
      [build('1.2.3+b8'), build('1.2.3+b7')],
      [release('1.2.3+b7', ['linux-x64']), release('1.2.3+b8', ['linux-x64'])],
    ],
  ])('%s', (_name, builds, expected) => {
    expect(assembleReleases(builds)).toEqual(expected);
  });

  it('keeps only the builds for the platform asked for', () => {
    const builds = [build('1.0.0', 'win'), build('1.1.0'), build('1.1.0', 'win'), build('1.2.0')];
    expect(assembleReleases(builds, { platform: 'win-x64' })).toEqual([
      release('1.1.0', ['win-x64']),
      release('1.0.0', ['win-x64']),
    ]);
  });

  it('gives the same releases for every order of the same entries', () => {
    const builds = [
      build('1.9.0'),
      build('2.0.0', 'win', 'x64', { minUpgradeFrom: '>=1.9.0' }),
      build('2.0.0', 'linux', 'x64', { minUpgradeFrom: '^1.9' }),
      build('1.9.0', 'mac'),
    ];
    const expected = assembleReleases(builds);
    expect(assembleReleases([...builds].reverse())).toEqual(expected);
    for (let shift = 1; shift < builds.length; shift++) {
      expect(assembleReleases([...builds.slice(shift), ...builds.slice(0, shift)])).toEqual(expected);
    }
  });

  it('does not reorder the entries it was given', () => {
    const builds = [build('1.0.0'), build('2.0.0')];
    assembleReleases(builds);
    expect(builds.map((b) => b.custom.version)).toEqual(['1.0.0', '2.0.0']);
  });
});

describe('newestFirst', () => {
  it('orders builds newest first and builds of one version by name, not by locale', () => {
    const builds = [
      build('1.0.0', 'linux'),
      build('2.0.0', 'win'),
      { ...build('2.0.0', 'linux'), name: 'atlas/2.0.0/Z' },
      build('2.0.0', 'linux'),
    ];
    expect(newestFirst(builds).map((b) => b.name)).toEqual([
      'atlas/2.0.0/Z',
      'atlas/2.0.0/linux-x64/atlas-2.0.0.tar.gz',
      'atlas/2.0.0/win-x64/atlas-2.0.0.tar.gz',
      'atlas/1.0.0/linux-x64/atlas-1.0.0.tar.gz',
    ]);
  });
});
