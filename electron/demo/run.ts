/**
 * `npm start`'s demo portal for the Electron shell, in a process of its own so the shell never loads the portal.
 * When the app should run on the demo (see demoWanted), it starts it, writes what the shell needs to use it (its
 * address, its root, its accounts) to a file readable by the user only, and prints one line on stdout:
 * `HICARE_DEMO_PORTAL_FILE=<path>`, or `HICARE_DEMO_PORTAL_FILE=` when no demo is wanted (then it exits). It runs
 * until it is told to stop (SIGTERM, SIGINT) or its standard input closes, so it ends with the `npm start` that
 * started it.
 */
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isHicareError } from '../../shared/errors.js';
import { consoleLogger } from '../core/adapters.js';
import { DEMO_FILE_VARIABLE, type AttachedDemo } from '../core/app/attached-demo.js';
import { defaultPaths } from '../core/paths.js';
import { SettingsService } from '../core/settings.js';
import { demoDirectory, embeddedDemo } from './embedded-demo.js';

const appDataDirectory = defaultPaths().dataDirectory;
const context = {
  appDataDirectory,
  settings: new SettingsService(appDataDirectory).get(),
  env: process.env,
  logger: consoleLogger('[demo]'),
};

async function writeDemoFile(file: string, demo: AttachedDemo): Promise<void> {
  const tmp = `${file}.tmp`;
  await writeFile(tmp, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
}

try {
  if (!(await embeddedDemo.wanted?.(context))) {
    console.log(`${DEMO_FILE_VARIABLE}=`);
    process.exit(0);
  }
  const demo = await embeddedDemo.start(context);
  const file = join(demoDirectory(appDataDirectory), 'demo-in-use.json');
  await writeDemoFile(file, { url: demo.url, rootFile: demo.rootFile, accounts: demo.accounts });
  console.log(`${DEMO_FILE_VARIABLE}=${file}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void rm(file, { force: true })
      .then(() => demo.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.once('end', stop);
  process.stdin.resume();
} catch (error) {
  console.error(
    isHicareError(error)
      ? `${error.message}\n${error.remedy}`
      : `The demo portal could not be started: ${String(error)}`,
  );
  process.exit(1);
}
