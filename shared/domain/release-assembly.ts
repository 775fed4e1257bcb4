/**
 * The rule that turns signed catalog entries into releases: one release per version, listing every platform it is
 * built for, with the minUpgradeFrom its builds carry. The portal judges verdicts on these releases and the client
 * plans and resolves on them, so both must build the same list from the same signed targets; that is why the rule
 * lives here once and its answer does not depend on the order the entries arrive in.
 */
import { platformKey } from './platform.js';
import type { Release } from './release.js';
import { cachedVersion } from './upgrade-path.js';

/** What the rule reads of a signed catalog entry (a release target's name and custom metadata). */
export interface CatalogBuild {
  name: string;
  custom: {
    product: string;
    version: string;
    publishedAt: string;
    platform: string;
    arch: string;
    minUpgradeFrom?: string | undefined;
  };
}

/** The platform a build is for, `linux-x64`. */
export function platformOfBuild(build: CatalogBuild): string {
  return platformKey(build.custom.platform, build.custom.arch);
}

/**
 * Newest version first; builds of one version by name. Names are compared by code unit rather than by locale, so
 * the portal and a client in another locale order them alike.
 */
export function compareBuilds(a: CatalogBuild, b: CatalogBuild): number {
  const byVersion = cachedVersion(b.custom.version).compare(cachedVersion(a.custom.version));
  if (byVersion !== 0) return byVersion;
  // Build metadata ranks equal (1.2.3+b7 and 1.2.3) but names different releases: keep them apart, in a fixed order.
  if (a.custom.version !== b.custom.version) return a.custom.version < b.custom.version ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The builds newest first (a sorted copy; see compareBuilds). */
export function newestFirst<T extends CatalogBuild>(builds: readonly T[]): T[] {
  return [...builds].sort(compareBuilds);
}

/**
 * The releases of a product's builds, newest first, each platform listed once in name order. Only builds for
 * `platform` count when it is given. A version's publishedAt and minUpgradeFrom come from its first build by name:
 * builds of one version are published together, and a catalog where they disagree must still give one answer.
 */
export function assembleReleases(builds: readonly CatalogBuild[], options: { platform?: string } = {}): Release[] {
  const byVersion = new Map<string, Release>();
  for (const build of newestFirst(builds)) {
    const platform = platformOfBuild(build);
    if (options.platform !== undefined && platform !== options.platform) continue;
    const c = build.custom;
    const known = byVersion.get(c.version);
    if (known === undefined) {
      const release: Release = {
        product: c.product,
        version: c.version,
        publishedAt: c.publishedAt,
        platforms: [platform],
      };
      if (c.minUpgradeFrom !== undefined) release.minUpgradeFrom = c.minUpgradeFrom;
      byVersion.set(c.version, release);
    } else if (known.platforms !== undefined && !known.platforms.includes(platform)) {
      known.platforms.push(platform);
    }
  }
  const releases = [...byVersion.values()];
  for (const release of releases) release.platforms?.sort();
  return releases;
}
