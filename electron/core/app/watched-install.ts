/**
 * An install the window watches, however its package arrived (the portal or a bundle): its log lines go out as
 * `install.log` events, and its end comes back as a view — done with the versions, or the failure with the stored
 * failure a request is drafted from and the known issues that match it.
 */
import type { InstallOutcome } from '../../../shared/contracts/app-views.js';
import type { HicareClient } from '../client/hicare-client.js';
import { isInstallFailure, type InstallFailure, type InstallResult } from '../install/index.js';
import type { AppSession } from './app-session.js';
import { failedInstallView } from './views.js';

type LogLine = { stream: string; text: string };

/** The failure as stored for drafting a request: the newest one, if it is this one. */
export async function storedFailureId(client: HicareClient, failure: InstallFailure): Promise<string | null> {
  const stored = await client.failures.get('last').catch(() => null);
  return stored !== null &&
    stored.details.serialNumber === failure.details.serialNumber &&
    stored.details.startedAt === failure.details.startedAt
    ? stored.id
    : null;
}

export async function watchedInstall(
  session: AppSession,
  client: HicareClient,
  watch: { installId: string; serialNumber: string; product: string },
  run: (onLog: (line: LogLine) => void) => Promise<InstallResult>,
): Promise<InstallOutcome> {
  const { installId, serialNumber } = watch;
  try {
    const result = await run((line) =>
      session.emit('install.log', {
        installId,
        serialNumber,
        stream: line.stream,
        text: line.text,
        at: session.now().toISOString(),
      }),
    );
    return {
      ok: true,
      product: watch.product,
      fromVersion: result.fromVersion,
      toVersion: result.toVersion,
      detectedVersion: result.detectedVersion,
      durationMs: result.durationMs,
    };
  } catch (error) {
    if (!isInstallFailure(error)) throw error;
    const [failureId, knownIssues] = await Promise.all([
      storedFailureId(client, error),
      client.requests.knownIssues(error.details).catch(() => []),
    ]);
    return failedInstallView(error, failureId, knownIssues);
  }
}
