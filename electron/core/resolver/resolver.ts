/**
 * What each system may take: for every system of the inventory, the updates and upgrades of its product with the
 * verdict of shared/domain/verdict.ts (the same function the portal enforces with), and the upgrade path to the
 * newest release the contract allows. A fleet report asks this for thousands of systems that mostly share a few
 * (product, installed version, platform, contracts) combinations, so results are computed once per combination.
 */
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import type { Contract } from '../../../shared/domain/contract.js';
import { compareVersions, type LineLifecycle, type Release } from '../../../shared/domain/release.js';
import { planUpgradePath, type UpgradePlan } from '../../../shared/domain/upgrade-path.js';
import { verdict, type PostExpiryPolicy, type Verdict } from '../../../shared/domain/verdict.js';

export interface ResolverSystem {
  serialNumber: string;
  product: string;
  location: string;
  /** null when neither detected nor entered yet: nothing can be judged. */
  installedVersion: string | null;
  /** e.g. linux-x64; absent for remote equipment of any platform. */
  platform?: string;
}

export interface Candidate {
  target: ReleaseTarget;
  verdict: Verdict;
}

export interface SystemResolution {
  system: ResolverSystem;
  updates: Candidate[];
  upgrades: Candidate[];
  /** The newest release the verdict allows, and the path there (several hops when minUpgradeFrom demands). */
  recommended: { version: string; plan: UpgradePlan } | null;
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
}

interface ProductIndex {
  /** Newest first. */
  targets: ReleaseTarget[];
  releases: Map<string, Release>;
  releaseList: Release[];
}

function indexProduct(targets: readonly ReleaseTarget[], product: string): ProductIndex {
  const sorted = [...targets].sort((a, b) => compareVersions(b.custom.version, a.custom.version));
  const releases = new Map<string, Release>();
  for (const t of sorted) {
    const platform = `${t.custom.platform}-${t.custom.arch}`;
    const existing = releases.get(t.custom.version);
    if (existing !== undefined) existing.platforms?.push(platform);
    else {
      const r: Release = { product, version: t.custom.version, publishedAt: t.custom.publishedAt, platforms: [platform] };
      if (t.custom.minUpgradeFrom !== undefined) r.minUpgradeFrom = t.custom.minUpgradeFrom;
      releases.set(t.custom.version, r);
    }
  }
  return { targets: sorted, releases, releaseList: [...releases.values()] };
}

export function resolveSystems(systems: readonly ResolverSystem[], options: ResolveOptions): SystemResolution[] {
  const products = new Map<string, ProductIndex>();
  const memo = new Map<string, Omit<SystemResolution, 'system'>>();
  const lifecycles = [...options.catalog.lifecycles];
  return systems.map((system) => {
    if (system.installedVersion === null) return { system, updates: [], upgrades: [], recommended: null };
    const covering = options.contracts.filter((c) => c.systems.some((s) => s.serialNumber === system.serialNumber && s.product === system.product));
    // The serial number matters to the verdict only through the contracts that cover it: key on those instead.
    const shareKey = `${system.product}|${system.installedVersion}|${system.platform ?? '*'}|${covering.map((c) => c.id).join(',')}`;
    const known = memo.get(shareKey);
    if (known !== undefined) return { system, ...known };

    let index = products.get(system.product);
    if (index === undefined) {
      index = indexProduct(options.catalog.targets(system.product), system.product);
      products.set(system.product, index);
    }
    const installed = system.installedVersion;
    const updates: Candidate[] = [];
    const upgrades: Candidate[] = [];
    const allowed: Release[] = [];
    const judged = new Map<string, Verdict>();
    for (const target of index.targets) {
      if (compareVersions(target.custom.version, installed) <= 0) break;
      if (system.platform !== undefined && `${target.custom.platform}-${target.custom.arch}` !== system.platform) continue;
      const release = index.releases.get(target.custom.version)!;
      let v = judged.get(release.version);
      if (v === undefined) {
        v = verdict({
          contracts: covering,
          system: { serialNumber: system.serialNumber, product: system.product, installedVersion: installed, ...(system.platform === undefined ? {} : { platform: system.platform }) },
          release,
          lifecycles,
          now: options.now,
          postExpiry: options.postExpiry ?? 'earned',
          includePrereleases: options.previews === true,
        });
        judged.set(release.version, v);
        if (v.allowed) allowed.push(release);
      }
      (v.kind === 'upgrade' ? upgrades : updates).push({ target, verdict: v });
    }
    const newest = allowed[0];
    const recommended =
      newest === undefined
        ? null
        : {
            version: newest.version,
            plan: planUpgradePath(installed, index.releaseList.filter((r) => judged.get(r.version)?.allowed === true), { version: newest.version }, {
              includePrereleases: options.previews === true,
              ...(system.platform === undefined ? {} : { platform: system.platform }),
            }),
          };
    const result = { updates, upgrades, recommended };
    memo.set(shareKey, result);
    return { system, ...result };
  });
}

/** Whether a resolution offers anything the system may take now. */
export function hasAvailable(resolution: SystemResolution): boolean {
  return [...resolution.updates, ...resolution.upgrades].some((c) => c.verdict.allowed);
}
