/**
 * Upgrade paths in the client core. A release is installed only over what its minUpgradeFrom allows (the check in
 * `hopRefusal`, which HicareClient.install runs before a byte is fetched); a path is planned to a version, every
 * hop checked against the entitlement verdict before anything is downloaded, then installed hop by hop through the
 * same install gate, stopping at the first failure and saying where.
 */
import { assembleReleases, platformOfBuild } from '../../../shared/domain/release-assembly.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { compareVersions } from '../../../shared/domain/release.js';
import { productLabel } from '../../../shared/domain/product-label.js';
import { directInstallRefusal, planUpgradePath } from '../../../shared/domain/upgrade-path.js';
import type { Verdict } from '../../../shared/domain/verdict.js';
import { HicareError } from '../../../shared/errors.js';
import { intlLocale } from '../../../shared/i18n/format.js';
import type { DisplayLocale } from '../../../shared/i18n/locales.js';
import { translate, translator } from '../../../shared/i18n/translator.js';
import { localizeProblem } from '../../../shared/i18n/problem.js';
import type { InstallResult } from '../install/index.js';
import { errorBodyOf } from '../portal/errors.js';
import type { HicareClient } from './hicare-client.js';

/** Why a target may not go directly onto a system running `installed` (null: it may), with the path that leads there. */
export function hopRefusal(
  serialNumber: string,
  installed: string | null,
  target: ReleaseTarget,
  catalog: readonly ReleaseTarget[],
  previews: boolean,
  locale: DisplayLocale = 'en',
): HicareError | null {
  if (installed === null || target.custom.minUpgradeFrom === undefined) return null;
  const platform = platformOfBuild(target);
  const releases = assembleReleases(
    catalog.filter((t) => t.custom.product === target.custom.product),
    { platform },
  );
  const release = releases.find((r) => r.version === target.custom.version);
  if (release === undefined) return null;
  return directInstallRefusal(
    {
      installed,
      serialNumber,
      release,
      releases,
      options: { includePrereleases: previews, platform },
    },
    locale,
  );
}

export interface PathHop {
  /** The signed target of this hop for the system's platform. */
  target: ReleaseTarget;
  version: string;
  /** The verdict of the hop under the contracts, as the system page shows it: every hop's is allowed. */
  verdict: Verdict;
}

export interface PathPlan {
  serialNumber: string;
  product: string;
  fromVersion: string;
  toVersion: string;
  hops: PathHop[];
}

export interface PathEvents {
  onHopStart?: (index: number, hop: PathHop) => void;
  onLog?: (index: number, line: { stream: string; text: string }) => void;
  onHopDone?: (index: number, hop: PathHop, result: InstallResult) => void;
}

export type PathOutcome =
  | { ok: true; plan: PathPlan; results: InstallResult[] }
  /** Stopped at hop `failedHop` (0-based); `results` are the hops done before it. */
  | { ok: false; plan: PathPlan; results: InstallResult[]; failedHop: number; error: unknown };

/**
 * The hops from the system's installed version to `toVersion`, each a signed target for the system's platform and
 * each allowed by the verdict. Refused before anything is downloaded: a version that is not published, one not
 * newer than the installed version, a path the catalog does not offer, or a hop the contract does not allow (with
 * the verdict's reason code and remedy).
 */
export async function planPath(
  client: HicareClient,
  serialNumber: string,
  toVersion: string,
  options: { previews?: boolean } = {},
): Promise<PathPlan> {
  const resolution = (await client.check()).find((r) => r.system.serialNumber === serialNumber);
  if (resolution === undefined) {
    throw new HicareError('NOT_FOUND.systemToUpgrade', { serialNumber }, { serialNumber });
  }
  const { system } = resolution;
  const name = `${productLabel(system.product)} ${toVersion}`;
  if (system.installedVersion === null) {
    throw new HicareError('INVALID_INPUT.installedVersionUnknown', { serialNumber, release: name }, { serialNumber });
  }
  const from = system.installedVersion;
  const platform = system.platform ?? client.platform;
  const targets = (await client.trust.allTargets([system.product])).filter(
    (t) => t.custom.product === system.product && platformOfBuild(t) === platform,
  );
  if (!targets.some((t) => t.custom.version === toVersion)) {
    throw new HicareError(
      'TARGET_UNKNOWN.notPublishedForPlatform',
      { release: name, platform, product: productLabel(system.product), serialNumber },
      { serialNumber, version: toVersion },
    );
  }
  if (compareVersions(toVersion, from) <= 0) {
    throw new HicareError(
      'INVALID_INPUT.upgradeNotNewer',
      { serialNumber, installed: from, version: toVersion },
      { serialNumber, version: toVersion },
    );
  }
  const planned = planUpgradePath(
    from,
    assembleReleases(targets),
    { version: toVersion },
    { includePrereleases: options.previews === true, platform },
  );
  // The plan's refusal is the domain's, worded (and keyed) there: passed on as it is.
  if (!planned.ok)
    throw HicareError.fromBody(errorBodyOf({ ...planned, code: 'NO_UPGRADE_PATH' }), {
      serialNumber,
      version: toVersion,
    });
  const candidates = [...resolution.updates, ...resolution.upgrades];
  const path = planned.hops.map((h) => h.version);
  const hops = planned.hops.map((h): PathHop => {
    const candidate = candidates.find(
      (c) => c.target.custom.version === h.version && platformOfBuild(c.target) === platform,
    );
    if (candidate === undefined) {
      throw new HicareError(
        'TARGET_UNKNOWN.hopNotInCheck',
        { product: productLabel(system.product), version: h.version, serialNumber },
        { serialNumber, path },
      );
    }
    const reason = candidate.verdict.reasons[0];
    if (!candidate.verdict.allowed && reason !== undefined) {
      // The sentence names the path and holds the verdict's reason, so it is written once, in the user's language
      // (a key for the whole would need one per reason); the code stays the reason's, for exit codes and scripts.
      const locale = client.readerLanguage();
      const why = localizeProblem(locale, reason);
      const t = translator(locale);
      const params = { path: [from, ...path].join(' → '), release: `${productLabel(system.product)} ${h.version}` };
      throw HicareError.fromBody(
        errorBodyOf({
          code: reason.code,
          message: t('core.upgradePath.blocked', { ...params, reason: why.message }),
          remedy: t('core.upgradePath.blockedRemedy', { remedy: why.remedy }),
        }),
        { serialNumber, path, blockedAt: h.version },
      );
    }
    return { target: candidate.target, version: h.version, verdict: candidate.verdict };
  });
  return { serialNumber, product: system.product, fromVersion: from, toVersion, hops };
}

/** Installs the hops in order through HicareClient.install; a failed hop stops the path (and is kept as any failure is). */
export async function runPath(client: HicareClient, plan: PathPlan, events: PathEvents = {}): Promise<PathOutcome> {
  const results: InstallResult[] = [];
  for (const [index, hop] of plan.hops.entries()) {
    events.onHopStart?.(index, hop);
    try {
      const result = await client.install(hop.target.name, plan.serialNumber, {
        onLog: (line) => events.onLog?.(index, line),
      });
      results.push(result);
      events.onHopDone?.(index, hop, result);
    } catch (error) {
      return { ok: false, plan, results, failedHop: index, error };
    }
  }
  return { ok: true, plan, results };
}

/** Where a stopped path stopped, as a catalog key and the values its words need (the versions in `installed`). */
export function stoppedMessage(
  plan: PathPlan,
  failedHop: number,
  locale: DisplayLocale = 'en',
): { key: 'core.upgradePath.stopped'; params: Record<string, string | number> } {
  const done = plan.hops.slice(0, failedHop).map((h) => h.version);
  return {
    key: 'core.upgradePath.stopped',
    params: {
      version: plan.hops[failedHop]?.version ?? '?',
      step: failedHop + 1,
      steps: plan.hops.length,
      installedCount: done.length,
      installed: new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(done),
      serialNumber: plan.serialNumber,
      fromVersion: plan.fromVersion,
    },
  };
}

/** Where a stopped path stopped, in words: "The path stopped at 2.3.1 (step 2 of 2); 1.9.0 is installed." */
export function stoppedWords(plan: PathPlan, failedHop: number, locale: DisplayLocale = 'en'): string {
  const { key, params } = stoppedMessage(plan, failedHop, locale);
  return translate(locale, key, params);
}
