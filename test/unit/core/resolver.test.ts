/** The resolver: per system, updates and upgrades with the shared verdicts, and the path to the newest allowed release. */
import { describe, expect, it } from 'vitest';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import type { Contract } from '../../../shared/domain/contract.js';
import { resolveSystems, hasAvailable, type ResolverSystem } from '../../../electron/core/resolver/resolver.js';

function target(
  version: string,
  platform: 'linux' | 'win' = 'linux',
  extra: Partial<ReleaseTarget['custom']> = {},
): ReleaseTarget {
  return {
    name: `atlas/${version}/${platform}-x64/atlas-${version}.tar.gz`,
    length: 10,
    sha256: '0'.repeat(64),
    custom: {
      product: 'atlas',
      version,
      platform,
      arch: 'x64',
      installer: { type: 'archive', args: [], timeoutSeconds: 60, elevate: false },
      detection: { kind: 'file', path: '{target}/VERSION' },
      publishedAt: '2026-01-01T00:00:00Z',
      notes: '',
      ...extra,
    },
  };
}

const CATALOG = [
  target('1.4.2'),
  target('1.8.0'),
  target('1.9.0'),
  target('1.9.0', 'win'),
  target('2.0.0', 'linux', { minUpgradeFrom: '>=1.8.0' }),
  target('2.3.1', 'linux', { minUpgradeFrom: '>=1.9.0 || ^2' }),
  target('3.0.0-rc.1', 'linux', { minUpgradeFrom: '^2.3.0' }),
];

function contract(id: string, tier: Contract['tier'], serials: string[]): Contract {
  return {
    id,
    customerId: 'c',
    tier,
    region: 'EMEA',
    timeZone: 'UTC',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    systems: serials.map((serialNumber) => ({ serialNumber, product: 'atlas', location: 'here' })),
    licensedMajors: { atlas: 1 },
  };
}

const NOW = new Date('2026-06-01T00:00:00Z');
const system = (serialNumber: string, installedVersion: string | null, platform = 'linux-x64'): ResolverSystem => ({
  serialNumber,
  product: 'atlas',
  location: 'here',
  installedVersion,
  platform,
});
const resolve = (systems: ResolverSystem[], contracts: Contract[], previews = false) =>
  resolveSystems(systems, { contracts, catalog: { targets: () => CATALOG, lifecycles: [] }, now: NOW, previews });
const versions = (cs: { target: ReleaseTarget; verdict: { allowed: boolean } }[]) =>
  cs.map((c) => `${c.target.custom.version}${c.verdict.allowed ? '' : '✗'}`);

describe('resolveSystems', () => {
  it.each([
    ['Support, 1.4.2', 'support', '1.4.2', ['1.9.0', '1.8.0'], ['3.0.0-rc.1✗', '2.3.1✗', '2.0.0✗'], '1.9.0', ['1.9.0']],
    [
      'Upgrade Support, 1.4.2: two hops',
      'upgrade-support',
      '1.4.2',
      ['1.9.0', '1.8.0'],
      ['3.0.0-rc.1✗', '2.3.1', '2.0.0'],
      '2.3.1',
      ['1.9.0', '2.3.1'],
    ],
    [
      'Upgrade Support, 2.0.0: an update now',
      'upgrade-support',
      '2.0.0',
      ['2.3.1'],
      ['3.0.0-rc.1✗'],
      '2.3.1',
      ['2.3.1'],
    ],
    ['Upgrade Support, newest installed', 'upgrade-support', '2.3.1', [], ['3.0.0-rc.1✗'], null, null],
  ] as const)('%s', (_, tier, installed, updates, upgrades, recommended, hops) => {
    const [r] = resolve([system('S1', installed)], [contract('C', tier, ['S1'])]);
    expect(versions(r!.updates)).toEqual(updates);
    expect(versions(r!.upgrades)).toEqual(upgrades);
    expect(r!.recommended?.version ?? null).toBe(recommended);
    const plan = r!.recommended?.plan;
    expect(plan === undefined ? null : plan.ok ? plan.hops.map((h) => h.version) : 'no path').toEqual(hops);
  });

  it('lists only the builds for the system’s platform', () => {
    const [r] = resolve([system('S1', '1.8.0', 'win-x64')], [contract('C', 'support', ['S1'])]);
    expect(r!.updates.map((c) => c.target.name)).toEqual(['atlas/1.9.0/win-x64/atlas-1.9.0.tar.gz']);
  });

  it('offers previews only when asked, and never a new major’s preview under Support', () => {
    const [ups] = resolve([system('S1', '2.3.1')], [contract('C', 'upgrade-support', ['S1'])], true);
    expect(versions(ups!.upgrades)).toEqual(['3.0.0-rc.1']);
    const [sup] = resolve(
      [system('S1', '2.3.1')],
      [{ ...contract('C', 'support', ['S1']), licensedMajors: { atlas: 2 } }],
      true,
    );
    expect(versions(sup!.upgrades)).toEqual(['3.0.0-rc.1✗']);
  });

  it('judges nothing for a system whose version is unknown, and refuses everything without a covering contract', () => {
    const [unknown, uncovered] = resolve(
      [system('S1', null), system('S2', '1.4.2')],
      [contract('C', 'upgrade-support', ['S1'])],
    );
    expect([unknown!.updates, unknown!.upgrades, unknown!.recommended]).toEqual([[], [], null]);
    expect(hasAvailable(uncovered!)).toBe(false);
    expect(uncovered!.updates[0]?.verdict.reasons.map((r) => r.code)).toEqual(['NO_CONTRACT']);
  });

  it('gives systems that share product, version, platform and contracts the same answer, each with its own system', () => {
    const results = resolve(
      [system('S1', '1.4.2'), system('S2', '1.4.2'), system('S3', '1.8.0')],
      [contract('C', 'upgrade-support', ['S1', 'S2', 'S3'])],
    );
    expect(results.map((r) => r.system.serialNumber)).toEqual(['S1', 'S2', 'S3']);
    expect(results[1]!.updates).toBe(results[0]!.updates);
    expect(versions(results[2]!.updates)).toEqual(['1.9.0']);
  });
});
