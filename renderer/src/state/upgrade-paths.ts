/**
 * Upgrade paths run from this window: each hop's state and live log (install.log lines with `hop`, upgrade.hop
 * events) and the outcome, kept outside the screen so leaving and coming back does not lose a running path.
 */
import type { PathOutcome } from '../../../shared/contracts/app-views.js';
import { api } from '../api.js';
import { toShownError, type ShownError } from '../lib/errors.js';
import type { LogLine } from './installs.js';
import { systemsResource, updatesResource } from './resources.js';
import { runStore } from './run-store.js';

export interface HopRun {
  version: string;
  state: 'waiting' | 'installing' | 'installed' | 'failed';
  detectedVersion: string | null;
  log: LogLine[];
}

export interface PathRun {
  installId: string;
  serialNumber: string;
  version: string;
  state: 'running' | 'done';
  hops: HopRun[];
  outcome: PathOutcome | null;
  /** The call itself failed (a refused plan, not signed in): distinct from a hop that failed. */
  error: ShownError | null;
}

function withHop(run: PathRun, index: number, edit: (hop: HopRun) => HopRun): PathRun {
  return { ...run, hops: run.hops.map((h, i) => (i === index ? edit(h) : h)) };
}

const store = runStore<PathRun>((change) => {
  const offLog = api.on('install.log', (line) => {
    const hop = line.hop;
    // Lines without a hop belong to a single install, not to a path.
    if (hop === undefined) return;
    change(line.installId, (r) =>
      withHop(r, hop, (h) => ({ ...h, log: [...h.log, { stream: line.stream, text: line.text, at: line.at }] })),
    );
  });
  const offHop = api.on('upgrade.hop', (event) => {
    change(event.installId, (r) =>
      withHop(r, event.hop, (h) => ({
        ...h,
        state: event.state === 'started' ? 'installing' : 'installed',
        detectedVersion: event.detectedVersion,
      })),
    );
  });
  return () => {
    offLog();
    offHop();
  };
});

const keyOf = (serialNumber: string, version: string) => `${serialNumber}\u0000${version}`;

/** Runs the path to `version`; `hops` are the planned versions, shown as waiting until each starts. */
export async function runPath(serialNumber: string, version: string, hops: readonly string[]): Promise<void> {
  const installId = crypto.randomUUID();
  store.start(keyOf(serialNumber, version), {
    installId,
    serialNumber,
    version,
    state: 'running',
    hops: hops.map((v) => ({ version: v, state: 'waiting', detectedVersion: null, log: [] })),
    outcome: null,
    error: null,
  });
  try {
    const outcome = await api.call('upgrade.run', { serialNumber, toVersion: version, installId });
    store.change(installId, (r) => {
      const done = outcome.ok ? r : withHop(r, outcome.failedHop, (h) => ({ ...h, state: 'failed' }));
      return { ...done, state: 'done', outcome };
    });
    // The installed version changed: what is offered changes with it.
    void systemsResource.refresh();
    void updatesResource.refresh();
  } catch (error) {
    store.change(installId, (r) => ({ ...r, state: 'done', error: toShownError(error) }));
  }
}

export function resetPaths(): void {
  store.reset();
}

export function usePathRun(serialNumber: string, version: string): PathRun | undefined {
  return store.useRun(keyOf(serialNumber, version));
}
