/** Starts the web host on loopback and prints the address to open. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { appApi } from '../../shared/contracts/app-api.js';
import { appHandlers } from '../core/app-handlers.js';
import { consoleLogger, systemClock, type HostAdapter } from '../core/adapters.js';
import { defaultPaths } from '../core/paths.js';
import { FileSecretStore } from '../core/secret-file-store.js';
import { SettingsService } from '../core/settings.js';
import { startWebHost } from './server.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const rendererDirectory = join(projectRoot, 'dist', 'renderer');
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { productName: string; version: string };

const paths = defaultPaths();
const host: HostAdapter = {
  kind: 'web',
  appName: pkg.productName,
  appVersion: pkg.version,
  platform: `${process.platform}-${process.arch}`,
  paths,
  clock: systemClock,
  logger: consoleLogger('[web-host]'),
  secrets: new FileSecretStore(paths.dataDirectory),
};
const settings = new SettingsService(paths.dataDirectory);
const port = Number(process.env.HICARE_WEB_PORT ?? 0);

const web = await startWebHost({
  api: appApi,
  handlers: appHandlers({ host, settings, uiBuilt: () => existsSync(join(rendererDirectory, 'index.html')) }),
  rendererDirectory,
  port,
});
settings.onChange((s) => web.emit('settings.changed', s));

console.log(`Hi-Care Update Manager is running in your browser at:\n\n  ${web.openUrl}\n\nData directory: ${paths.dataDirectory}\nPress Ctrl+C to stop.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void web.close().then(() => process.exit(0));
  });
}
