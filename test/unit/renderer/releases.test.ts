import { describe, expect, it } from 'vitest';
import { bulkRows, filterRows } from '../../../renderer/src/lib/bulk.js';
import { pathTo } from '../../../renderer/src/lib/upgrade-path.js';
import type { ResolutionView } from '../../../shared/contracts/app-views.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';

function target(product: string, version: string, minUpgradeFrom?: string): ReleaseTarget {
  return {
    name: `${product}/${version}/linux-x64/${product}-${version}-linux-x64.tar.gz`,
    length: 1_000,
    sha256: 'a'.repeat(64),
    custom: {
      product,
      version,
      platform: 'linux',
      arch: 'x64',
      installer: { type: 'archive', args: [], timeoutSeconds: 900, elevate: false },
      detection: { kind: 'file', path: 'VERSION' },
      publishedAt: '2026-01-01T00:00:00Z',
      notes: '',
      ...(minUpgradeFrom === undefined ? {} : { minUpgradeFrom }),
    },
  };
}

const verdict = (allowed: boolean) => ({
  allowed,
  kind: 'update' as const,
  requiredRight: 'update' as const,
  reasons: [],
  contractId: 'C1',
});

function resolution(
  serialNumber: string,
  updates: [ReleaseTarget, boolean][],
  upgrades: [ReleaseTarget, boolean][] = [],
): ResolutionView {
  return {
    system: {
      serialNumber,
      product: 'atlas',
      location: 'Plant',
      contractIds: ['C1'],
      installedVersion: '1.4.2',
      versionSource: 'portal',
      platform: 'linux-x64',
      installDir: null,
      updatedAt: '2026-01-01T00:00:00Z',
    },
    updates: updates.map(([t, a]) => ({ target: t, verdict: verdict(a) })),
    upgrades: upgrades.map(([t, a]) => ({ target: t, verdict: { ...verdict(a), kind: 'upgrade' as const } })),
    line: null,
    recommended: null,
  };
}

describe('the bulk download list', () => {
  it('lists each package once, with every system it is allowed on, and marks packages no system may take', () => {
    const a19 = target('atlas', '1.9.0');
    const a20 = target('atlas', '2.0.0', '>=1.8.0');
    const rows = bulkRows([
      resolution('S1', [[a19, true]], [[a20, false]]),
      resolution('S2', [[a19, true]], [[a20, false]]),
    ]);
    expect(rows.map((r) => [r.target.custom.version, r.allowed, r.serialNumbers])).toEqual([
      ['1.9.0', true, ['S1', 'S2']],
      ['2.0.0', false, []],
    ]);
  });

  it('filters by every word typed, across name, version, platform and serial number', () => {
    const rows = bulkRows([
      resolution('NW-1', [[target('atlas', '1.9.0'), true]]),
      resolution('CG-7', [[target('atlas', '1.8.0'), true]]),
    ]);
    expect(filterRows(rows, '').length).toBe(2);
    expect(filterRows(rows, 'atlas 1.9').map((r) => r.target.custom.version)).toEqual(['1.9.0']);
    expect(filterRows(rows, 'cg-7 LINUX').map((r) => r.target.custom.version)).toEqual(['1.8.0']);
    expect(filterRows(rows, 'beacon')).toEqual([]);
  });

  it('builds and filters 10,000 releases quickly enough to type into', () => {
    const many: [ReleaseTarget, boolean][] = [];
    for (let i = 0; i < 10_000; i++) many.push([target('atlas', `1.${Math.floor(i / 100)}.${i % 100}`), i % 3 !== 0]);
    const started = performance.now();
    const rows = bulkRows([resolution('S1', many)]);
    const shown = filterRows(rows, '1.42');
    expect(rows.length).toBe(10_000);
    expect(shown.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('the upgrade path drawn for each release', () => {
  const releases = [
    target('atlas', '1.8.0'),
    target('atlas', '1.9.0'),
    target('atlas', '2.0.0', '>=1.8.0'),
    target('atlas', '2.3.1', '>=1.9.0 || ^2'),
  ];

  it('goes from the installed version through each needed hop to the target', () => {
    expect(pathTo('1.4.2', '2.3.1', releases)).toEqual({ ok: true, steps: ['1.4.2', '1.9.0', '2.3.1'] });
    expect(pathTo('1.9.0', '2.3.1', releases)).toEqual({ ok: true, steps: ['1.9.0', '2.3.1'] });
    expect(pathTo('1.4.2', '1.8.0', releases)).toEqual({ ok: true, steps: ['1.4.2', '1.8.0'] });
  });

  it('says why there is no path, and draws none when nothing is installed', () => {
    const blocked = pathTo('1.4.2', '2.3.1', [target('atlas', '2.3.1', '>=1.9.0')]);
    expect(blocked).toMatchObject({ ok: false });
    expect(blocked?.ok === false && blocked.remedy.length > 0).toBe(true);
    expect(pathTo(null, '2.3.1', releases)).toBeNull();
    expect(pathTo('not a version', '2.3.1', releases)).toMatchObject({ ok: false });
  });
});
