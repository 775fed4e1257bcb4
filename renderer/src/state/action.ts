/**
 * A user action's progress (saving a form, sending a message, dismissing a failure): running or not, and the error
 * its last run ended with. Kept free of React so it can be tested on its own; `useAction` is the screens' thin hook.
 *
 *   idle ──run──▶ running ──resolves──▶ idle        (onDone)
 *     ▲              │ run: refused (a double click sends nothing twice)
 *     └──reset── failed ◀──rejects──┘                (onError)
 *
 * A failed action is run again from `failed` the same way; the new run clears the old error.
 */
import { toShownError, type ShownError } from '../lib/errors.js';

export interface ActionState<I> {
  /** The run in progress, with what it was started with (which of several buttons is working). */
  readonly running: { readonly input: I } | null;
  /** How the last run failed, in words for the user; cleared by the next run or by `reset`. */
  readonly error: ShownError | null;
}

export interface ActionHandlers<I, R> {
  perform: (input: I) => Promise<R>;
  /** What the screen does with the result; skipped once the screen is gone. */
  onDone?: ((result: R, input: I) => void) | undefined;
  /** Extra reaction to a failure (moving focus to the field at fault); skipped once the screen is gone. */
  onError?: ((error: ShownError, input: I) => void) | undefined;
}

const IDLE: ActionState<never> = { running: null, error: null };

export class ActionRunner<I, R> {
  private state: ActionState<I> = IDLE;
  private readonly listeners = new Set<() => void>();
  private attached = true;

  /** `handlers` is read at each run, so the screen's latest callbacks are used without recreating the runner. */
  constructor(private readonly handlers: () => ActionHandlers<I, R>) {}

  readonly get = (): ActionState<I> => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs the action unless a run is on its way; never rejects: a failure becomes `error`. */
  readonly run = async (input: I): Promise<void> => {
    if (this.state.running !== null) return;
    const { perform, onDone, onError } = this.handlers();
    this.set({ running: { input }, error: null });
    let outcome: { ok: true; result: R } | { ok: false; error: ShownError };
    try {
      outcome = { ok: true, result: await perform(input) };
    } catch (e) {
      outcome = { ok: false, error: toShownError(e) };
    }
    this.set({ running: null, error: outcome.ok ? null : outcome.error });
    // The screen may have closed while the call was on its way: its state and focus are no longer there to update.
    if (!this.attached) return;
    if (outcome.ok) onDone?.(outcome.result, input);
    else onError?.(outcome.error, input);
  };

  /** Forgets the last error (the user changed what failed); a run in progress goes on. */
  readonly reset = (): void => {
    if (this.state.error !== null) this.set({ ...this.state, error: null });
  };

  /**
   * Called when the screen mounts; returns the call for when it unmounts. React's strict mode unmounts and mounts
   * again once, so detaching is not final.
   */
  readonly attach = (): (() => void) => {
    this.attached = true;
    return () => {
      this.attached = false;
    };
  };

  private set(next: ActionState<I>): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
