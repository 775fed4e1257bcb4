/** The one place that touches ipcMain: everything else goes through the contract-derived wiring. */
import { ipcMain } from 'electron';
import type { ApiSpec, Handlers } from '../../shared/api/define.js';
import type { CallContext } from '../core/app-handlers.js';
import { wireIpc, type IpcMainLike } from './ipc-wiring.js';

export function registerIpc<A extends ApiSpec>(api: A, handlers: Handlers<A, CallContext>): () => void {
  return wireIpc(ipcMain as unknown as IpcMainLike, api, handlers);
}
