/**
 * Starts the web host on loopback and prints the address to open. With no portal configured it runs the demo
 * portal in this process (see electron/demo/embedded-demo.ts), so `npm start` alone gives a world to walk.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { isHicareError } from '../../shared/errors.js';
import { systemClock, type HostAdapter } from '../core/adapters.js';
import { hostLogger } from '../core/logging/index.js';
import { defaultPaths } from '../core/paths.js';
import { FileSecretStore } from '../core/secret-file-store.js';
import { embeddedDemo } from '../demo/embedded-demo.js';
import { startWebApp, type WebApp } from './web-app.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  productName: string;
  version: string;
};

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

let app: WebApp;
try {
  app = await startWebApp({
    host,
    env: process.env,
    demo: embeddedDemo,
    rendererDirectory: join(projectRoot, 'dist', 'renderer'),
    port: Number(process.env.HICARE_WEB_PORT ?? 0),
  });
} catch (error) {
  console.error(
    isHicareError(error) ? `${error.message}\n${error.remedy}` : `The app could not be started: ${String(error)}`,
  );
  process.exit(1);
}

const { demo, session } = app.runtime;
const portalLine =
  demo === null
    ? `Portal: ${session.portalUrl() ?? '(none yet: set it in the app)'}`
    : `Demo portal: ${demo.url} (sign in with one of the demo accounts the app lists)`;
console.log(
  `Hi-Care Update Manager is running in your browser at:\n\n  ${app.web.openUrl}\n\n${portalLine}\nData directory: ${paths.dataDirectory}\nPress Ctrl+C to stop.`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().finally(() => process.exit(0)));
}
