/**
 * The app runtime as the Electron shell runs it: the runtime every host starts (electron/core/app/runtime.ts), with
 * the update counts also shown by the tray and the notifications. Takes no Electron object, so a test runs the very
 * function main.ts calls.
 */
import type { AppEmit } from '../core/app/app-session.js';
import { createAppRuntime, type AppRuntime, type AppRuntimeOptions } from '../core/app/runtime.js';
import { withUpdateAnnouncements, withUserChecks } from './update-count.js';

export interface ShellRuntimeOptions extends Omit<AppRuntimeOptions, 'emit' | 'uiBuilt'> {
  /** Events to every window. */
  toWindows: AppEmit;
  /** A background check found more releases than before. */
  announced(count: number): void;
  /** The user's own check in the window showed this many. */
  seen(count: number): void;
}

export async function shellRuntime({
  toWindows,
  announced,
  seen,
  ...options
}: ShellRuntimeOptions): Promise<AppRuntime> {
  // The window is packaged with the shell: it is always there.
  const runtime = await createAppRuntime({
    ...options,
    emit: withUpdateAnnouncements(toWindows, announced),
    uiBuilt: () => true,
  });
  return { ...runtime, handlers: withUserChecks(runtime.handlers, seen) };
}
