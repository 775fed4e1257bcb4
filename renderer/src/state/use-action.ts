/**
 * The busy / error pattern of a user action, once: `const save = useAction(async (input) => …, { onDone })` gives
 * `save.run(input)` for the button, `save.busy` to disable it, `save.error` to show and `save.reset()`. A click while
 * a run is on its way is refused, and a result arriving after the screen closed is dropped.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ShownError } from '../lib/errors.js';
import { ActionRunner, type ActionHandlers, type ActionState } from './action.js';

export interface Action<I> {
  run: (input: I) => Promise<void>;
  busy: boolean;
  running: ActionState<I>['running'];
  error: ShownError | null;
  reset: () => void;
}

export function useAction<I = void, R = unknown>(
  perform: (input: I) => Promise<R>,
  callbacks: Omit<ActionHandlers<I, R>, 'perform'> = {},
): Action<I> {
  // The latest closures are used at each run without recreating the runner (which would forget a run in progress).
  const latest = useRef<ActionHandlers<I, R>>({ perform, ...callbacks });
  useEffect(() => {
    latest.current = { perform, ...callbacks };
  });
  const [runner] = useState(() => new ActionRunner<I, R>(() => latest.current));
  useEffect(() => runner.attach(), [runner]);
  const state = useSyncExternalStore(runner.subscribe, runner.get);
  return {
    run: runner.run,
    busy: state.running !== null,
    running: state.running,
    error: state.error,
    reset: runner.reset,
  };
}
