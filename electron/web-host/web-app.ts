/**
 * The app in a browser: the app runtime (electron/core/app/runtime.ts) behind the web host, its events sent to the
 * window over the host's event stream.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appApi } from '../../shared/contracts/app-api.js';
import { createAppRuntime, type AppRuntime, type AppRuntimeOptions } from '../core/app/runtime.js';
import { startWebHost, type WebHost } from './server.js';

export interface WebAppOptions extends Omit<AppRuntimeOptions, 'emit' | 'uiBuilt'> {
  /** The built window (dist/renderer). */
  rendererDirectory: string;
  /** 0: any free port. */
  port: number;
}

export interface WebApp {
  runtime: AppRuntime;
  web: WebHost;
  close(): Promise<void>;
}

export async function startWebApp({ rendererDirectory, port, ...options }: WebAppOptions): Promise<WebApp> {
  // The runtime is made before the web host that carries its events; until the host listens there is no one to tell.
  const events: { to?: WebHost } = {};
  // In the browser the "system's" language is the browser's, which only its calls tell.
  let browserLanguages: readonly string[] = [];
  const runtime = await createAppRuntime({
    systemLanguages: () => browserLanguages,
    ...options,
    emit: (event, payload) => events.to?.emit(event, payload),
    uiBuilt: () => existsSync(join(rendererDirectory, 'index.html')),
  });
  let web: WebHost;
  try {
    web = await startWebHost({
      api: appApi,
      handlers: runtime.handlers,
      rendererDirectory,
      port,
      onLanguages: (tags) => (browserLanguages = tags),
    });
  } catch (error) {
    await runtime.close();
    throw error;
  }
  events.to = web;
  runtime.start();
  return {
    runtime,
    web,
    close: async () => {
      await runtime.close();
      await web.close();
    },
  };
}
