/**
 * `node --import tsx test/bench/resolver.ts`: the resolver on a fleet report — 1,000 systems against a product of
 * 500 releases — against the target of DESIGN.md §8 (< 25 ms), and, as a reference from the same run, what a naive
 * resolver would cost: one plain `verdict()` call times the number of (system, release) pairs. The fleet is
 * generated deterministically with a realistic spread (see `fleet`), and before timing, the resolver's answers for
 * a sample of systems are checked against a plain per-pair evaluation, so a speed-up that changes a result fails
 * here. `HICARE_BENCH_SYSTEMS` and `HICARE_BENCH_RELEASES` change the sizes.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import {
  resolveSystems,
  type ResolveOptions,
  type ResolverSystem,
  type SystemResolution,
} from '../../electron/core/resolver/resolver.js';
import type { ReleaseTarget } from '../../shared/contracts/catalog.js';
import type { Contract } from '../../shared/domain/contract.js';
import { compareVersions, majorOf, type LineLifecycle, type Release } from '../../shared/domain/release.js';
import { planUpgradePath } from '../../shared/domain/upgrade-path.js';
import { verdict, type Verdict } from '../../shared/domain/verdict.js';
import { seededRandom } from '../support/seeded-random.js';
import { recordGoal } from './goals.js';

const SYSTEMS = Number(process.env['HICARE_BENCH_SYSTEMS'] ?? 1000);
const RELEASES = Number(process.env['HICARE_BENCH_RELEASES'] ?? 500);
const RUNS = 5;
const TARGET_MS = 25;
const PRODUCT = 'atlas';
const NOW = new Date('2026-06-01T08:00:00Z');
const DAY_MS = 86_400_000;

export interface ResolverFigures {
  systems: number;
  releases: number;
  targets: number;
  distinctInstalled: number;
  combinations: number;
  medianMs: number;
  runsMs: number[];
  verdictMicros: number;
  naiveMs: number;
  speedupVsNaive: number;
  checkedSystems: number;
}

/**
 * The release feed: majors of 100 releases each (ten minors, each with an rc and nine patches), published every
 * five days from 2019; Linux and Windows builds of everything, macOS from major 3 on. Each new major can only be
 * installed over the previous line's x.8 or later, and each x.5.0 only over x.2 or later, so plans take hops.
 */
function catalog(count: number): { targets: ReleaseTarget[]; versions: string[]; lifecycles: LineLifecycle[] } {
  const versions: string[] = [];
  for (let major = 1; versions.length < count; major++) {
    for (let minor = 0; minor < 10 && versions.length < count; minor++) {
      versions.push(`${major}.${minor}.0-rc.1`);
      for (let patch = 0; patch < 9 && versions.length < count; patch++) versions.push(`${major}.${minor}.${patch}`);
    }
  }
  const start = Date.parse('2019-01-07T09:00:00Z');
  const targets: ReleaseTarget[] = [];
  versions.forEach((version, i) => {
    const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map(Number);
    let minUpgradeFrom: string | undefined;
    if (major > 1 && minor === 0 && patch === 0) minUpgradeFrom = `>=${major - 1}.8.0`;
    else if (minor === 5 && patch === 0) minUpgradeFrom = `>=${major}.2.0`;
    const platforms: ['linux' | 'win' | 'mac', 'x64' | 'arm64'][] = [
      ['linux', 'x64'],
      ['win', 'x64'],
    ];
    if (major >= 3) platforms.push(['mac', 'arm64']);
    for (const [platform, arch] of platforms) {
      targets.push({
        name: `${PRODUCT}/${version}/${platform}-${arch}/${PRODUCT}-${version}.tar.gz`,
        length: 1000 + i,
        sha256: i.toString(16).padStart(64, '0'),
        custom: {
          product: PRODUCT,
          version,
          platform,
          arch,
          installer: { type: 'archive', args: [], timeoutSeconds: 900, elevate: false },
          detection: { kind: 'file', path: '{target}/VERSION' },
          ...(minUpgradeFrom === undefined ? {} : { minUpgradeFrom }),
          publishedAt: new Date(start + i * 5 * DAY_MS).toISOString().replace('.000Z', 'Z'),
          notes: '',
        },
      });
    }
  });
  const lifecycles: LineLifecycle[] = [
    { product: PRODUCT, major: 1, ga: '2019-01-07', endOfMaintenance: '2021-06-30', endOfService: '2023-06-30' },
    { product: PRODUCT, major: 2, ga: '2020-05-01', endOfMaintenance: '2023-06-30', endOfService: '2027-12-31' },
    { product: PRODUCT, major: 3, ga: '2021-10-01', endOfMaintenance: '2027-06-30', endOfService: '2029-06-30' },
    { product: PRODUCT, major: 4, ga: '2023-02-01' },
  ];
  return { targets, versions, lifecycles };
}

function contract(
  id: string,
  tier: Contract['tier'],
  timeZone: string,
  startDate: string,
  endDate: string,
  major: number,
  serials: string[],
): Contract {
  return {
    id,
    customerId: 'northwind',
    tier,
    region: 'EMEA',
    timeZone,
    startDate,
    endDate,
    systems: serials.map((serialNumber) => ({ serialNumber, product: PRODUCT, location: 'plant' })),
    licensedMajors: { [PRODUCT]: major },
  };
}

/**
 * The fleet: ~30 distinct installed versions (skewed towards a few popular ones, a few on prereleases), three
 * platforms, a Support contract on the first 60% and an Upgrade Support contract on the last half (so a tenth is
 * under both, as after a renewal overlap), 2% covered by neither and 1% with no known version yet.
 */
function fleet(count: number, versions: readonly string[]): { systems: ResolverSystem[]; contracts: Contract[] } {
  // Seeded, so every run measures the same fleet.
  const random = seededRandom(42);
  const ga = versions.filter((v) => !v.includes('-'));
  const pool = new Set<string>();
  for (let i = 0; pool.size < Math.min(27, ga.length); i++) pool.add(ga[Math.floor(random() * ga.length * 0.9)]!);
  const installed = [...pool, ...versions.filter((v) => v.includes('-')).slice(10, 13)];
  const platforms = ['linux-x64', 'win-x64', 'mac-arm64'];
  const systems: ResolverSystem[] = [];
  for (let i = 0; i < count; i++) {
    const popular = random() < 0.6 ? Math.floor(random() * 5) : Math.floor(random() * installed.length);
    systems.push({
      serialNumber: `SN-${String(i).padStart(6, '0')}`,
      product: PRODUCT,
      location: `site ${i % 17}`,
      installedVersion: i % 100 === 7 ? null : installed[popular]!,
      platform: platforms[i % 3]!,
    });
  }
  const serials = systems.map((s) => s.serialNumber);
  const uncovered = new Set(serials.filter((_, i) => i % 50 === 11));
  const covered = (from: number, to: number): string[] =>
    serials.slice(Math.floor(from * count), Math.floor(to * count)).filter((s) => !uncovered.has(s));
  return {
    systems,
    contracts: [
      contract('SUP-2026', 'support', 'Europe/Berlin', '2026-01-01', '2026-12-31', 3, covered(0, 0.6)),
      contract('UPS-2025', 'upgrade-support', 'America/New_York', '2025-07-01', '2026-07-15', 4, covered(0.5, 1)),
    ],
  };
}

function targetRelease(t: ReleaseTarget, all: readonly ReleaseTarget[]): Release {
  const r: Release = {
    product: t.custom.product,
    version: t.custom.version,
    publishedAt: t.custom.publishedAt,
    platforms: all
      .filter((o) => o.custom.version === t.custom.version)
      .map((o) => `${o.custom.platform}-${o.custom.arch}`),
  };
  if (t.custom.minUpgradeFrom !== undefined) r.minUpgradeFrom = t.custom.minUpgradeFrom;
  return r;
}

/** What the resolver must answer for one system, computed the plain way: every pair judged, nothing shared. */
function plainResolution(system: ResolverSystem, options: ResolveOptions): Omit<SystemResolution, 'system'> {
  if (system.installedVersion === null) return { updates: [], upgrades: [], recommended: null, line: null };
  const installed = system.installedVersion;
  const line =
    options.catalog.lifecycles.find((l) => l.product === system.product && l.major === majorOf(installed)) ?? null;
  const all = options.catalog.targets(system.product);
  const covering = options.contracts.filter((c) =>
    c.systems.some((s) => s.serialNumber === system.serialNumber && s.product === system.product),
  );
  const newer = [...all]
    .filter((t) => compareVersions(t.custom.version, installed) > 0)
    .sort((a, b) => compareVersions(b.custom.version, a.custom.version));
  const mine = newer.filter(
    (t) => system.platform === undefined || `${t.custom.platform}-${t.custom.arch}` === system.platform,
  );
  const judged = new Map<string, Verdict>();
  const updates: { target: ReleaseTarget; verdict: Verdict }[] = [];
  const upgrades: { target: ReleaseTarget; verdict: Verdict }[] = [];
  for (const target of mine) {
    const v = verdict({
      contracts: covering,
      system: {
        serialNumber: system.serialNumber,
        product: system.product,
        installedVersion: installed,
        ...(system.platform === undefined ? {} : { platform: system.platform }),
      },
      release: targetRelease(target, all),
      lifecycles: [...options.catalog.lifecycles],
      now: options.now,
      postExpiry: 'earned',
      includePrereleases: options.previews === true,
    });
    judged.set(target.custom.version, v);
    (v.kind === 'upgrade' ? upgrades : updates).push({ target, verdict: v });
  }
  const allowedReleases: Release[] = [];
  for (const t of [...all].sort((a, b) => compareVersions(b.custom.version, a.custom.version))) {
    if (judged.get(t.custom.version)?.allowed === true && !allowedReleases.some((r) => r.version === t.custom.version))
      allowedReleases.push(targetRelease(t, all));
  }
  const newest = allowedReleases[0];
  if (newest === undefined) return { updates, upgrades, recommended: null, line };
  const plan = planUpgradePath(
    installed,
    allowedReleases,
    { version: newest.version },
    {
      includePrereleases: options.previews === true,
      ...(system.platform === undefined ? {} : { platform: system.platform }),
    },
  );
  return { updates, upgrades, recommended: { version: newest.version, plan }, line };
}

/** The comparable content of a resolution: names, verdicts and plan hops, not object identities or orders of platforms. */
function summary(r: Omit<SystemResolution, 'system'>): unknown {
  const candidates = (cs: SystemResolution['updates']) => cs.map((c) => [c.target.name, c.verdict]);
  const plan = r.recommended?.plan;
  return {
    updates: candidates(r.updates),
    upgrades: candidates(r.upgrades),
    recommended: r.recommended?.version ?? null,
    plan:
      plan === undefined
        ? null
        : plan.ok
          ? plan.hops.map((h) => h.version)
          : { code: plan.code, message: plan.message, remedy: plan.remedy },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

/** The measured workload, also for profiling it alone (`node --cpu-prof`). */
export function resolverWorkload(): {
  systems: ResolverSystem[];
  options: ResolveOptions;
  targets: ReleaseTarget[];
  contracts: Contract[];
  lifecycles: LineLifecycle[];
} {
  const { targets, versions, lifecycles } = catalog(RELEASES);
  const { systems, contracts } = fleet(SYSTEMS, versions);
  return {
    systems,
    targets,
    contracts,
    lifecycles,
    options: { contracts, catalog: { targets: () => targets, lifecycles }, now: NOW },
  };
}

export async function main(): Promise<ResolverFigures> {
  const { systems, options, targets, contracts, lifecycles } = resolverWorkload();

  // Correctness first: a fast answer that differs from the plain one is no answer.
  const resolutions = resolveSystems(systems, options);
  let checked = 0;
  for (let i = 0; i < systems.length; i += 10) {
    const expected = summary(plainResolution(systems[i]!, options));
    if (!isDeepStrictEqual(summary(resolutions[i]!), expected)) {
      throw new Error(
        `The resolver's answer for ${systems[i]!.serialNumber} (${String(systems[i]!.installedVersion)}) differs from a plain per-release evaluation.`,
      );
    }
    checked++;
  }

  // Warm-up, then the measured runs: each a full resolution from scratch, as a fleet report does.
  for (let i = 0; i < 3; i++) resolveSystems(systems, options);
  const runsMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    resolveSystems(systems, options);
    runsMs.push(performance.now() - start);
  }

  // The reference: one plain verdict() for a spread of (system, release) pairs, its mean cost times all pairs.
  const releases = [...new Map(targets.map((t) => [t.custom.version, targetRelease(t, targets)])).values()];
  const judgedSystems = systems.filter((s) => s.installedVersion !== null);
  const calls = 20_000;
  const inputs = Array.from({ length: calls }, (_, i) => {
    const s = judgedSystems[(i * 7919) % judgedSystems.length]!;
    return {
      contracts: contracts.filter((c) => c.systems.some((x) => x.serialNumber === s.serialNumber)),
      system: {
        serialNumber: s.serialNumber,
        product: s.product,
        installedVersion: s.installedVersion!,
        platform: s.platform!,
      },
      release: releases[(i * 104_729) % releases.length]!,
      lifecycles,
      now: NOW,
    };
  });
  for (const input of inputs.slice(0, 2000)) verdict(input);
  const verdictStart = performance.now();
  for (const input of inputs) verdict(input);
  const verdictMicros = ((performance.now() - verdictStart) * 1000) / calls;

  const medianMs = median(runsMs);
  const naiveMs = (verdictMicros * systems.length * releases.length) / 1000;
  const figures: ResolverFigures = {
    systems: systems.length,
    releases: releases.length,
    targets: targets.length,
    distinctInstalled: new Set(systems.map((s) => s.installedVersion)).size,
    combinations: new Set(
      systems.map(
        (s) =>
          `${String(s.installedVersion)}|${String(s.platform)}|${contracts
            .filter((c) => c.systems.some((x) => x.serialNumber === s.serialNumber))
            .map((c) => c.id)
            .join()}`,
      ),
    ).size,
    medianMs,
    runsMs,
    verdictMicros,
    naiveMs,
    speedupVsNaive: naiveMs / medianMs,
    checkedSystems: checked,
  };

  recordGoal('download', 'resolver 1,000 systems × 500 releases (median)', medianMs, 'ms', '<', TARGET_MS);
  console.log(
    `\nResolver: ${figures.systems} systems × ${figures.releases} releases (${figures.targets} targets, ${figures.distinctInstalled} distinct installed versions, ` +
      `3 platforms, ${contracts.length} contracts; ${figures.combinations} distinct (version, platform, contracts) combinations; load average ${loadavg()[0]!.toFixed(2)})`,
  );
  console.log(`Answers of ${checked} sampled systems match a plain per-release evaluation.`);
  console.log(
    table([
      ['measure', 'value', 'target / reference', 'ratio'],
      [
        'full resolution, median of 5',
        `${medianMs.toFixed(1)} ms`,
        `< ${TARGET_MS} ms`,
        `${(medianMs / TARGET_MS).toFixed(2)}× target ${medianMs < TARGET_MS ? '(met)' : '(MISSED)'}`,
      ],
      ['  runs', runsMs.map((ms) => ms.toFixed(1)).join(' / '), '', ''],
      ['one verdict() call', `${verdictMicros.toFixed(2)} µs`, '', ''],
      [
        `naive: verdict() × ${figures.systems * figures.releases} pairs`,
        `${naiveMs.toFixed(0)} ms`,
        'reference',
        `${figures.speedupVsNaive.toFixed(0)}× faster than naive`,
      ],
    ]),
  );
  return figures;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
