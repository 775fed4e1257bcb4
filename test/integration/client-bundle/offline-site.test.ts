/**
 * A site without internet, as IT staff serve it, all through `hicare` processes: a bundle made on a connected
 * desktop, the portal then gone and every proxy dead; a desktop that never signed in verifies it and installs from
 * it; a site mirror serves it to a third; and a bundle changed on the way — a package byte, cut short, with junk
 * after it, served by a mirror, used for a system it was not issued for — is refused with its code and exit code,
 * the machine's folder as it was.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, open, readFile, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoSeedResult } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { INTERNAL_TEXT, runHicare, type Run } from '../client-cli/run-hicare.js';
import { ok } from './bundle-world.js';
import { machineState, memberOffset, serveMirrorProcess, type ServingMirror } from './site-tools.js';

const SERIALS = ['CG-ATL-0001', 'CG-BCN-0001'];
const IT_STAFF = 'it@contoso.example';
/** Nothing listens here: a request that tries the network through a proxy fails at once. */
const DEAD_PROXY = 'http://127.0.0.1:9';
/** The site mirror's own address, apart from the (stopped) portal's 127.0.0.1. */
const MIRROR_HOST = '127.0.0.2';

interface Verdict {
  issuedAt: string;
  validUntil: string;
  serials: string[];
  packages: { target: string; file: string; product: string; version: string }[];
}

let dir = '';
let portal: Portal;
let portalUrl = '';
let seed: DemoSeedResult;
let closed = false;
const site = () => join(dir, 'usb', 'site.hcb');
const rootFile = () => join(dir, 'usb', '1.root.json');
let packageMembers: string[] = [];
let homes = 0;

/** `hicare` on a machine of the site: its own data folder, the stopped portal's address, no way out. */
function offline(home: string, args: string[]): Promise<Run> {
  return runHicare(args, {
    HICARE_HOME: home,
    HTTPS_PROXY: DEAD_PROXY,
    HTTP_PROXY: DEAD_PROXY,
    NO_PROXY: '',
  });
}

/** A fresh desktop at the site whose only trust is the root file carried with the bundle. */
async function siteMachine(): Promise<string> {
  homes += 1;
  const home = join(dir, `site-${homes}`);
  const trust = ok(await offline(home, ['trust', rootFile(), '--yes', '--portal', portalUrl]));
  expect(trust.stdout).toMatch(/fingerprint/);
  return home;
}

/** Refused with this code and exit code, in words a user reads, and nothing on the machine changed. */
async function expectRefused(
  home: string,
  args: string[],
  exit: number,
  code: string,
  { logged = args[0] === 'install' } = {},
): Promise<Run> {
  const before = await machineState(home);
  const run = await offline(home, args);
  expect(run.code, run.stderr).toBe(exit);
  expect(run.stderr).toMatch(new RegExp(`^error ${code}: `, 'm'));
  expect(run.stdout + run.stderr).not.toMatch(INTERNAL_TEXT);
  expect(await machineState(home), 'the machine changed').toEqual(before);
  expect(await machineState(join(home, 'installs'))).toEqual({});
  const inventory = await readFile(join(home, 'inventory.json'), 'utf8').catch(() => '');
  expect(inventory, 'a system was added').not.toMatch(/CG-[A-Z]{3}-\d{4}/);
  if (logged) {
    // The refusal is a step of the operation log, with its code, as a refused download is.
    const log = JSON.parse(ok(await offline(home, ['--json', 'log'])).stdout) as {
      records: { kind: string; summary: string }[];
    };
    const last = log.records.at(-1);
    expect(last?.kind).toBe('failure');
    expect(last?.summary).toContain(code);
  }
  return run;
}

async function copyOfSite(name: string): Promise<string> {
  const file = join(dir, 'usb', name);
  await copyFile(site(), file);
  return file;
}

function newest(verdict: Verdict, serialProduct: string): string {
  const versions = verdict.packages.filter((p) => p.product === serialProduct).map((p) => p.version);
  return versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1) ?? '';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-site-'));
  await mkdir(join(dir, 'usb'));
  // The real clock: the CLI checks the statement and metadata against the machine's own time.
  portal = await createPortal({ dataDirectory: join(dir, 'portal'), refreshEveryMs: 0 });
  seed = await seedDemo({ db: portal.db, catalog: portal.catalog, keysDir: portal.layout.keysDir, now: new Date() });
  portalUrl = await portal.listen({ host: '127.0.0.1', port: 0 });
  await copyFile(join(portal.layout.repoDir, '1.root.json'), rootFile());
}, 60_000);

afterAll(async () => {
  if (!closed) await portal.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a site without internet, served from a bundle', () => {
  it('a connected desktop writes one bundle for two systems and says what it holds and until when', async () => {
    const home = join(dir, 'office');
    const env = { HICARE_HOME: home, HICARE_PORTAL: portalUrl };
    ok(await runHicare(['trust', rootFile(), '--yes'], env));
    const password = seed.accounts.find((a) => a.email === IT_STAFF)?.password ?? '';
    ok(await runHicare(['login', '--email', IT_STAFF, '--password-stdin'], env, `${password}\n`));
    const run = ok(
      await runHicare(
        ['bundle', 'create', '--serial', SERIALS[0]!, '--serial', SERIALS[1]!, '--updates', '--out', site()],
        env,
      ),
    );
    expect(run.stdout).toContain(`Systems: ${SERIALS.join(', ')}`);
    expect(run.stdout).toMatch(/valid until /);
    packageMembers = execFileSync('tar', ['tf', site()], { encoding: 'utf8' })
      .split('\n')
      .filter((m) => m.startsWith('packages/'));
    expect(packageMembers.length).toBeGreaterThanOrEqual(2);
    for (const member of packageMembers) expect(run.stdout).toContain(basename(member));

    // From here on the site has no portal: it is stopped, and every other route goes to a dead proxy.
    await portal.close();
    closed = true;
    const refused = await fetch(`${portalUrl}/tuf/timestamp.json`).then(
      () => 'answered',
      () => 'unreachable',
    );
    expect(refused).toBe('unreachable');
  }, 120_000);

  it('a desktop that never signed in verifies the bundle offline and installs from it', async () => {
    const home = await siteMachine();
    const verify = ok(await offline(home, ['bundle', 'verify', site()]));
    // The statement's issue date, as a person reads it: "Verified offline as of 7 Dec 2026".
    const today = new Date().toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(verify.stdout).toContain(`Verified offline as of ${today}`);
    expect(verify.stdout).toMatch(/Valid until /);
    expect(verify.stdout).toContain(SERIALS.join(', '));

    const verdict = JSON.parse(ok(await offline(home, ['--json', 'bundle', 'verify', site()])).stdout) as Verdict;
    expect(verdict.serials).toEqual(SERIALS);
    expect(Date.parse(verdict.validUntil)).toBeGreaterThan(Date.now());
    expect(verdict.packages.map((p) => p.target).sort()).toEqual(packageMembers.map((m) => m.slice(9)).sort());

    // For one system, the verdict offers only what the statement allows that system.
    const forAtlas = JSON.parse(
      ok(await offline(home, ['--json', 'bundle', 'verify', site(), '--serial', SERIALS[0]!])).stdout,
    ) as Verdict;
    expect(forAtlas.packages.length).toBeGreaterThan(0);
    expect(forAtlas.packages.every((p) => p.product === 'atlas')).toBe(true);

    const install = ok(await offline(home, ['install', '--bundle', site(), '--serial', SERIALS[0]!]));
    const atlas = newest(verdict, 'atlas');
    expect(atlas).not.toBe('');
    expect(install.stdout).toMatch(/^Verified offline as of /m);
    expect(install.stdout).toMatch(new RegExp(`Installed on ${SERIALS[0]}: .+ → ${atlas.replace(/\./g, '\\.')} in `));
    const log = JSON.parse(ok(await offline(home, ['--json', 'log'])).stdout) as {
      records: { kind: string; summary: string }[];
    };
    expect(log.records.filter((r) => r.kind === 'install').some((r) => r.summary.includes(atlas))).toBe(true);
  }, 120_000);

  describe('through a site mirror', () => {
    let mirror: ServingMirror;
    beforeAll(async () => {
      mirror = await serveMirrorProcess([site()], MIRROR_HOST, {
        HICARE_HOME: join(dir, 'mirror'),
        HTTPS_PROXY: DEAD_PROXY,
        HTTP_PROXY: DEAD_PROXY,
      });
    }, 60_000);
    afterAll(async () => {
      const code = await mirror.stop();
      expect(code, mirror.output()).toBe(0);
      expect(mirror.output()).not.toMatch(INTERNAL_TEXT);
    });

    it('a third desktop verifies what the mirror serves and installs the other system from it', async () => {
      expect(mirror.url).toContain(MIRROR_HOST);
      const home = await siteMachine();
      const verify = ok(await offline(home, ['bundle', 'verify', '--mirror', mirror.url]));
      expect(verify.stdout).toMatch(/Verified offline as of \d{1,2} \w{3} \d{4}/);
      expect(verify.stdout).toContain(SERIALS.join(', '));
      const install = ok(await offline(home, ['install', '--mirror', mirror.url, '--serial', SERIALS[1]!]));
      expect(install.stdout).toMatch(new RegExp(`Installed on ${SERIALS[1]}: .+ → \\S+ in `));
    }, 120_000);

    it('bundle verify takes a file or --mirror, one of them: anything else is a usage error, exit 2', async () => {
      const home = await siteMachine();
      const before = await machineState(home);
      const both = await offline(home, ['bundle', 'verify', site(), '--mirror', mirror.url]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain(`Unexpected argument: ${site()}`);
      const neither = await offline(home, ['bundle', 'verify']);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toContain('Missing argument.');
      for (const run of [both, neither]) {
        expect(run.stderr).toContain('hicare bundle verify (FILE | --mirror URL)');
        expect(run.stdout + run.stderr).not.toMatch(INTERNAL_TEXT);
      }
      expect(await machineState(home)).toEqual(before);
    }, 60_000);
  });

  describe('a bundle changed on the way is refused, nothing installed', () => {
    it('one package byte flipped: BUNDLE_PACKAGE_MISMATCH, exit 4', async () => {
      const file = await copyOfSite('flipped.hcb');
      const { at, size } = await memberOffset(file, packageMembers[0]!);
      const handle = await open(file, 'r+');
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, at + Math.floor(size / 2));
      await handle.write(Buffer.from([byte[0]! ^ 0x01]), 0, 1, at + Math.floor(size / 2));
      await handle.close();
      const home = await siteMachine();
      await expectRefused(home, ['bundle', 'verify', file], 4, 'BUNDLE_PACKAGE_MISMATCH');
      await expectRefused(home, ['install', '--bundle', file, '--serial', SERIALS[0]!], 4, 'BUNDLE_PACKAGE_MISMATCH');
    }, 120_000);

    it('cut short: BUNDLE_INVALID, exit 4', async () => {
      const file = await copyOfSite('truncated.hcb');
      await truncate(file, Math.floor((await stat(file)).size / 2));
      const home = await siteMachine();
      // Not a whole bundle, so not read as one: refused before any install is attempted, nothing logged.
      await expectRefused(home, ['install', '--bundle', file, '--serial', SERIALS[0]!], 4, 'BUNDLE_INVALID', {
        logged: false,
      });
    }, 120_000);

    it('junk after its end: BUNDLE_INVALID, exit 4', async () => {
      const file = await copyOfSite('oversized.hcb');
      await appendFile(file, Buffer.alloc(64 * 1024, 0x41));
      const home = await siteMachine();
      // Not a whole bundle, so not read as one: refused before any install is attempted, nothing logged.
      await expectRefused(home, ['install', '--bundle', file, '--serial', SERIALS[0]!], 4, 'BUNDLE_INVALID', {
        logged: false,
      });
    }, 120_000);

    it('a mirror serving the changed copy: install --mirror refused, exit 4', async () => {
      const file = await copyOfSite('served-tampered.hcb');
      const { at, size } = await memberOffset(file, packageMembers.at(-1)!);
      const handle = await open(file, 'r+');
      const byte = Buffer.alloc(1);
      await handle.read(byte, 0, 1, at + size - 1);
      await handle.write(Buffer.from([byte[0]! ^ 0xff]), 0, 1, at + size - 1);
      await handle.close();
      const mirror = await serveMirrorProcess([file], MIRROR_HOST, { HICARE_HOME: join(dir, 'mirror-tampered') });
      try {
        const home = await siteMachine();
        for (const serial of SERIALS)
          await expectRefused(
            home,
            ['install', '--mirror', mirror.url, '--serial', serial],
            4,
            'BUNDLE_PACKAGE_MISMATCH',
          );
      } finally {
        expect(await mirror.stop()).toBe(0);
      }
    }, 120_000);

    it('a system the statement was not issued for: STATEMENT_INVALID, exit 3', async () => {
      const home = await siteMachine();
      await expectRefused(home, ['install', '--bundle', site(), '--serial', 'CG-COB-0001'], 3, 'STATEMENT_INVALID');
    }, 120_000);
  });
});
