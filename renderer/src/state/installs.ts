/**
 * Installations run from this window: the live log (install.log events for the system) and the outcome, kept
 * outside the screen so leaving and coming back does not lose a running install or its log.
 */
import type { InstallOutcome } from '../../../shared/contracts/app-views.js';
import { api } from '../api.js';
import { toShownError, type ShownError } from '../lib/errors.js';
import { systemsResource, updatesResource } from './resources.js';
import { runStore } from './run-store.js';

export interface LogLine {
  stream: string;
  text: string;
  at: string;
}

export interface InstallRun {
  /** The name this window gave the run: its log lines carry it. */
  installId: string;
  serialNumber: string;
  targetName: string;
  state: 'running' | 'done';
  startedAt: number;
  log: LogLine[];
  outcome: InstallOutcome | null;
  /** The call itself failed (bad input, not signed in): distinct from an installer that failed. */
  error: ShownError | null;
}

const store = runStore<InstallRun>((change) =>
  api.on('install.log', (line) =>
    change(line.installId, (r) => ({ ...r, log: [...r.log, { stream: line.stream, text: line.text, at: line.at }] })),
  ),
);

const keyOf = (serialNumber: string, targetName: string) => `${serialNumber}\u0000${targetName}`;

export async function runInstall(serialNumber: string, targetName: string): Promise<void> {
  const installId = crypto.randomUUID();
  store.start(keyOf(serialNumber, targetName), {
    installId,
    serialNumber,
    targetName,
    state: 'running',
    startedAt: Date.now(),
    log: [],
    outcome: null,
    error: null,
  });
  try {
    const outcome = await api.call('install.run', { serialNumber, targetName, installId });
    store.change(installId, (r) => ({ ...r, state: 'done', outcome }));
    // The installed version changed (or was re-detected): what is offered changes with it.
    void systemsResource.refresh();
    void updatesResource.refresh();
  } catch (error) {
    store.change(installId, (r) => ({ ...r, state: 'done', error: toShownError(error) }));
  }
}

export function resetInstalls(): void {
  store.reset();
}

export function useInstallRun(serialNumber: string, targetName: string): InstallRun | undefined {
  return store.useRun(keyOf(serialNumber, targetName));
}
