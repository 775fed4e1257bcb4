/**
 * The path drawn for each release: installed → hops → target. The main side gives the recommended path; for every
 * other release the same shared planner runs here on the releases already listed, so every card can show its path.
 */
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { releasesOf } from '../../../shared/contracts/catalog-releases.js';
import { planUpgradePath } from '../../../shared/domain/upgrade-path.js';

export type PathView = { ok: true; steps: string[] } | { ok: false; message: string; remedy: string };

/** The versions from the installed one to `target`, both included; null when nothing is installed to start from. */
export function pathTo(installed: string | null, target: string, targets: readonly ReleaseTarget[]): PathView | null {
  if (installed === null) return null;
  try {
    const plan = planUpgradePath(installed, releasesOf(targets), { version: target }, { includePrereleases: true });
    if (!plan.ok) return { ok: false, message: plan.message, remedy: plan.remedy };
    return { ok: true, steps: [installed, ...plan.hops.map((h) => h.version)] };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'The path could not be planned.';
    return { ok: false, message, remedy: 'Check the installed version of this system.' };
  }
}
