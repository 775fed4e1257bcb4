// `npm start`: the app in Electron where its binary is present, otherwise in the browser through the web host.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const DEMO_FILE_VARIABLE = 'HICARE_DEMO_PORTAL_FILE';

function electronBinary() {
  try {
    // The electron package exports the binary's path and throws when the binary was never downloaded.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The demo portal beside Electron, in a process of its own: the shell never loads the portal's code (a packaged app
 * carries none). The demo process decides whether a demo is wanted (no portal configured) and says where the file
 * describing it is; it stops when its standard input closes, that is when this script ends.
 */
async function startDemoBeside() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/demo/run.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const file = await new Promise((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith(`${DEMO_FILE_VARIABLE}=`)) resolve(line.slice(DEMO_FILE_VARIABLE.length + 1));
      else console.log(line);
    });
    child.once('exit', (code) =>
      reject(new Error(`The demo portal stopped (exit code ${code ?? 'none'}); see above.`)),
    );
  });
  return file === '' ? { env: {}, child: null } : { env: { [DEMO_FILE_VARIABLE]: file }, child };
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed; see above.');
  process.exit(build.status ?? 1);
}

const binary = electronBinary();
let demo = { env: {}, child: null };
if (binary !== null) {
  try {
    demo = await startDemoBeside();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
const child =
  binary !== null
    ? spawn(binary, ['.'], { stdio: 'inherit', env: { ...process.env, ...demo.env } })
    : (console.log('No Electron binary on this machine: opening the app through the web host instead.'),
      spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts'], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => {
  demo.child?.stdin.end();
  process.exit(code ?? 0);
});
