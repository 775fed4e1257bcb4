/**
 * Starts the web host on loopback and prints the address to open. With no portal configured it first starts the
 * embedded demo portal (see electron/core/app/embedded-demo.ts), so `npm start` alone gives a world to walk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { appApi } from '../../shared/contracts/app-api.js';
import { isHicareError } from '../../shared/errors.js';
import { appHandlers } from '../core/app-handlers.js';
import { AppSession } from '../core/app/app-session.js';
import { startDemoIfWanted, type EmbeddedDemo } from '../core/app/embedded-demo.js';
import { systemClock, type HostAdapter } from '../core/adapters.js';
import { hostLogger } from '../core/logging/index.js';
import { defaultPaths } from '../core/paths.js';
import { FileSecretStore } from '../core/secret-file-store.js';
import { SettingsService } from '../core/settings.js';
import { startWebHost, type WebHost } from './server.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const rendererDirectory = join(projectRoot, 'dist', 'renderer');
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { productName: string; version: string };

const paths = defaultPaths();
const logger = hostLogger(paths.dataDirectory, '[web-host]');
const host: HostAdapter = {
  kind: 'web',
  appName: pkg.productName,
  appVersion: pkg.version,
  platform: `${process.platform}-${process.arch}`,
  paths,
  clock: systemClock,
  logger,
  // The same token file as the `hicare` CLI: signing in with either signs in both.
  secrets: new FileSecretStore(join(paths.dataDirectory, 'secrets')),
};
const settings = new SettingsService(paths.dataDirectory);
const port = Number(process.env.HICARE_WEB_PORT ?? 0);

let demo: EmbeddedDemo | null;
try {
  demo = await startDemoIfWanted({ appDataDirectory: paths.dataDirectory, settings, env: process.env, logger });
} catch (error) {
  console.error(isHicareError(error) ? `${error.message}\n${error.remedy}` : `The demo portal could not be started: ${String(error)}`);
  process.exit(1);
}

// The session is made before the web host that carries its events; until the host listens there is no one to tell.
const events: { to?: WebHost } = {};
const session = new AppSession({ host, settings, env: process.env, demo, emit: (event, payload) => events.to?.emit(event, payload) });
const web = await startWebHost({
  api: appApi,
  handlers: appHandlers({ host, settings, session, uiBuilt: () => existsSync(join(rendererDirectory, 'index.html')) }),
  rendererDirectory,
  port,
});
events.to = web;
settings.onChange((s) => web.emit('settings.changed', s));
session.start();

const portalLine = demo === null ? `Portal: ${session.portalUrl() ?? '(none yet: set it in the app)'}` : `Demo portal: ${demo.url} (sign in with one of the demo accounts the app lists)`;
console.log(`Hi-Care Update Manager is running in your browser at:\n\n  ${web.openUrl}\n\n${portalLine}\nData directory: ${paths.dataDirectory}\nPress Ctrl+C to stop.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (async () => {
      await session.close();
      await web.close();
      await demo?.close();
    })().finally(() => process.exit(0));
  });
}
