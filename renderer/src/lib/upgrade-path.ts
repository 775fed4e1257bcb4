/**
 * The path drawn for each release: installed → hops → target. The main side gives the recommended path; for every
 * other release the same shared planner runs here on the releases already listed, so every card can show its path.
 */
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { assembleReleases } from '../../../shared/domain/release-assembly.js';
import { satisfiesMinUpgradeFrom } from '../../../shared/domain/release.js';
import { planUpgradePath } from '../../../shared/domain/upgrade-path.js';
import { HicareError } from '../../../shared/errors.js';
import type { Problem } from '../../../shared/i18n/problem.js';
import { translator, type Translate } from '../../../shared/i18n/translator.js';
import { currentLocale } from '../i18n/index.js';

/** A blocked path keeps its catalog key, so it is written in the language chosen when it is shown. */
export type PathProblem = Omit<Problem, 'code'>;

export type PathView = { ok: true; steps: string[] } | ({ ok: false } & PathProblem);

function blocked(problem: PathProblem): PathView {
  const { message, remedy, key, params } = problem;
  return {
    ok: false,
    message,
    remedy,
    ...(key === undefined ? {} : { key }),
    ...(params === undefined ? {} : { params }),
  };
}

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
    if (!plan.ok) return blocked(plan);
    return { ok: true, steps: [installed, ...plan.hops.map((h) => h.version)] };
  } catch (error) {
    if (error instanceof HicareError) return blocked(error);
    // Anything else is the app's own fault, not something to show in its words.
    const t = translator(currentLocale());
    return { ok: false, message: t('app.systems.path.unplanned'), remedy: t('app.systems.path.unplannedRemedy') };
  }
}

/** The action that installs a path: "Install the path (1.9.0, then 2.3.1)". */
export function pathButtonLabel(versions: readonly string[], t: Translate = translator(currentLocale())): string {
  if (versions.length <= 1) return t('app.systems.path.install', { version: versions[0] ?? '' }).trim();
  return t('app.systems.path.installPath', {
    hops: versions.slice(0, -1).join(t('app.systems.path.separator')),
    last: versions[versions.length - 1] ?? '',
  });
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
