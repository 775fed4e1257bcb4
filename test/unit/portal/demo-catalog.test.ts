/**
 * The demo world's release data must obey the domain rules it is meant to demonstrate (DESIGN.md §3.2, §6): valid
 * versions and lifecycles, a multi-hop upgrade path, a prerelease, a line past end of maintenance, and exactly one
 * release whose installer fails.
 */
import { describe, expect, it } from 'vitest';
import { LifecycleSchema } from '../../../shared/contracts/catalog.js';
import {
  assertLifecycle,
  assertRelease,
  isPrerelease,
  linePhase,
  publishedAfterEndOfMaintenance,
} from '../../../shared/domain/release.js';
import { planUpgradePath } from '../../../shared/domain/upgrade-path.js';
import {
  DEMO_INSTALL_FAILURE,
  DEMO_LIFECYCLES,
  DEMO_PRODUCTS,
  DEMO_RELEASES,
  demoLifecycleOf,
  demoPackageSpecs,
  toDomainRelease,
} from '../../../portal/demo/catalog.js';

const releasesOf = (product: string) => DEMO_RELEASES.filter((r) => r.product === product).map(toDomainRelease);
const hops = (installed: string, product: string, version: string): string[] => {
  const plan = planUpgradePath(installed, releasesOf(product), { version });
  if (!plan.ok) throw new Error(plan.message);
  return plan.hops.map((h) => h.version);
};
/** A fixed "now" in the demo's present, so the lifecycle checks do not drift with the calendar. */
const NOW = new Date('2026-11-24T12:00:00Z');

describe('demo catalog', () => {
  it('has at least three products, each with releases, notes and all three x64 platforms', () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(3);
    for (const p of DEMO_PRODUCTS) expect(DEMO_RELEASES.some((r) => r.product === p.id)).toBe(true);
    for (const r of DEMO_RELEASES) {
      expect(DEMO_PRODUCTS.some((p) => p.id === r.product)).toBe(true);
      expect(r.notes.split('\n').length).toBeGreaterThanOrEqual(2);
      expect(r.platforms.map((t) => `${t.platform}-${t.arch}`).sort()).toEqual(['linux-x64', 'mac-x64', 'win-x64']);
    }
  });

  it('every release and lifecycle passes the shared domain checks', () => {
    for (const r of DEMO_RELEASES) expect(() => assertRelease(toDomainRelease(r))).not.toThrow();
    for (const l of DEMO_LIFECYCLES) {
      expect(() => assertLifecycle(l)).not.toThrow();
      expect(LifecycleSchema.parse(l)).toEqual(l);
    }
    const keys = DEMO_RELEASES.map((r) => `${r.product}@${r.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every generally available release has its line’s lifecycle, and none was published after end of maintenance', () => {
    for (const r of DEMO_RELEASES.filter((x) => !isPrerelease(x.version))) {
      const lifecycle = demoLifecycleOf(r.product, r.version);
      expect(lifecycle, `${r.product} ${r.version}`).toBeDefined();
      expect(publishedAfterEndOfMaintenance(toDomainRelease(r), lifecycle)).toBe(false);
      expect(Date.parse(r.publishedAt)).toBeGreaterThanOrEqual(Date.parse(`${lifecycle?.ga ?? ''}T00:00:00Z`));
    }
  });

  it('has a prerelease', () => {
    expect(DEMO_RELEASES.filter((r) => isPrerelease(r.version)).map((r) => `${r.product} ${r.version}`)).toEqual([
      'atlas 3.0.0-rc.1',
    ]);
  });

  it('has a line past end of maintenance but still in service, and maintained lines', () => {
    const phases = DEMO_LIFECYCLES.map((l) => `${l.product} ${l.major}.x: ${linePhase(l, NOW)}`);
    expect(phases).toContain('beacon 1.x: past-end-of-maintenance');
    expect(phases).toContain('beacon 2.x: maintained');
    expect(phases).toContain('atlas 2.x: maintained');
    expect(phases).toContain('cobalt 4.x: maintained');
  });

  it.each([
    ['1.4.2', 'atlas', '2.3.1', ['1.9.0', '2.3.1']],
    ['1.8.0', 'atlas', '2.0.0', ['2.0.0']],
    ['2.0.0', 'atlas', '2.3.1', ['2.3.1']],
    ['1.5.0', 'beacon', '2.1.4', ['1.6.3', '2.1.4']],
    ['4.0.0', 'cobalt', '4.2.1', ['4.2.1']],
  ])('plans %s → %s %s as %j', (installed, product, version, expected) => {
    expect(hops(installed, product, version)).toEqual(expected);
  });

  it('has exactly one failing installer, the one the known issue describes', () => {
    const failing = DEMO_RELEASES.filter((r) => r.installerFails === true).map((r) => `${r.product} ${r.version}`);
    expect(failing).toEqual([`${DEMO_INSTALL_FAILURE.product} ${DEMO_INSTALL_FAILURE.version}`]);
    expect(DEMO_INSTALL_FAILURE.cause).toContain(DEMO_INSTALL_FAILURE.signature);
    expect(demoPackageSpecs().filter((s) => s.fail)).toHaveLength(3);
    expect(demoPackageSpecs()).toHaveLength(DEMO_RELEASES.length * 3);
  });
});
