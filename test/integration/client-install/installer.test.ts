/**
 * Installing real packages on this machine: the demo's script installers (success, upgrade, the failing cobalt
 * 4.2.1), an installer that hangs, plain archives, an AppImage, and a detection that does not match.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReleaseTargetCustomSchema, type ReleaseTargetCustom } from '../../../shared/contracts/catalog.js';
import {
  isInstallFailure,
  runInstaller,
  type InstallFailure,
  type InstallInput,
  type LogLine,
} from '../../../electron/core/install/index.js';
import { detectVersion } from '../../../electron/core/detect/index.js';
import { buildDemoPackage } from '../../../portal/demo/packages.js';
import { DEMO_INSTALL_FAILURE } from '../../../portal/demo/catalog.js';
import { writeTarGz, type TarEntry } from '../../../portal/demo/tar.js';
import { untilTrue } from '../wait.js';

let dir: string;
let installDir: string;
let workDir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-install-'));
  installDir = join(dir, 'Hi-Care Apps');
  workDir = join(dir, 'work');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SYSTEM = { serialNumber: 'HC-2024-000187', location: 'Plant 2, control room', installedVersion: null };

async function demo(product: string, version: string) {
  return buildDemoPackage({ product, version, platform: 'linux', arch: 'x64' }, join(dir, 'packages'));
}

function inputFor(
  pkg: { file: string; sha256: string; length: number; custom: ReleaseTargetCustom },
  installedVersion: string | null = null,
): InstallInput {
  return {
    packagePath: pkg.file,
    target: {
      name: `${pkg.custom.product}/${pkg.custom.version}/linux-x64.tar.gz`,
      sha256: pkg.sha256,
      length: pkg.length,
      custom: pkg.custom,
    },
    system: { ...SYSTEM, installedVersion },
    installDir,
    workDir,
    platform: 'linux',
  };
}

function custom(overrides: Record<string, unknown>): ReleaseTargetCustom {
  return ReleaseTargetCustomSchema.parse({
    product: 'atlas',
    version: '2.0.0',
    platform: 'linux',
    arch: 'x64',
    installer: { type: 'archive' },
    detection: { kind: 'file', path: '{target}/app/VERSION' },
    publishedAt: '2025-06-16T09:00:00Z',
    ...overrides,
  });
}

async function handMade(entries: TarEntry[], c: ReleaseTargetCustom) {
  const file = join(dir, `hand-made-${Math.random().toString(36).slice(2)}.tar.gz`);
  const { sha256, length } = await writeTarGz(entries, file);
  return { file, sha256, length, custom: c };
}

/** Every file under a folder with its contents: "unchanged" means this is equal before and after. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        out[relative(root, path)] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
    }
  };
  await walk(root);
  return out;
}

async function failureOf(p: Promise<unknown>): Promise<InstallFailure> {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  if (!isInstallFailure(e)) throw new Error(`expected an InstallFailure, got ${String(e)}`);
  expect(e.remedy.length).toBeGreaterThan(0);
  return e;
}

function run(argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = argv as [string, ...string[]];
    const child = spawn(file, args);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

describe('the demo script installers', () => {
  it('installs atlas into an empty folder, detects it, and the installed program runs', async () => {
    const pkg = await demo('atlas', '1.8.0');
    const lines: LogLine[] = [];
    const result = await runInstaller({ ...inputFor(pkg), onLog: (line) => lines.push(line) });
    expect(result).toMatchObject({
      fromVersion: null,
      toVersion: '1.8.0',
      detectedVersion: '1.8.0',
      restartRequired: false,
    });
    expect(result.argv[0]).toBe('/bin/sh');
    expect(result.argv.at(-1)).toBe(installDir);
    expect(result.log).toMatch(/out .*Installed atlas 1\.8\.0/);
    expect(lines.some((l) => l.stream === 'stdout' && l.text.includes('Pre-install checks passed'))).toBe(true);
    expect(await run([join(installDir, 'atlas/bin/atlas')])).toBe('atlas 1.8.0\n');
    expect(await detectVersion(pkg.custom.detection, { installDir })).toBe('1.8.0');
    // the scratch copy of the package is gone; only the product is in the install folder
    expect(await readdir(workDir)).toEqual([]);
    expect(await readdir(installDir)).toEqual(['atlas']);
  });

  it('upgrades atlas 1.8.0 to 1.9.0 in place', async () => {
    await runInstaller(inputFor(await demo('atlas', '1.8.0')));
    const result = await runInstaller(inputFor(await demo('atlas', '1.9.0'), '1.8.0'));
    expect(result).toMatchObject({ fromVersion: '1.8.0', toVersion: '1.9.0', detectedVersion: '1.9.0' });
    expect(await run([join(installDir, 'atlas/bin/atlas')])).toBe('atlas 1.9.0\n');
    expect(await readdir(installDir)).toEqual(['atlas']);
  });

  it('reports the failing cobalt 4.2.1 with everything a support request needs, and leaves cobalt 4.2.0 as it was', async () => {
    await runInstaller(inputFor(await demo('cobalt', '4.2.0')));
    const before = await snapshot(installDir);
    const pkg = await demo('cobalt', '4.2.1');
    const failure = await failureOf(runInstaller(inputFor(pkg, '4.2.0')));

    expect(failure.code).toBe('INSTALL_FAILED');
    expect(failure.message).toContain(DEMO_INSTALL_FAILURE.signature);
    const d = failure.details;
    expect(d).toMatchObject({
      product: 'cobalt',
      fromVersion: '4.2.0',
      toVersion: '4.2.1',
      targetName: 'cobalt/4.2.1/linux-x64.tar.gz',
      packageSha256: pkg.sha256,
      packageLength: pkg.length,
      installerType: 'script',
      exitCode: 3,
      signal: null,
      serialNumber: SYSTEM.serialNumber,
      location: SYSTEM.location,
      detectedVersion: null,
      logTruncated: false,
    });
    expect(d.cause).toBe(DEMO_INSTALL_FAILURE.cause);
    expect(d.log).toMatch(new RegExp(`err .*${DEMO_INSTALL_FAILURE.signature}`));
    expect(d.argv).toEqual(['/bin/sh', expect.stringMatching(/install\.sh$/), installDir]);
    expect(d.durationMs).toBeGreaterThanOrEqual(0);
    expect(d.system.os.platform).toBe('linux');
    expect(d.system.hostname.length).toBeGreaterThan(0);
    expect(d.system.freeMemoryBytes).toBeGreaterThan(0);
    expect(d.system.freeDiskBytes).toBeGreaterThan(0);
    expect(d.system.nodeVersion).toBe(process.version);
    // a support request travels as JSON
    expect(JSON.parse(JSON.stringify(failure.toBody()))).toMatchObject({
      code: 'INSTALL_FAILED',
      details: { exitCode: 3 },
    });

    expect(await snapshot(installDir)).toEqual(before);
    expect(await readdir(installDir)).toEqual(['cobalt']);
    expect(await detectVersion(pkg.custom.detection, { installDir })).toBe('4.2.0');
  });
});

describe('installer faults', () => {
  it('stops an installer that hangs past its timeout, with its whole process tree', async () => {
    const pidFile = join(dir, 'helper.pid');
    const script = [
      '#!/bin/sh',
      'echo "waiting for a lock"',
      `sleep 60 & echo $! > '${pidFile}'`,
      'sleep 60',
      'echo never',
      '',
    ].join('\n');
    const pkg = await handMade(
      [{ path: 'install.sh', mode: 0o755, content: script }],
      custom({ installer: { type: 'script', entry: 'install.sh', timeoutSeconds: 1 } }),
    );
    const started = Date.now();
    const failure = await failureOf(runInstaller(inputFor(pkg)));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(failure.code).toBe('INSTALL_TIMEOUT');
    expect(failure.message).toMatch(/1 seconds/);
    expect(failure.details.log).toMatch(/out waiting for a lock/);
    expect(failure.details.log).not.toMatch(/never/);
    expect(failure.details.signal).toBe('SIGTERM');
    const helper = Number((await readFile(pidFile, 'utf8')).trim());
    expect(await stillRunning(helper)).toBe(false);
  });

  it('passes each argument as one argv element, whatever characters it holds', async () => {
    const script = [
      '#!/bin/sh',
      'out="$1/args.txt"',
      'mkdir -p "$1"',
      'shift',
      `for a in "$@"; do printf '[%s]\\n' "$a" >> "$out"; done`,
      '',
    ].join('\n');
    const tricky = [
      'two words',
      `it's "quoted"`,
      'x; touch pwned-semicolon',
      '$(touch pwned-subst)',
      'a & touch pwned-amp',
      '`touch pwned-tick`',
      '{version}',
    ];
    const c = custom({
      version: '2.0.0',
      installer: { type: 'script', entry: 'install.sh', args: ['{target}', ...tricky] },
      detection: { kind: 'file', path: '{target}/args.txt', regex: '^\\[(\\d[^\\]]*)\\]$' },
    });
    const pkg = await handMade([{ path: 'install.sh', mode: 0o755, content: script }], c);
    await runInstaller(inputFor(pkg));
    const seen = (await readFile(join(installDir, 'args.txt'), 'utf8')).trim().split('\n');
    expect(seen).toEqual([...tricky.slice(0, -1), '2.0.0'].map((a) => `[${a}]`));
    const everywhere = [...(await readdir(dir, { recursive: true }))].map(String);
    expect(everywhere.filter((n) => n.includes('pwned'))).toEqual([]);
  });

  it('says VERSION_NOT_REACHED when the installer succeeds but the product reports another version', async () => {
    const pkg = await handMade(
      [{ path: 'app/VERSION', mode: 0o644, content: '1.9.9\n' }],
      custom({ version: '2.0.0' }),
    );
    const failure = await failureOf(runInstaller(inputFor(pkg, '1.9.0')));
    expect(failure.code).toBe('VERSION_NOT_REACHED');
    expect(failure.message).toMatch(/1\.9\.9.*2\.0\.0/);
    expect(failure.details).toMatchObject({
      detectedVersion: '1.9.9',
      fromVersion: '1.9.0',
      toVersion: '2.0.0',
      installerType: 'archive',
    });
  });

  it('says VERSION_NOT_REACHED when the product cannot be found afterwards', async () => {
    const pkg = await handMade(
      [{ path: 'install.sh', mode: 0o755, content: '#!/bin/sh\necho "all good"\n' }],
      custom({ installer: { type: 'script', entry: 'install.sh' } }),
    );
    const failure = await failureOf(runInstaller(inputFor(pkg)));
    expect(failure.code).toBe('VERSION_NOT_REACHED');
    expect(failure.details).toMatchObject({ detectedVersion: null, exitCode: 0 });
    expect(failure.details.log).toMatch(/out all good/);
  });

  it('runs nothing from a package that fails the extraction checks', async () => {
    const { rawTarGz } = await import('./raw-archives.js');
    const file = join(dir, 'evil.tar.gz');
    const bytes = rawTarGz([
      { name: 'install.sh', content: `#!/bin/sh\ntouch '${join(dir, 'ran')}'\n`, mode: 0o755 },
      { name: '../escape', content: 'x' },
    ]);
    await writeFile(file, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const failure = await failureOf(
      runInstaller(
        inputFor({
          file,
          sha256,
          length: bytes.length,
          custom: custom({ installer: { type: 'script', entry: 'install.sh' } }),
        }),
      ),
    );
    expect(failure.code).toBe('INVALID_INPUT');
    expect(failure.details.problem).toMatchObject({ path: '../escape' });
    await expect(access(join(dir, 'ran'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(access(join(dir, 'escape'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('installs nothing from a package changed after it was downloaded', async () => {
    const pkg = await demo('atlas', '1.8.0');
    const bytes = await readFile(pkg.file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    await writeFile(pkg.file, bytes);
    const failure = await failureOf(runInstaller(inputFor(pkg)));
    expect(failure.code).toBe('HASH_MISMATCH');
    expect(failure.details).toMatchObject({ packageSha256: pkg.sha256, argv: [] });
    await expect(access(installDir)).rejects.toMatchObject({ code: 'ENOENT' });
    await writeFile(pkg.file, bytes.subarray(1));
    await expect(runInstaller(inputFor(pkg))).rejects.toMatchObject({
      code: 'HASH_MISMATCH',
      message: expect.stringMatching(/bytes/),
    });
  });

  it('refuses an installer type this OS cannot run, and bad input, before running anything', async () => {
    const pkg = await handMade(
      [{ path: 'x.msi', mode: 0o644, content: 'msi' }],
      custom({ platform: 'win', installer: { type: 'msi' } }),
    );
    const wrongOs = await failureOf(runInstaller(inputFor(pkg)));
    expect(wrongOs.code).toBe('INSTALLER_UNSUPPORTED');
    expect(wrongOs.details.argv).toEqual([]);
    await expect(runInstaller({ ...inputFor(pkg), installDir: 'relative/dir' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('installers that run no script', () => {
  it('extracts an archive package into the install folder', async () => {
    const pkg = await handMade(
      [
        { path: 'app/VERSION', mode: 0o644, content: '2.0.0\n' },
        { path: 'app/bin/tool', mode: 0o755, content: '#!/bin/sh\necho tool\n' },
      ],
      custom({}),
    );
    const result = await runInstaller(inputFor(pkg, '1.9.0'));
    expect(result).toMatchObject({ fromVersion: '1.9.0', toVersion: '2.0.0', detectedVersion: '2.0.0', argv: [] });
    expect(await run([join(installDir, 'app/bin/tool')])).toBe('tool\n');
  });

  it('copies an AppImage into place as an executable and detects it by running it', async () => {
    const file = join(dir, 'atlas-3.1.0-x86_64.AppImage');
    await writeFile(file, '#!/bin/sh\necho "Atlas version 3.1.0 (build 77)"\n');
    const c = custom({
      version: '3.1.0',
      installer: { type: 'appimage' },
      detection: { kind: 'command', argv: ['{target}/atlas.AppImage', '--version'], regex: 'version (\\S+)' },
    });
    const bytes = await readFile(file);
    await mkdir(installDir, { recursive: true });
    const result = await runInstaller(
      inputFor({ file, sha256: createHash('sha256').update(bytes).digest('hex'), length: bytes.length, custom: c }),
    );
    expect(result.detectedVersion).toBe('3.1.0');
    expect((await stat(join(installDir, 'atlas.AppImage'))).mode & 0o111).toBe(0o111);
  });
});

/** Whether the process is alive: a zombie waiting for its parent to reap it counts as gone. */
async function alive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const state = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return !/^\d+ \(.*\) Z/.test(state);
}

/** A killed process is gone within two seconds; true when it is still running after that. */
async function stillRunning(pid: number): Promise<boolean> {
  return untilTrue(async () => !(await alive(pid)), { what: `process ${pid} to end`, timeoutMs: 2_000 }).then(
    () => false,
    () => true,
  );
}
