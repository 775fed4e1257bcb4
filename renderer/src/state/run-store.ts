/**
 * A keyed store of the runs started from this window (an install, an upgrade path), kept outside the screens so that
 * leaving and coming back loses neither a running job nor its live log. Runs are named by the `installId` the window
 * gave them, which the host's events carry; the events are listened to from the first run until sign-out.
 */
import { useSyncExternalStore } from 'react';

export interface RunStore<R extends { installId: string }> {
  start(key: string, run: R): void;
  /** Applies `next` to the run this window named `installId`, if it still has it. */
  change(installId: string, next: (run: R) => R): void;
  /** Forgets every run and stops listening (sign-out). */
  reset(): void;
  useRun(key: string): R | undefined;
}

/** `listen` subscribes to the host's events for these runs and returns how to unsubscribe. */
export function runStore<R extends { installId: string }>(
  listen: (change: RunStore<R>['change']) => () => void,
): RunStore<R> {
  let runs: ReadonlyMap<string, R> = new Map();
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | null = null;

  const publish = (next: ReadonlyMap<string, R>): void => {
    runs = next;
    for (const l of listeners) l();
  };

  const change = (installId: string, next: (run: R) => R): void => {
    const key = [...runs].find(([, r]) => r.installId === installId)?.[0];
    const run = key === undefined ? undefined : runs.get(key);
    if (key === undefined || run === undefined) return;
    publish(new Map(runs).set(key, next(run)));
  };

  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  return {
    start(key, run) {
      unsubscribe ??= listen(change);
      publish(new Map(runs).set(key, run));
    },
    change,
    reset() {
      unsubscribe?.();
      unsubscribe = null;
      publish(new Map());
    },
    useRun(key) {
      return useSyncExternalStore(subscribe, () => runs.get(key));
    },
  };
}
