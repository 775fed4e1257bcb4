// `npm run package:cli`: the `hicare` command line as an npm package of its own, @hicare/cli, written to
// dist/cli-package/ and packed into release/. It holds the one built file (dist/cli/hicare.js, every dependency
// inside it), so it installs with Node alone, offline: `npm install -g hicare-cli-VERSION.tgz`.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/cli/hicare.js`;
const out = `${root}dist/cli-package`;
const release = `${root}release`;

if (!existsSync(built)) {
  console.error('dist/cli/hicare.js is missing: run `vite build --mode cli` (or `npm run package:cli`) first.');
  process.exit(1);
}
const app = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyFileSync(built, `${out}/hicare.js`);
chmodSync(`${out}/hicare.js`, 0o755);
writeFileSync(
  `${out}/package.json`,
  `${JSON.stringify(
    {
      name: '@hicare/cli',
      version: app.version,
      description: 'hicare: the Hi-Care Update Manager on the command line, for IT staff.',
      type: 'module',
      bin: { hicare: 'hicare.js' },
      files: ['hicare.js', 'README.md'],
      engines: app.engines,
      license: 'UNLICENSED',
    },
    null,
    2,
  )}\n`,
);
writeFileSync(
  `${out}/README.md`,
  `# @hicare/cli ${app.version}

\`hicare\`, the Hi-Care Update Manager's command line: check, download, verify and install the releases your
maintenance contract covers, build and verify offline bundles, and open remote-guidance requests.

    npm install -g hicare-cli-${app.version}.tgz     # no dependencies: works offline
    hicare --version
    hicare help
    hicare help check
    source <(hicare completion bash)

It needs Node.js ${app.engines.node}. Exit codes are listed by \`hicare help\`; \`hicare check\` exits 100 when
updates are available.
`,
);
mkdirSync(release, { recursive: true });
const packed = execFileSync('npm', ['pack', '--pack-destination', release, '--silent'], { cwd: out, encoding: 'utf8' })
  .trim()
  .split('\n')
  .at(-1);
console.log(`release/${packed}`);
