/**
 * The app API's upgrade-path methods: plan (every hop checked against the contract, nothing downloaded) and run
 * (plans again from what is installed now, then installs the hops in order). A failed hop is an outcome, like a
 * failed install: it says where the path stopped and carries what a request can be drafted from.
 */
import type { PathOutcome, PathPlanView } from '../../../shared/contracts/app-views.js';
import { HicareError } from '../../../shared/errors.js';
import type { Clock } from '../adapters.js';
import type { HicareClient } from '../client/hicare-client.js';
import { planPath, runPath, stoppedMessage, stoppedWords, type PathPlan } from '../client/upgrade-path.js';
import { isInstallFailure } from '../install/index.js';
import type { AppSession } from './app-session.js';
import type { AppHandlersFor } from './handler-types.js';
import { failedInstallView, problemView } from './views.js';

function planView(plan: PathPlan): PathPlanView {
  return {
    serialNumber: plan.serialNumber,
    product: plan.product,
    fromVersion: plan.fromVersion,
    toVersion: plan.toVersion,
    hops: plan.hops.map((h) => ({ targetName: h.target.name, version: h.version, kind: h.verdict.kind })),
  };
}

/** The failed hop as the install screen shows a failed install; a refusal before the installer ran has no log. */
async function failureView(
  client: HicareClient,
  error: unknown,
): Promise<Extract<PathOutcome, { ok: false }>['failure']> {
  if (isInstallFailure(error)) {
    const [stored, knownIssues] = await Promise.all([
      client.failures.get('last').catch(() => null),
      client.requests.knownIssues(error.details).catch(() => []),
    ]);
    const same =
      stored !== null &&
      stored.details.serialNumber === error.details.serialNumber &&
      stored.details.startedAt === error.details.startedAt;
    return failedInstallView(error, same ? stored.id : null, knownIssues);
  }
  if (error instanceof HicareError) {
    return {
      ok: false,
      ...problemView(error),
      failureId: null,
      exitCode: null,
      log: '',
      knownIssues: [],
    };
  }
  throw error;
}

export interface UpgradeHandlerOptions {
  /** Whether the user opted into previews (a path may then go through one). */
  previews: () => boolean;
  clock: Clock;
}

export function upgradeHandlers(
  session: AppSession,
  { previews, clock }: UpgradeHandlerOptions,
): AppHandlersFor<'upgrade'> {
  return {
    'upgrade.plan': async ({ serialNumber, toVersion }) => {
      const client = await session.signedInClient();
      return planView(await planPath(client, serialNumber, toVersion, { previews: previews() }));
    },
    'upgrade.run': async ({ serialNumber, toVersion, installId }) => {
      const client = await session.signedInClient();
      const plan = await planPath(client, serialNumber, toVersion, { previews: previews() });
      const outcome = await runPath(client, plan, {
        onHopStart: (hop, h) =>
          session.emit('upgrade.hop', { installId, hop, version: h.version, state: 'started', detectedVersion: null }),
        onLog: (hop, line) =>
          session.emit('install.log', {
            installId,
            serialNumber,
            stream: line.stream,
            text: line.text,
            at: clock.now().toISOString(),
            hop,
          }),
        onHopDone: (hop, h, result) =>
          session.emit('upgrade.hop', {
            installId,
            hop,
            version: h.version,
            state: 'installed',
            detectedVersion: result.detectedVersion,
          }),
      });
      const detectedVersions = outcome.results.map((r) => r.detectedVersion);
      if (outcome.ok) return { ok: true, plan: planView(plan), detectedVersions };
      const stopped = stoppedMessage(plan, outcome.failedHop);
      return {
        ok: false,
        plan: planView(plan),
        detectedVersions,
        failedHop: outcome.failedHop,
        stopped: stoppedWords(plan, outcome.failedHop),
        stoppedKey: stopped.key,
        stoppedParams: stopped.params,
        failure: await failureView(client, outcome.error),
      };
    },
  };
}
