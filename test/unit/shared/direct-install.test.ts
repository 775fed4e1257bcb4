import { describe, expect, it } from 'vitest';
import type { Release } from '../../../shared/domain/release.js';
import { directInstallRefusal } from '../../../shared/domain/upgrade-path.js';
import { codeOf } from '../../support.js';

function rel(version: string, minUpgradeFrom?: string): Release {
  return {
    product: 'atlas',
    version,
    publishedAt: '2026-02-24T09:00:00Z',
    ...(minUpgradeFrom === undefined ? {} : { minUpgradeFrom }),
  };
}

const ATLAS = [
  rel('1.4.2'),
  rel('1.8.0'),
  rel('1.9.0'),
  rel('2.0.0', '>=1.8.0'),
  rel('2.3.1', '>=1.9.0 || ^2'),
  rel('3.0.0-rc.1', '^2.3.0'),
];
const atlas = (version: string): Release => ATLAS.find((r) => r.version === version) ?? rel(version);

describe('directInstallRefusal: a hop is never skipped', () => {
  it.each<[string, string, string]>([
    ['an update with no range', '1.4.2', '1.9.0'],
    ['an upgrade whose range the installed version satisfies', '1.9.0', '2.3.1'],
    ['an update within the new major', '2.0.0', '2.3.1'],
    ['the lowest version of the range', '1.8.0', '2.0.0'],
  ])('allows %s (%s → %s)', (_name, installed, version) => {
    expect(
      directInstallRefusal({ installed, serialNumber: 'CG-ATL-0001', release: atlas(version), releases: ATLAS }),
    ).toBeNull();
  });

  it.each<[string, string, string, string, string, string[]]>([
    [
      'the worked example',
      '1.4.2',
      '2.3.1',
      'Atlas 2.3.1 installs only over 1.9.0 or later; CG-ATL-0001 runs 1.4.2.',
      'Install 1.9.0 first, or install the path 1.9.0 → 2.3.1.',
      ['1.9.0', '2.3.1'],
    ],
    [
      'a first major just below its range',
      '1.4.2',
      '2.0.0',
      'Atlas 2.0.0 installs only over 1.8.0 or later; CG-ATL-0001 runs 1.4.2.',
      'Install 1.9.0 first, or install the path 1.9.0 → 2.0.0.',
      ['1.9.0', '2.0.0'],
    ],
  ])(
    'refuses %s with UPGRADE_PATH_REQUIRED and names the first hop',
    (_name, installed, version, message, remedy, path) => {
      const refusal = directInstallRefusal({
        installed,
        serialNumber: 'CG-ATL-0001',
        release: atlas(version),
        releases: ATLAS,
      });
      expect(refusal?.toBody()).toEqual({
        code: 'UPGRADE_PATH_REQUIRED',
        message,
        remedy,
        key: 'UPGRADE_PATH_REQUIRED.direct',
        params: expect.objectContaining({ installed, first: path[0] }) as unknown,
        details: { serialNumber: 'CG-ATL-0001', installed, version, path },
      });
    },
  );

  it('says when no published release leads there, and names no path', () => {
    const refusal = directInstallRefusal({
      installed: '1.4.2',
      serialNumber: 'CG-ATL-0001',
      release: rel('4.0.0', '^3'),
      releases: [rel('1.9.0'), rel('4.0.0', '^3')],
    });
    expect(refusal?.code).toBe('UPGRADE_PATH_REQUIRED');
    expect(refusal?.message).toBe('Atlas 4.0.0 installs only over any 3.x; CG-ATL-0001 runs 1.4.2.');
    expect(refusal?.remedy).toMatch(/^Nothing was installed\. Contact TAC/);
    expect(refusal?.details?.['path']).toEqual([]);
  });

  it('plans through previews only when they are included', () => {
    const refusal = directInstallRefusal({
      installed: '2.0.0',
      serialNumber: 'CG-ATL-0001',
      release: rel('4.0.0', '^3'),
      releases: [rel('3.0.0-rc.1'), rel('4.0.0', '^3')],
    });
    expect(refusal?.details?.['path']).toEqual([]);
  });

  it('refuses an installed version that is not a version', () => {
    expect(
      codeOf(() =>
        directInstallRefusal({
          installed: 'v1.4',
          serialNumber: 'CG-ATL-0001',
          release: atlas('2.3.1'),
          releases: ATLAS,
        }),
      ),
    ).toBe('INVALID_VERSION');
  });
});
