/**
 * Installations run from this window: the live log (install.log events for the system) and the outcome, kept
 * outside the screen so leaving and coming back does not lose a running install or its log.
 */
import { useSyncExternalStore } from 'react';
import type { InstallOutcome } from '../../../shared/contracts/app-views.js';
import { api } from '../api.js';
import { toShownError, type ShownError } from '../lib/errors.js';
import { systemsResource, updatesResource } from './resources.js';

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

let runs: ReadonlyMap<string, InstallRun> = new Map();
const listeners = new Set<() => void>();
let unsubscribe: (() => void) | null = null;

const keyOf = (serialNumber: string, targetName: string) => `${serialNumber}\u0000${targetName}`;

function update(key: string, change: (run: InstallRun) => InstallRun): void {
  const run = runs.get(key);
  if (run === undefined) return;
  const next = new Map(runs);
  next.set(key, change(run));
  runs = next;
  for (const l of listeners) l();
}

function listen(): void {
  unsubscribe ??= api.on('install.log', (line) => {
    for (const [key, run] of runs) {
      if (run.installId === line.installId) update(key, (r) => ({ ...r, log: [...r.log, { stream: line.stream, text: line.text, at: line.at }] }));
    }
  });
}

export async function runInstall(serialNumber: string, targetName: string): Promise<void> {
  listen();
  const key = keyOf(serialNumber, targetName);
  const installId = crypto.randomUUID();
  const next = new Map(runs);
  next.set(key, { installId, serialNumber, targetName, state: 'running', startedAt: Date.now(), log: [], outcome: null, error: null });
  runs = next;
  for (const l of listeners) l();
  try {
    const outcome = await api.call('install.run', { serialNumber, targetName, installId });
    update(key, (r) => ({ ...r, state: 'done', outcome }));
    // The installed version changed (or was re-detected): what is offered changes with it.
    void systemsResource.refresh();
    void updatesResource.refresh();
  } catch (error) {
    update(key, (r) => ({ ...r, state: 'done', error: toShownError(error) }));
  }
}

export function resetInstalls(): void {
  unsubscribe?.();
  unsubscribe = null;
  runs = new Map();
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useInstallRun(serialNumber: string, targetName: string): InstallRun | undefined {
  return useSyncExternalStore(subscribe, () => runs.get(keyOf(serialNumber, targetName)));
}
