/**
 * The only thing the page gets: `invoke` for the API's own methods and `subscribe` for its own events. The page never
 * sees ipcRenderer, and a method name outside the contract is refused here before any IPC happens.
 */
import {
  eventChannel,
  eventNames,
  methodChannel,
  methodNames,
  type ApiSpec,
  type Transport,
} from '../../shared/api/define.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createBridge(api: ApiSpec, ipc: IpcRendererLike): Transport {
  const methods = new Set<string>(methodNames(api));
  const events = new Set<string>(eventNames(api));
  return Object.freeze({
    invoke(method: string, input: unknown): Promise<unknown> {
      if (!methods.has(method)) {
        return Promise.resolve({
          ok: false,
          // The key lets the window write it in the app's language; the preload carries no catalog of its own.
          error: {
            code: 'UNKNOWN_METHOD',
            message: `There is no method "${method}".`,
            remedy: 'Update the app.',
            key: 'UNKNOWN_METHOD.desktopBridge',
            params: { method },
          },
        });
      }
      return ipc.invoke(methodChannel(method), input);
    },
    subscribe(event: string, listener: (payload: unknown) => void): () => void {
      if (!events.has(event)) return () => {};
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(eventChannel(event), wrapped);
      return () => void ipc.removeListener(eventChannel(event), wrapped);
    },
  });
}
