/**
 * `hicare` as a product: the npm package installed offline and run with Node alone; --version and help; -q and -v;
 * and on a real terminal (a pseudo-terminal from util-linux `script`), one progress bar per download and a password
 * prompt that never shows what is typed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoSeedResult } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { runHicare, type Run } from './run-hicare.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let dir = '';
let portal: Portal;
let url = '';
let seed: DemoSeedResult;

function hicare(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<Run> {
  return runHicare(args, { HICARE_HOME: join(dir, 'home'), HICARE_PORTAL: url, ...env }, stdin);
}

const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

/**
 * `hicare args` on a pseudo-terminal. `answer` is typed once the screen shows `when`; resolves with everything the
 * terminal showed, escape sequences included, once the command exits.
 */
function onTerminal(
  args: string[],
  answer?: { when: string; type: string },
  home = join(dir, 'home'),
): Promise<{ code: number; screen: string }> {
  // A terminal 160 columns wide, as a person's would be (script's own has no size when its input is a pipe).
  const command = `stty cols 160 rows 40; ${['node', 'bin/hicare.js', ...args].map(quote).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HICARE_HOME: home,
        HICARE_PORTAL: url,
        HICARE_FROM_SOURCES: '1',
        LANGUAGE: '',
        LC_ALL: '',
        LANG: 'C.UTF-8',
        TERM: 'xterm',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let typed = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      screen += s;
      if (answer !== undefined && !typed && screen.includes(answer.when)) {
        typed = true;
        child.stdin.write(`${answer.type}\r`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, screen }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-product-'));
  portal = await createPortal({ dataDirectory: join(dir, 'portal'), refreshEveryMs: 0 });
  seed = await seedDemo({ db: portal.db, catalog: portal.catalog, keysDir: portal.layout.keysDir, now: new Date() });
  url = await portal.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  await portal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('installs offline with no dependencies and runs with Node alone', () => {
    const pack = spawnSync('npm', ['run', '--silent', 'package:cli'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const tgz = join(ROOT, `release/hicare-cli-${VERSION}.tgz`);
    expect(existsSync(tgz)).toBe(true);
    const prefix = join(dir, 'global');
    const install = spawnSync(
      'npm',
      ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tgz],
      { encoding: 'utf8' },
    );
    expect(install.status, install.stderr).toBe(0);
    const installed = join(prefix, 'lib/node_modules/@hicare/cli');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'hicare.js', 'package.json']);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: '@hicare/cli', version: VERSION, bin: { hicare: 'hicare.js' } });
    expect(manifest['dependencies']).toBeUndefined();

    const env = { ...process.env, HICARE_HOME: join(dir, 'global-home'), NODE_PATH: '' };
    const version = spawnSync(join(prefix, 'bin/hicare'), ['--version'], { cwd: dir, env, encoding: 'utf8' });
    expect([version.status, version.stdout]).toEqual([0, `hicare ${VERSION}\n`]);
    const help = spawnSync(join(prefix, 'bin/hicare'), ['help', 'check'], { cwd: dir, env, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^hicare check \[--serial S\]/);
  }, 120_000);
});

describe('conventions', () => {
  it('prints the version with --version and -V', async () => {
    expect((await hicare(['--version'])).stdout).toBe(`hicare ${VERSION}\n`);
    expect((await hicare(['-V'])).stdout).toBe(`hicare ${VERSION}\n`);
  });

  it('-q leaves out the hint; -v adds the debug lines on standard error', async () => {
    const hinted = await hicare(['check']);
    expect(hinted.code).toBe(9);
    expect(hinted.stderr).toContain('Command: hicare login --email EMAIL');
    const quiet = await hicare(['-q', 'check']);
    expect(quiet.code).toBe(9);
    expect(quiet.stderr).toMatch(/^error UNAUTHENTICATED: /);
    expect(quiet.stderr).not.toContain('Command:');

    const password = seed.accounts.find((a) => a.email === 'it@contoso.example')?.password ?? '';
    expect((await hicare(['login', '--email', 'it@contoso.example', '--password-stdin'], {}, password)).code).toBe(0);
    expect((await hicare(['trust', join(portal.layout.repoDir, '1.root.json'), '--yes'])).code).toBe(0);
    const target = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
    const verbose = await hicare(['-v', 'download', target, '--out', join(dir, 'verbose')]);
    expect(verbose.code, verbose.stderr).toBe(0);
    expect(verbose.stderr).toMatch(/^hicare info package downloaded /m);
    const plain = await hicare(['download', target, '--out', join(dir, 'plain')]);
    expect(plain.stderr).toBe('');
  }, 60_000);
});

describe('on a terminal', () => {
  it('draws one progress bar per package downloading side by side', async () => {
    const names = [
      'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz',
      'beacon/2.1.4/linux-x64/beacon-2.1.4-linux-x64.tar.gz',
    ];
    // A desktop of its own, so nothing comes from an earlier test's cache (a cached file has nothing to draw).
    const home = { HICARE_HOME: join(dir, 'terminal-home') };
    const password = seed.accounts.find((a) => a.email === 'it@contoso.example')?.password ?? '';
    expect((await hicare(['login', '--email', 'it@contoso.example', '--password-stdin'], home, password)).code).toBe(0);
    expect((await hicare(['trust', join(portal.layout.repoDir, '1.root.json'), '--yes'], home)).code).toBe(0);
    const { code, screen } = await onTerminal(
      ['download', ...names, '--out', join(dir, 'bars')],
      undefined,
      home.HICARE_HOME,
    );
    expect(code, screen).toBe(0);
    expect(screen).toMatch(/\[#{24}\] 100% {2}1\.4 kB\/1\.4 kB .* atlas-1\.9\.0-linux-x64\.tar\.gz/);
    expect(screen).toMatch(/\[#{24}\] 100% {2}1\.4 kB\/1\.4 kB .* beacon-2\.1\.4-linux-x64\.tar\.gz/);
    expect(screen).toContain('verified');
    const json = await onTerminal(
      ['--json', 'download', ...names, '--out', join(dir, 'bars2')],
      undefined,
      home.HICARE_HOME,
    );
    expect(json.screen).not.toContain('[#');
  }, 60_000);

  it('masks a typed password and shows a yes/no answer as it is typed', async () => {
    const password = seed.accounts.find((a) => a.email === 'admin@contoso.example')?.password ?? '';
    const login = await onTerminal(['login', '--email', 'admin@contoso.example'], {
      when: 'Password for admin@contoso.example:',
      type: password,
    });
    expect(login.code, login.screen).toBe(0);
    expect(login.screen).not.toContain(password);
    expect(login.screen).toContain('*'.repeat(password.length));
    expect(login.screen).toContain('Signed in to');
    expect(login.screen).not.toContain('toggle');

    const trust = await onTerminal(['trust', join(portal.layout.repoDir, '1.root.json')], {
      when: 'Trust this root for the portal? [y/N]',
      type: 'n',
    });
    expect(trust.code).toBe(10);
    expect(trust.screen).toMatch(/\[y\/N\]\S* n/);
    expect(trust.screen).toContain('Nothing was trusted.');
  }, 60_000);
});
