/**
 * Installations from a bundle, kept outside the screen like online ones (state/installs.ts): leaving the screen and
 * coming back loses neither a running installer nor its live log, which arrives as install.log events.
 */
import type { InstallOutcome } from '../../../../shared/contracts/app-views.js';
import { api } from '../../api.js';
import { toShownError, type ShownError } from '../../lib/errors.js';
import type { LogLine } from '../../state/installs.js';
import { systemsResource, updatesResource } from '../../state/resources.js';
import { runStore } from '../../state/run-store.js';

export interface BundleInstallRun {
  installId: string;
  file: string;
  serialNumber: string;
  targetName: string;
  state: 'running' | 'done';
  log: LogLine[];
  outcome: InstallOutcome | null;
  /** The call itself failed (the bundle refused, a bad path): nothing was installed. */
  error: ShownError | null;
}

const store = runStore<BundleInstallRun>((change) =>
  api.on('install.log', (line) =>
    change(line.installId, (r) => ({ ...r, log: [...r.log, { stream: line.stream, text: line.text, at: line.at }] })),
  ),
);

/** One run is shown per bundle file, whatever system or package it installs. */
const keyOf = (file: string) => `bundle\u0000${file}`;

export async function runBundleInstall(file: string, serialNumber: string, targetName: string): Promise<void> {
  const installId = crypto.randomUUID();
  store.start(keyOf(file), {
    installId,
    file,
    serialNumber,
    targetName,
    state: 'running',
    log: [],
    outcome: null,
    error: null,
  });
  try {
    const outcome = await api.call('bundles.install', { path: file, serialNumber, targetName, installId });
    store.change(installId, (r) => ({ ...r, state: 'done', outcome }));
    void systemsResource.refresh();
    void updatesResource.refresh();
  } catch (error) {
    store.change(installId, (r) => ({ ...r, state: 'done', error: toShownError(error) }));
  }
}

/** Forgets every run from a bundle (another account signed in). */
export function resetBundleInstalls(): void {
  store.reset();
}

export function useBundleInstallRun(file: string): BundleInstallRun | undefined {
  return store.useRun(keyOf(file));
}
