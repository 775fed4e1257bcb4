// `npm start`: the app in Electron where its binary is present, otherwise in the browser through the web host.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The electron package exports the binary's path and throws when the binary was never downloaded.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed; see above.');
  process.exit(build.status ?? 1);
}

const binary = electronBinary();
const child = binary !== null
  ? spawn(binary, ['.'], { stdio: 'inherit' })
  : (console.log('No Electron binary on this machine: opening the app through the web host instead.'),
    spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts'], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
