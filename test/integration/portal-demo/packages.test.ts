/**
 * The demo packages are real: every one is built, extracted with the system's tar and, where this machine can run
 * it, installed with sh into a scratch directory. The failing cobalt release must fail like a real installer: a
 * named cause in its output, a nonzero exit, and nothing left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { HicareError } from '../../../shared/errors.js';
import { DEMO_INSTALL_FAILURE, demoLifecycleOf, demoPackageSpecs, demoRelease } from '../../../portal/demo/catalog.js';
import { buildDemoPackage, type DemoPackage, type DemoPackageSpec } from '../../../portal/demo/packages.js';
import { extract, list, runInstallSh, runInstalled, scratch } from './harness.js';

let root = '';
let cleanup: () => Promise<void> = async () => {};
let counter = 0;

beforeAll(async () => {
  ({ dir: root, cleanup } = await scratch('demo-packages'));
});
afterAll(() => cleanup());

/** A new directory under the scratch root, so that tests never see each other's files. */
async function fresh(name: string): Promise<string> {
  const dir = join(root, `${name}-${++counter}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Builds a package and extracts it; returns the package and the directory holding install.sh. */
async function buildAndExtract(spec: DemoPackageSpec): Promise<{ pkg: DemoPackage; dir: string }> {
  const pkg = await buildDemoPackage(spec, await fresh('out'));
  const dir = await fresh('pkg');
  extract(pkg.file, dir);
  return { pkg, dir };
}

function codeOf(fn: () => Promise<unknown>): Promise<string> {
  return fn().then(
    () => {
      throw new Error('expected a HicareError, nothing was thrown');
    },
    (e: unknown) => {
      if (e instanceof HicareError) return e.code;
      throw e;
    },
  );
}

const specs = demoPackageSpecs();
const runnable = specs.filter((s) => s.platform !== 'win' && !s.fail);
const failing = specs.filter((s) => s.platform !== 'win' && s.fail);
const windows = specs.filter((s) => s.platform === 'win');

describe('demo packages: facts the TUF target records', () => {
  it.each(specs.map((s) => [`${s.product} ${s.version} ${s.platform}-${s.arch}`, s] as const))(
    '%s',
    async (_name, spec) => {
      const pkg = await buildDemoPackage(spec, await fresh('facts'));
      const bytes = await readFile(pkg.file);
      expect(pkg.length).toBe(bytes.length);
      expect((await stat(pkg.file)).size).toBe(pkg.length);
      expect(pkg.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(pkg.file.endsWith(`${spec.product}-${spec.version}-${spec.platform}-${spec.arch}.tar.gz`)).toBe(true);

      const custom = ReleaseTargetCustomSchema.parse(pkg.custom);
      const entry = spec.platform === 'win' ? 'install.cmd' : 'install.sh';
      expect(custom.installer).toEqual({
        type: 'script',
        entry,
        args: ['{target}'],
        timeoutSeconds: 120,
        elevate: false,
      });
      expect(custom.detection).toEqual({ kind: 'file', path: `{target}/${spec.product}/VERSION`, regex: '^(\\S+)' });
      const release = demoRelease(spec.product, spec.version);
      expect(custom.publishedAt).toBe(release?.publishedAt);
      expect(custom.notes).toBe(release?.notes);
      expect(custom.minUpgradeFrom).toBe(release?.minUpgradeFrom);
      expect(custom.lifecycle).toEqual(demoLifecycleOf(spec.product, spec.version));
    },
  );

  it('builds the same bytes every time (a reseed publishes the same hashes)', async () => {
    const spec = { product: 'atlas', version: '2.3.1', platform: 'linux', arch: 'x64' };
    const a = await buildDemoPackage(spec, await fresh('det'));
    const b = await buildDemoPackage(spec, await fresh('det'));
    expect(b.sha256).toBe(a.sha256);
    expect(b.length).toBe(a.length);
  });

  it('lists owner root, a fixed time and the right modes', async () => {
    const pkg = await buildDemoPackage(
      { product: 'beacon', version: '2.1.4', platform: 'mac', arch: 'x64' },
      await fresh('list'),
    );
    const lines = list(pkg.file);
    expect(lines.every((l) => l.includes('root/root') && l.includes('2026-01-01 00:00'))).toBe(true);
    expect(lines.find((l) => l.endsWith(' install.sh'))).toMatch(/^-rwxr-xr-x /);
    expect(lines.find((l) => l.endsWith(' payload/bin/beacon'))).toMatch(/^-rwxr-xr-x /);
    expect(lines.find((l) => l.endsWith(' payload/README.txt'))).toMatch(/^-rw-r--r-- /);
    expect(lines.find((l) => l.endsWith(' payload/'))).toMatch(/^drwxr-xr-x /);
  });
});

describe('demo packages: install.sh really installs (linux and mac)', () => {
  it.each(runnable.map((s) => [`${s.product} ${s.version} ${s.platform}`, s] as const))('%s', async (_name, spec) => {
    const { dir } = await buildAndExtract(spec);
    const target = join(await fresh('target'), 'apps');
    const r = runInstallSh(dir, target);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Installed ${spec.product} ${spec.version}`);
    expect(await readFile(join(target, spec.product, 'VERSION'), 'utf8')).toBe(`${spec.version}\n`);
    expect(await readFile(join(target, spec.product, 'RELEASE-NOTES.txt'), 'utf8')).toContain(
      demoRelease(spec.product, spec.version)?.notes ?? '?',
    );
    // nothing but the product itself is left in the target: no staging or previous-version directories
    expect(await readdir(target)).toEqual([spec.product]);
    expect(runInstalled(target, spec.product).stdout).toBe(`${spec.product} ${spec.version}\n`);
  });

  it('upgrades in place: 1.9.0 then 2.3.1 into the same target leaves only 2.3.1', async () => {
    const target = await fresh('upgrade');
    for (const version of ['1.9.0', '2.3.1']) {
      const { dir } = await buildAndExtract({ product: 'atlas', version, platform: 'linux', arch: 'x64' });
      expect(runInstallSh(dir, target).status).toBe(0);
    }
    expect(await readFile(join(target, 'atlas', 'VERSION'), 'utf8')).toBe('2.3.1\n');
    expect(await readdir(target)).toEqual(['atlas']);
  });

  it('refuses to run without a target directory', async () => {
    const { dir } = await buildAndExtract({ product: 'atlas', version: '2.3.1', platform: 'linux', arch: 'x64' });
    const r = runInstallSh(dir, '');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: install.sh TARGET_DIR');
  });
});

describe('demo packages: the failing installer fails like a real one', () => {
  it.each(failing.map((s) => [`${s.product} ${s.version} ${s.platform}`, s] as const))(
    '%s into an empty target',
    async (_name, spec) => {
      expect({ product: spec.product, version: spec.version }).toEqual({
        product: DEMO_INSTALL_FAILURE.product,
        version: DEMO_INSTALL_FAILURE.version,
      });
      const { dir } = await buildAndExtract(spec);
      const parent = await fresh('fail');
      const target = join(parent, 'apps');
      const r = runInstallSh(dir, target);
      expect(r.status).toBe(DEMO_INSTALL_FAILURE.exitCode);
      expect(r.stderr).toContain(DEMO_INSTALL_FAILURE.cause);
      expect(r.stdout).toContain('Running pre-install checks');
      // the target it created is gone again, so certainly no <target>/<product>
      expect(await readdir(parent)).toEqual([]);
    },
  );

  it('leaves an existing installation untouched', async () => {
    const target = await fresh('fail-over');
    const good = await buildAndExtract({ product: 'cobalt', version: '4.2.0', platform: 'linux', arch: 'x64' });
    expect(runInstallSh(good.dir, target).status).toBe(0);
    const bad = await buildAndExtract({ product: 'cobalt', version: '4.2.1', platform: 'linux', arch: 'x64' });
    const r = runInstallSh(bad.dir, target);
    expect(r.status).toBe(DEMO_INSTALL_FAILURE.exitCode);
    expect(r.stderr).toContain('Installation aborted: no files were changed');
    expect(await readFile(join(target, 'cobalt', 'VERSION'), 'utf8')).toBe('4.2.0\n');
    expect(await readdir(target)).toEqual(['cobalt']);
  });

  it('fail overrides the catalog both ways', async () => {
    const fixed = await buildAndExtract({
      product: 'cobalt',
      version: '4.2.1',
      platform: 'linux',
      arch: 'x64',
      fail: false,
    });
    const t1 = await fresh('override');
    expect(runInstallSh(fixed.dir, t1).status).toBe(0);
    expect(await readFile(join(t1, 'cobalt', 'VERSION'), 'utf8')).toBe('4.2.1\n');

    const broken = await buildAndExtract({
      product: 'atlas',
      version: '2.3.1',
      platform: 'mac',
      arch: 'x64',
      fail: true,
    });
    const t2 = await fresh('override');
    expect(runInstallSh(broken.dir, t2).status).toBe(DEMO_INSTALL_FAILURE.exitCode);
    expect(await readdir(t2)).toEqual([]);
  });
});

describe('demo packages: windows (built here, run on Windows)', () => {
  it.each(windows.map((s) => [`${s.product} ${s.version}`, s] as const))(
    '%s carries install.cmd and a CRLF payload',
    async (_name, spec) => {
      const { dir } = await buildAndExtract(spec);
      expect((await readdir(dir)).sort()).toEqual(['install.cmd', 'payload']);
      const script = await readFile(join(dir, 'install.cmd'), 'utf8');
      expect(script.startsWith('@echo off\r\n')).toBe(true);
      expect(script.replace(/\r\n/g, '')).not.toContain('\n');
      expect(script).toContain(`set "PRODUCT=${spec.product}"\r\n`);
      expect(script).toContain(`set "VERSION=${spec.version}"\r\n`);
      expect(script).toContain('>"%STAGE%\\VERSION" echo %VERSION%');
      expect(script).toContain('move "%STAGE%" "%DEST%"');
      if (spec.fail) {
        expect(script).toContain(
          'ERROR 1603: pre-install check failed: service cobalt-agent is still running ^(pid 4711^); stop the service and retry',
        );
        expect(script).toContain(`set "CODE=${DEMO_INSTALL_FAILURE.exitCode}"`);
      } else {
        expect(script).not.toContain('ERROR 1603');
      }
      expect(await readdir(join(dir, 'payload', 'bin'))).toEqual([`${spec.product}.cmd`]);
    },
  );
});

describe('demo packages: bad requests are refused and write nothing', () => {
  it.each<[string, DemoPackageSpec]>([
    ['unknown product', { product: 'zephyr', version: '1.0.0', platform: 'linux', arch: 'x64' }],
    ['unknown version', { product: 'atlas', version: '9.9.9', platform: 'linux', arch: 'x64' }],
    ['not a version', { product: 'atlas', version: 'v2.3.1', platform: 'linux', arch: 'x64' }],
    ['unknown platform', { product: 'atlas', version: '2.3.1', platform: 'solaris', arch: 'x64' }],
    ['platform the release is not built for', { product: 'atlas', version: '2.3.1', platform: 'linux', arch: 'arm64' }],
    [
      'a product id that would break out of the script',
      { product: "atlas'; rm -rf / #", version: '2.3.1', platform: 'linux', arch: 'x64' },
    ],
  ])('%s', async (_name, spec) => {
    const out = await fresh('bad');
    const code = await codeOf(() => buildDemoPackage(spec, out));
    expect(['INVALID_INPUT', 'INVALID_VERSION']).toContain(code);
    expect(await readdir(out)).toEqual([]);
  });
});
