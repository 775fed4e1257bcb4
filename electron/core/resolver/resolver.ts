/**
 * What each system may take: for every system of the inventory, the updates and upgrades of its product with the
 * verdict of shared/domain/verdict.ts (the same function the portal enforces with), and the upgrade path to the
 * newest release the contract allows. A fleet report asks this for thousands of systems that mostly share a few
 * (product, installed version, platform, contracts) combinations, so results are computed once per combination,
 * verdicts once per (installed major, contracts, release) through one prepared verdict per (installed major,
 * contracts, platform), and versions and dates parsed once (shared/domain keeps what it parsed): 1,000 systems × 500
 * releases resolve in under 25 ms (test/bench/resolver.ts, DESIGN.md §8).
 */
import type { SemVer } from 'semver';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import type { WithdrawnNotice } from '../../../shared/contracts/entitlement.js';
import type { Contract } from '../../../shared/domain/contract.js';
import { lifecycleOf, parseVersion, type LineLifecycle, type Release } from '../../../shared/domain/release.js';
import { assembleReleases, newestFirst, platformOfBuild } from '../../../shared/domain/release-assembly.js';
import { cachedVersion, planUpgradePath, type UpgradePlan } from '../../../shared/domain/upgrade-path.js';
import {
  prepareVerdict,
  type PostExpiryPolicy,
  type PreparedVerdict,
  type Verdict,
} from '../../../shared/domain/verdict.js';
import type { WithdrawalIndex } from '../client/withdrawals.js';

export interface ResolverSystem {
  serialNumber: string;
  product: string;
  location: string;
  /** null when neither detected nor entered yet: nothing can be judged. */
  installedVersion: string | null;
  /** e.g. linux-x64; absent for remote equipment of any platform. */
  platform?: string;
  /** The admin entered a version that is not in the vendor's catalog. */
  notInCatalog?: true;
}

export interface Candidate {
  target: ReleaseTarget;
  verdict: Verdict;
  /** The vendor withdrew it after this system downloaded it: the notice not to install it. */
  withdrawn?: WithdrawnNotice;
}

export interface SystemResolution {
  system: ResolverSystem;
  updates: Candidate[];
  upgrades: Candidate[];
  /** The newest release the verdict allows, and the path there (several hops when minUpgradeFrom demands). */
  recommended: { version: string; plan: UpgradePlan } | null;
  /** The lifecycle of the installed version's major line, when the catalog publishes one. */
  line: LineLifecycle | null;
}

export interface CatalogView {
  /** Verified targets of one product, any order. */
  targets(product: string): readonly ReleaseTarget[];
  lifecycles: readonly LineLifecycle[];
}

export interface ResolveOptions {
  contracts: readonly Contract[];
  catalog: CatalogView;
  now: Date;
  previews?: boolean;
  postExpiry?: PostExpiryPolicy;
  /** The releases the vendor withdrew: refused by the verdict, with a notice to the systems that downloaded them. */
  withdrawals?: WithdrawalIndex;
}

/** A build of one release, with what the resolver compares and looks up parsed once. */
interface Build {
  target: ReleaseTarget;
  version: SemVer;
  /** Position of its release in `ProductIndex.releaseList`. */
  release: number;
}

/** One product's targets, parsed and ordered once per resolution rather than once per system. */
interface ProductIndex {
  /** Newest first, per `platform-arch`, and all of them under ANY_PLATFORM. */
  byPlatform: Map<string, Build[]>;
  /** Newest first, one per version. */
  releaseList: Release[];
  /** Per release, the last combination that listed it as allowed (see resolveSystems). */
  listedIn: Uint32Array;
}

const ANY_PLATFORM = '*';
const NO_BUILDS: Build[] = [];

/** The releases of one product's verified targets, as the portal builds them from the same signed targets. */
export function productReleases(targets: readonly ReleaseTarget[]): Release[] {
  return assembleReleases(targets);
}

function indexProduct(targets: readonly ReleaseTarget[]): ProductIndex {
  const releaseList = productReleases(targets);
  const positions = new Map(releaseList.map((r, i) => [r.version, i]));
  const all: Build[] = [];
  const byPlatform = new Map<string, Build[]>([[ANY_PLATFORM, all]]);
  for (const target of newestFirst(targets)) {
    const build = {
      target,
      version: cachedVersion(target.custom.version),
      release: positions.get(target.custom.version)!,
    };
    all.push(build);
    const platform = platformOfBuild(target);
    const list = byPlatform.get(platform);
    if (list === undefined) byPlatform.set(platform, [build]);
    else list.push(build);
  }
  return { byPlatform, releaseList, listedIn: new Uint32Array(releaseList.length) };
}

/** How many entries of `newestFirst` are strictly newer than `installed` (they come first). */
function newerCount(newestFirst: readonly Build[], installed: SemVer): number {
  let lo = 0;
  let hi = newestFirst.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst[mid]!.version.compare(installed) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The contracts covering each system, in the contracts' order, found with one pass over the contracts. */
function coveringIndex(contracts: readonly Contract[]): Map<string, Contract[]> {
  const index = new Map<string, Contract[]>();
  for (const contract of contracts) {
    // A contract listing a system twice still covers it once.
    for (const key of new Set(contract.systems.map((s) => `${s.product}\u0000${s.serialNumber}`))) {
      const list = index.get(key);
      if (list === undefined) index.set(key, [contract]);
      else list.push(contract);
    }
  }
  return index;
}

export function resolveSystems(systems: readonly ResolverSystem[], options: ResolveOptions): SystemResolution[] {
  const products = new Map<string, ProductIndex>();
  const memo = new Map<string, Omit<SystemResolution, 'system'>>();
  const lifecycles = [...options.catalog.lifecycles];
  const covers = coveringIndex(options.contracts);
  const postExpiry = options.postExpiry ?? 'earned';
  const includePrereleases = options.previews === true;
  /*
   * Verdicts shared between combinations, per (product, installed major, covering contracts), by release position.
   * Every release judged here is newer than the installed version and has a build for the system's platform, so of
   * the system the verdict reads only the covering contracts and the installed major (the kind, the licensed-major
   * fallback and "preview of a new major" all compare majors); the serial number only names a system in
   * SYSTEM_NOT_COVERED, which covering contracts never give.
   */
  const verdicts = new Map<string, (Verdict | undefined)[]>();
  /*
   * The candidates built from those verdicts, per table and platform, by position in the platform's newest-first
   * builds: the combinations of one table differ only in how far down the list their installed version reaches, so
   * they share the candidates rather than each allocating its own (resolutions already share them between systems).
   */
  const candidates = new Map<string, Candidate[]>();
  let combinations = 0;
  const withdrawals = options.withdrawals;
  return systems.map((system) => withNotices(resolveOne(system), withdrawals));

  function resolveOne(system: ResolverSystem): SystemResolution {
    if (system.installedVersion === null) return { system, updates: [], upgrades: [], recommended: null, line: null };
    const covering = covers.get(`${system.product}\u0000${system.serialNumber}`) ?? [];
    const contractKey = covering.map((c) => c.id).join(',');
    // The serial number matters to the verdict only through the contracts that cover it: key on those instead.
    const shareKey = `${system.product}|${system.installedVersion}|${system.platform ?? ANY_PLATFORM}|${contractKey}`;
    const known = memo.get(shareKey);
    if (known !== undefined) return { system, ...known };

    let index = products.get(system.product);
    if (index === undefined) {
      index = indexProduct(options.catalog.targets(system.product));
      products.set(system.product, index);
    }
    const installed = system.installedVersion;
    const installedVersion = parseVersion(installed);
    const line = lifecycleOf(lifecycles, system.product, installedVersion.major) ?? null;
    if (index.releaseList.length === 0) {
      const nothing = { updates: [], upgrades: [], recommended: null, line };
      memo.set(shareKey, nothing);
      return { system, ...nothing };
    }
    const tableKey = `${system.product}|${installedVersion.major}|${contractKey}`;
    let table = verdicts.get(tableKey);
    if (table === undefined) {
      table = new Array<Verdict | undefined>(index.releaseList.length);
      verdicts.set(tableKey, table);
    }
    const platformKey = `${tableKey}|${system.platform ?? ANY_PLATFORM}`;
    let judged = candidates.get(platformKey);
    if (judged === undefined) {
      judged = [];
      candidates.set(platformKey, judged);
    }
    // The system side of this combination's verdicts, read once for the releases it is first to judge. Not shared
    // wider: the installed version tells which releases are older, and those it must never judge.
    let judge: PreparedVerdict | undefined;
    const prepared = (): PreparedVerdict =>
      (judge ??= prepareVerdict({
        contracts: covering,
        system: {
          serialNumber: system.serialNumber,
          product: system.product,
          installedVersion: installed,
          ...(system.platform === undefined ? {} : { platform: system.platform }),
        },
        lifecycles,
        now: options.now,
        postExpiry,
        includePrereleases,
      }));
    const builds = index.byPlatform.get(system.platform ?? ANY_PLATFORM) ?? NO_BUILDS;
    const updates: Candidate[] = [];
    const upgrades: Candidate[] = [];
    // Newest first, as the builds come: the plan below and `recommended` rely on that order.
    const allowed: Release[] = [];
    const combination = ++combinations;
    for (let i = 0, newer = newerCount(builds, installedVersion); i < newer; i++) {
      const build = builds[i]!;
      let v = table[build.release];
      if (v === undefined) {
        const release = index.releaseList[build.release]!;
        v = prepared().judge(release, withdrawals?.withdrawal(release.product, release.version));
        table[build.release] = v;
      }
      if (v.allowed && index.listedIn[build.release] !== combination) {
        index.listedIn[build.release] = combination;
        allowed.push(index.releaseList[build.release]!);
      }
      let candidate = judged[i];
      if (candidate === undefined) {
        candidate = { target: build.target, verdict: v };
        judged[i] = candidate;
      }
      (v.kind === 'upgrade' ? upgrades : updates).push(candidate);
    }
    const newest = allowed[0];
    const recommended =
      newest === undefined
        ? null
        : {
            version: newest.version,
            plan: planUpgradePath(
              installed,
              allowed,
              { version: newest.version },
              {
                includePrereleases,
                ...(system.platform === undefined ? {} : { platform: system.platform }),
              },
            ),
          };
    const result = { updates, upgrades, recommended, line };
    memo.set(shareKey, result);
    return { system, ...result };
  }
}

/**
 * The notices belong to one system (which serial number downloaded what), while resolutions are shared between
 * systems alike in everything else: added after, to the candidates of the system that downloaded the release.
 */
function withNotices(resolution: SystemResolution, withdrawals: WithdrawalIndex | undefined): SystemResolution {
  const { serialNumber } = resolution.system;
  if (withdrawals === undefined || !withdrawals.downloadedAny(serialNumber)) return resolution;
  const mark = (list: Candidate[]): Candidate[] =>
    list.map((c) => {
      const notice = withdrawals.notice(serialNumber, c.target.custom.product, c.target.custom.version);
      return notice === undefined ? c : { ...c, withdrawn: notice };
    });
  return { ...resolution, updates: mark(resolution.updates), upgrades: mark(resolution.upgrades) };
}

/** Whether a resolution offers anything the system may take now. */
export function hasAvailable(resolution: SystemResolution): boolean {
  return [...resolution.updates, ...resolution.upgrades].some((c) => c.verdict.allowed);
}
