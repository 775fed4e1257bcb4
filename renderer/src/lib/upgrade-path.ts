/**
 * The path drawn for each release: installed → hops → target. The main side gives the recommended path; for every
 * other release the same shared planner runs here on the releases already listed, so every card can show its path.
 */
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { assembleReleases } from '../../../shared/domain/release-assembly.js';
import { satisfiesMinUpgradeFrom } from '../../../shared/domain/release.js';
import { planUpgradePath } from '../../../shared/domain/upgrade-path.js';

export type PathView = { ok: true; steps: string[] } | { ok: false; message: string; remedy: string };

/** The versions from the installed one to `target`, both included; null when nothing is installed to start from. */
export function pathTo(installed: string | null, target: string, targets: readonly ReleaseTarget[]): PathView | null {
  if (installed === null) return null;
  try {
    const plan = planUpgradePath(
      installed,
      assembleReleases(targets),
      { version: target },
      { includePrereleases: true },
    );
    if (!plan.ok) return { ok: false, message: plan.message, remedy: plan.remedy };
    return { ok: true, steps: [installed, ...plan.hops.map((h) => h.version)] };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'The path could not be planned.';
    return { ok: false, message, remedy: 'Check the installed version of this system.' };
  }
}

/** The action that installs a path: "Install the path (1.9.0, then 2.3.1)". */
export function pathButtonLabel(versions: readonly string[]): string {
  if (versions.length <= 1) return `Install ${versions[0] ?? ''}`.trim();
  return `Install the path (${versions.slice(0, -1).join(', ')}, then ${versions[versions.length - 1] ?? ''})`;
}

/** Whether installing this release directly would skip a hop its minUpgradeFrom requires (so only a path is offered). */
export function needsPath(
  installed: string | null,
  release: { product: string; version: string; publishedAt: string; minUpgradeFrom?: string | undefined },
): boolean {
  const range = release.minUpgradeFrom;
  if (installed === null || range === undefined) return false;
  try {
    return !satisfiesMinUpgradeFrom(installed, { ...release, minUpgradeFrom: range });
  } catch {
    return false;
  }
}
