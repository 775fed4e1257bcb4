/**
 * Registers one IPC handler per method of an API, derived from its declaration. Each call's sender must be a frame
 * of the app's own UI (served over app://hicare); anything else is refused before the dispatcher sees the argument.
 * Takes the ipcMain-like object as a parameter so the wiring is testable without Electron.
 */
import {
  createDispatcher,
  methodChannel,
  methodNames,
  type ApiSpec,
  type Envelope,
  type Handlers,
} from '../../shared/api/define.js';
import type { CallContext } from '../core/app-handlers.js';

export const APP_ORIGIN = 'app://hicare';

export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function isAppFrame(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'hicare';
  } catch {
    return false;
  }
}

export function wireIpc<A extends ApiSpec>(ipc: IpcMainLike, api: A, handlers: Handlers<A, CallContext>): () => void {
  const dispatch = createDispatcher(api, handlers);
  const channels = methodNames(api).map((method) => {
    const channel = methodChannel(method);
    ipc.handle(channel, async (event, ...args): Promise<Envelope<unknown>> => {
      const frameUrl = event.senderFrame?.url;
      if (!isAppFrame(frameUrl)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: 'This window may not call the app.',
            remedy: 'Use the Hi-Care Update Manager window.',
          },
        };
      }
      if (args.length > 1) {
        return {
          ok: false,
          error: { code: 'INVALID_INPUT', message: `${method} takes one argument.`, remedy: 'Update the app.' },
        };
      }
      return dispatch(method, args[0], { origin: frameUrl ?? '' });
    });
    return channel;
  });
  return () => channels.forEach((c) => ipc.removeHandler(c));
}
