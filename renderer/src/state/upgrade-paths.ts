/**
 * Upgrade paths run from this window: each hop's state and live log (install.log lines with `hop`, upgrade.hop
 * events) and the outcome, kept outside the screen so leaving and coming back does not lose a running path.
 */
import { useSyncExternalStore } from 'react';
import type { PathOutcome } from '../../../shared/contracts/app-views.js';
import { api } from '../api.js';
import { toShownError, type ShownError } from '../lib/errors.js';
import type { LogLine } from './installs.js';
import { systemsResource, updatesResource } from './resources.js';

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

let runs: ReadonlyMap<string, PathRun> = new Map();
const listeners = new Set<() => void>();
let unsubscribe: (() => void) | null = null;

const keyOf = (serialNumber: string, version: string) => `${serialNumber}\u0000${version}`;

function change(match: (run: PathRun) => boolean, next: (run: PathRun) => PathRun): void {
  let changed = false;
  const map = new Map(runs);
  for (const [key, run] of runs) {
    if (!match(run)) continue;
    map.set(key, next(run));
    changed = true;
  }
  if (!changed) return;
  runs = map;
  for (const l of listeners) l();
}

function withHop(run: PathRun, index: number, edit: (hop: HopRun) => HopRun): PathRun {
  return { ...run, hops: run.hops.map((h, i) => (i === index ? edit(h) : h)) };
}

function listen(): void {
  if (unsubscribe !== null) return;
  const offLog = api.on('install.log', (line) => {
    if (line.hop === undefined) return;
    const hop = line.hop;
    change((r) => r.installId === line.installId, (r) => withHop(r, hop, (h) => ({ ...h, log: [...h.log, { stream: line.stream, text: line.text, at: line.at }] })));
  });
  const offHop = api.on('upgrade.hop', (event) => {
    change(
      (r) => r.installId === event.installId,
      (r) => withHop(r, event.hop, (h) => ({ ...h, state: event.state === 'started' ? 'installing' : 'installed', detectedVersion: event.detectedVersion })),
    );
  });
  unsubscribe = () => {
    offLog();
    offHop();
  };
}

/** Runs the path to `version`; `hops` are the planned versions, shown as waiting until each starts. */
export async function runPath(serialNumber: string, version: string, hops: readonly string[]): Promise<void> {
  listen();
  const installId = crypto.randomUUID();
  const map = new Map(runs);
  map.set(keyOf(serialNumber, version), {
    installId,
    serialNumber,
    version,
    state: 'running',
    hops: hops.map((v) => ({ version: v, state: 'waiting', detectedVersion: null, log: [] })),
    outcome: null,
    error: null,
  });
  runs = map;
  for (const l of listeners) l();
  const mine = (r: PathRun) => r.installId === installId;
  try {
    const outcome = await api.call('upgrade.run', { serialNumber, toVersion: version, installId });
    change(mine, (r) => {
      const done = outcome.ok ? r : withHop(r, outcome.failedHop, (h) => ({ ...h, state: 'failed' }));
      return { ...done, state: 'done', outcome };
    });
    // The installed version changed: what is offered changes with it.
    void systemsResource.refresh();
    void updatesResource.refresh();
  } catch (error) {
    change(mine, (r) => ({ ...r, state: 'done', error: toShownError(error) }));
  }
}

export function resetPaths(): void {
  unsubscribe?.();
  unsubscribe = null;
  runs = new Map();
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePathRun(serialNumber: string, version: string): PathRun | undefined {
  return useSyncExternalStore(subscribe, () => runs.get(keyOf(serialNumber, version)));
}
