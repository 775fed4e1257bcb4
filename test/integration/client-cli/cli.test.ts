/**
 * `hicare` as IT staff use it, as real child processes against the real demo portal: trusting the demo's root
 * explicitly, signing in, the contract, the systems, the check with reasons, downloads, verify, installs (one that
 * works, the failing one with its typed result), the operation log — with the documented exit codes and --json.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoSeedResult } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { runHicare, type Run } from './run-hicare.js';

let dir = '';
let portal: Portal;
let url = '';
let seed: DemoSeedResult;

function hicare(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<Run> {
  return runHicare(args, { HICARE_HOME: join(dir, 'home'), HICARE_PORTAL: url, ...env }, stdin);
}

function password(email: string): string {
  return seed.accounts.find((a) => a.email === email)?.password ?? '';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-cli-'));
  portal = await createPortal({ dataDirectory: join(dir, 'portal'), refreshEveryMs: 0 });
  seed = await seedDemo({ db: portal.db, catalog: portal.catalog, keysDir: portal.layout.keysDir, now: new Date() });
  url = await portal.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  await portal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('hicare CLI', () => {
  it('refuses a portal it was not told to trust, and trusts the demo root only when pointed at it, showing the fingerprint', async () => {
    const login = await hicare(
      ['login', '--email', 'it@contoso.example', '--password-stdin'],
      {},
      `${password('it@contoso.example')}\n`,
    );
    expect(login.code, login.stderr).toBe(0);
    const untrusted = await hicare(['check']);
    expect(untrusted.code).toBe(4);
    expect(untrusted.stderr).toMatch(/^error UNTRUSTED_PORTAL: /m);
    const trust = await hicare(['trust', join(portal.layout.repoDir, '1.root.json'), '--yes']);
    expect(trust.code).toBe(0);
    expect(trust.stdout).toMatch(/fingerprint \(SHA-256\): ([0-9A-F]{4} ){15}[0-9A-F]{4}/);
    // Trusted, the check finds releases to take: 100, as `dnf check-update` says so.
    expect((await hicare(['check'])).code).toBe(100);
  });

  it('shows the contract, the systems and what each may take, with reasons, in words and as JSON', async () => {
    const entitlement = await hicare(['entitlement']);
    expect(entitlement.stdout).toContain('CG-UPS-2026  Application Software Upgrade Support  active');
    const systems = JSON.parse((await hicare(['--json', 'systems'])).stdout) as {
      systems: { serialNumber: string; installedVersion: string }[];
    };
    expect(systems.systems.map((s) => [s.serialNumber, s.installedVersion])).toEqual([
      ['CG-ATL-0001', '1.4.2'],
      ['CG-BCN-0001', '2.0.0'],
      ['CG-COB-0001', '4.2.0'],
    ]);
    const check = await hicare(['check', '--serial', 'CG-ATL-0001']);
    expect(check.code, check.stderr).toBe(100);
    expect(check.stdout).toContain('✓ upgrade 2.3.1');
    expect(check.stdout).toContain('✗ upgrade 3.0.0-rc.1   PRERELEASE');
    expect(check.stdout).toContain('Path to 2.3.1: 1.4.2 → 1.9.0 → 2.3.1');
  });

  it('shows a Support customer the locked upgrade with its reason and remedy', async () => {
    const home = { HICARE_HOME: join(dir, 'northwind') };
    await hicare(['trust', join(portal.layout.repoDir, '1.root.json'), '--yes'], home);
    expect(
      (
        await hicare(['login', '--email', 'admin@northwind.example'], {
          ...home,
          HICARE_PASSWORD: password('admin@northwind.example'),
        })
      ).code,
    ).toBe(0);
    const check = await hicare(['check', '--serial', 'NW-ATL-0001'], home);
    expect(check.stdout).toMatch(
      /✗ upgrade 2\.3\.1 +UPGRADE_REQUIRES_UPGRADE_SUPPORT: .* → Move to Application Software Upgrade Support/,
    );
    expect(check.stdout).toContain('✓ update  1.9.0');
    const refused = await hicare(
      ['download', 'atlas/2.3.1/linux-x64/atlas-2.3.1-linux-x64.tar.gz', '--serial', 'NW-ATL-0001'],
      home,
    );
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^error UPGRADE_REQUIRES_UPGRADE_SUPPORT: /m);
  });

  it('downloads several packages to a folder, verifies files, and refuses one that is not signed', async () => {
    const out = join(dir, 'bulk');
    const names = [
      'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz',
      'beacon/2.1.4/linux-x64/beacon-2.1.4-linux-x64.tar.gz',
    ];
    const run = await hicare(['--json', 'download', ...names, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const { downloads } = JSON.parse(run.stdout) as { downloads: { file: string; sha256: string }[] };
    expect(downloads.map((d) => d.file)).toEqual([
      join(out, 'atlas-1.9.0-linux-x64.tar.gz'),
      join(out, 'beacon-2.1.4-linux-x64.tar.gz'),
    ]);
    expect((await hicare(['verify', join(out, 'atlas-1.9.0-linux-x64.tar.gz')])).stdout).toContain(
      'is atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz',
    );
    const forged = join(dir, 'forged.tar.gz');
    await writeFile(forged, `${await readFile(join(out, 'atlas-1.9.0-linux-x64.tar.gz'), 'latin1')}x`, 'latin1');
    const refused = await hicare(['verify', forged]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/^error HASH_MISMATCH: /m);
  });

  it('installs an update, and reports the failing installer with its exit code, cause and log', async () => {
    const ok = await hicare([
      'install',
      'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz',
      '--serial',
      'CG-ATL-0001',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Installed on CG-ATL-0001: 1.4.2 → 1.9.0');
    const failed = await hicare([
      '--json',
      'install',
      'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz',
      '--serial',
      'CG-COB-0001',
    ]);
    expect(failed.code).toBe(5);
    const body = JSON.parse(failed.stderr) as {
      code: string;
      remedy: string;
      details: { exitCode: number; toVersion: string; log: string };
    };
    expect(body).toMatchObject({ code: 'INSTALL_FAILED', details: { exitCode: 3, toVersion: '4.2.1' } });
    expect(body.details.log).toContain('pre-install check failed: service cobalt-agent is still running');
    const log = await hicare(['log', '--verify']);
    expect(log.stdout).toMatch(/The operation log is intact: \d+ records/);
  });

  it('answers wrong usage with exit code 2 and the command’s help', async () => {
    const run = await hicare(['install', 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hicare install TARGET --serial S');
    expect((await hicare(['frobnicate'])).code).toBe(2);
    const help = await hicare(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
  });

  it('says the portal is unreachable with exit code 6', async () => {
    const run = await hicare(['login', '--email', 'it@contoso.example', '--portal', 'http://127.0.0.1:9'], {
      HICARE_PASSWORD: 'whatever it is',
    });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/^error OFFLINE: /m);
  });

  it('refuses an install that would skip a hop, and takes the path with `hicare upgrade --yes`, hop by hop', async () => {
    const home = { HICARE_HOME: join(dir, 'contoso-path') };
    expect((await hicare(['trust', join(portal.layout.repoDir, '1.root.json'), '--yes'], home)).code).toBe(0);
    expect(
      (
        await hicare(['login', '--email', 'admin@contoso.example'], {
          ...home,
          HICARE_PASSWORD: password('admin@contoso.example'),
        })
      ).code,
    ).toBe(0);
    expect((await hicare(['systems', 'set-version', 'CG-ATL-0001', '1.4.2'], home)).code).toBe(0);

    const check = await hicare(['check', '--serial', 'CG-ATL-0001'], home);
    expect(check.stdout).toContain('installs only over 1.9.0 or later: hicare upgrade --serial CG-ATL-0001 --to 2.3.1');
    expect(check.stdout).not.toMatch(/>=|\|\|/);
    const skipped = await hicare(
      ['install', 'atlas/2.3.1/linux-x64/atlas-2.3.1-linux-x64.tar.gz', '--serial', 'CG-ATL-0001'],
      home,
    );
    expect(skipped.code).toBe(8);
    expect(skipped.stderr).toContain(
      'error UPGRADE_PATH_REQUIRED: Atlas 2.3.1 installs only over 1.9.0 or later; CG-ATL-0001 runs 1.4.2.',
    );
    expect(skipped.stderr).toContain('Install 1.9.0 first, or install the path 1.9.0 → 2.3.1.');

    const asked = await hicare(['upgrade', '--serial', 'CG-ATL-0001', '--to', '2.3.1'], home);
    expect(asked.stderr).toContain('Path for CG-ATL-0001: 1.4.2 → 1.9.0 → 2.3.1');
    expect(asked.code).toBe(10);
    expect(asked.stderr).toMatch(/^error CONFIRMATION_REQUIRED: Nothing was installed\./m);
    expect(asked.stderr).toContain('hicare upgrade --serial CG-ATL-0001 --to 2.3.1 --yes');
    const unchanged = JSON.parse((await hicare(['--json', 'systems'], home)).stdout) as {
      systems: { serialNumber: string; installedVersion: string }[];
    };
    expect(unchanged.systems.find((s) => s.serialNumber === 'CG-ATL-0001')?.installedVersion).toBe('1.4.2');

    const run = await hicare(['upgrade', '--serial', 'CG-ATL-0001', '--to', '2.3.1', '--yes'], home);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('1. Atlas 1.9.0  update, included in your contract');
    expect(run.stderr).toContain('2. Atlas 2.3.1  upgrade, included in your contract, installs over 1.9.0 or later');
    expect(run.stderr.indexOf('Step 1 of 2: installing Atlas 1.9.0')).toBeLessThan(
      run.stderr.indexOf('Installed atlas 1.9.0'),
    );
    expect(run.stderr.indexOf('Installed atlas 1.9.0')).toBeLessThan(
      run.stderr.indexOf('Step 2 of 2: installing Atlas 2.3.1'),
    );
    expect(run.stderr).toContain('Installed atlas 2.3.1');
    expect(run.stdout).toContain('Upgraded CG-ATL-0001: 1.4.2 → 1.9.0 → 2.3.1.');
    const after = JSON.parse((await hicare(['--json', 'systems'], home)).stdout) as {
      systems: { serialNumber: string; installedVersion: string }[];
    };
    expect(after.systems.find((s) => s.serialNumber === 'CG-ATL-0001')?.installedVersion).toBe('2.3.1');
  });

  it('refuses `hicare upgrade` through a release the contract does not allow, before anything is downloaded', async () => {
    const home = { HICARE_HOME: join(dir, 'northwind') };
    const run = await hicare(['upgrade', '--serial', 'NW-ATL-0001', '--to', '2.3.1', '--yes'], home);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(
      /^error UPGRADE_REQUIRES_UPGRADE_SUPPORT: The path 1\.4\.2 → 1\.9\.0 → 2\.3\.1 goes through Atlas 2\.3\.1/m,
    );
    expect(run.stderr).toContain('Nothing was downloaded or installed.');
    expect(run.stderr).not.toContain('Step 1');
  });
});
