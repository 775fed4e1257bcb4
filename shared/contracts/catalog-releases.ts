/**
 * Signed catalog entries as the release rules take them: one release per version, with the platforms it is built
 * for and its minUpgradeFrom. The app's window and the client core plan paths from the same releases this way.
 */
import type { Release } from '../domain/release.js';
import type { ReleaseTarget } from './catalog.js';

/** `linux-x64`: how a target's platform and arch name a system's platform. */
export function platformOf(target: ReleaseTarget): string {
  return `${target.custom.platform}-${target.custom.arch}`;
}

/** The releases of the targets (of one product), in catalog order; only those built for `platform` when given. */
export function releasesOf(targets: readonly ReleaseTarget[], platform?: string): Release[] {
  const byVersion = new Map<string, Release>();
  for (const t of targets) {
    const key = platformOf(t);
    if (platform !== undefined && key !== platform) continue;
    const c = t.custom;
    const known = byVersion.get(c.version);
    if (known !== undefined) {
      if (!known.platforms?.includes(key)) known.platforms?.push(key);
      continue;
    }
    byVersion.set(c.version, { product: c.product, version: c.version, publishedAt: c.publishedAt, platforms: [key], ...(c.minUpgradeFrom === undefined ? {} : { minUpgradeFrom: c.minUpgradeFrom }) });
  }
  return [...byVersion.values()];
}
