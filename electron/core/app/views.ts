/**
 * The client core's results as the app's window draws them (shared/contracts/app-views.ts): resolutions with the
 * inventory's full system record and the upgrade path as plain versions, and failed installations with the tail of
 * the installer's log.
 */
import type { InstallOutcome, Problem, ResolutionView } from '../../../shared/contracts/app-views.js';
import type { UpgradePlan } from '../../../shared/domain/upgrade-path.js';
import type { HicareError } from '../../../shared/errors.js';
import type { KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import type { InventorySystem } from '../inventory/inventory.js';
import type { InstallFailure } from '../install/install-failure.js';
import { hasAvailable, type SystemResolution } from '../resolver/resolver.js';

/** A coded error as the window shows it: its English words, and its key to word it in the reader's language. */
export function problemView(error: HicareError): Problem {
  const hasParams = Object.keys(error.params).length > 0;
  return {
    code: error.code,
    message: error.message,
    remedy: error.remedy,
    ...(error.key === undefined ? {} : { key: error.key, ...(hasParams ? { params: { ...error.params } } : {}) }),
  };
}

/** What the window shows of an installer's log; the whole log goes into a request draft. */
export const LOG_TAIL_CHARS = 20_000;

type Recommended = NonNullable<ResolutionView['recommended']>;

/** Why no path leads to the recommended release, with its key to word it in the reader's language. */
function pathProblem(plan: Extract<UpgradePlan, { ok: false }>): NonNullable<Recommended['problem']> {
  return {
    message: plan.message,
    remedy: plan.remedy,
    ...(plan.key === undefined ? {} : { key: plan.key }),
    ...(plan.params === undefined ? {} : { params: plan.params }),
  };
}

export function resolutionView(
  resolution: SystemResolution,
  inventory: readonly InventorySystem[],
  now: Date,
): ResolutionView {
  const { system } = resolution;
  const known = inventory.find((s) => s.serialNumber === system.serialNumber);
  const plan = resolution.recommended?.plan;
  return {
    system: known ?? {
      serialNumber: system.serialNumber,
      product: system.product,
      location: system.location,
      contractIds: [],
      installedVersion: system.installedVersion,
      versionSource: null,
      platform: system.platform ?? null,
      installDir: null,
      updatedAt: now.toISOString(),
    },
    updates: resolution.updates,
    upgrades: resolution.upgrades,
    line: resolution.line,
    recommended:
      resolution.recommended === null || plan === undefined
        ? null
        : {
            version: resolution.recommended.version,
            hops: plan.ok ? plan.hops.map((h) => h.version) : [],
            problem: plan.ok ? null : pathProblem(plan),
          },
  };
}

/** How many releases the user may take now, over all systems: what a background check compares. */
export function allowedCount(resolutions: readonly SystemResolution[]): number {
  let count = 0;
  for (const r of resolutions) {
    if (!hasAvailable(r)) continue;
    for (const c of [...r.updates, ...r.upgrades]) if (c.verdict.allowed) count++;
  }
  return count;
}

export function logTail(log: string): string {
  if (log.length <= LOG_TAIL_CHARS) return log;
  const tail = log.slice(log.length - LOG_TAIL_CHARS);
  // Start on a whole line.
  const newline = tail.indexOf('\n');
  return `[… ${log.length - tail.length + newline + 1} earlier characters left out …]\n${newline < 0 ? tail : tail.slice(newline + 1)}`;
}

export function failedInstallView(
  failure: InstallFailure,
  failureId: string | null,
  knownIssues: KnowledgeArticle[],
): Extract<InstallOutcome, { ok: false }> {
  return {
    ok: false,
    ...problemView(failure),
    failureId,
    exitCode: failure.details.exitCode,
    log: logTail(failure.details.log),
    knownIssues,
  };
}
