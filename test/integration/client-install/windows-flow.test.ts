/**
 * The Windows path through the runner, on this Linux machine: the msiexec argv reaches spawn as an argv, msiexec's
 * UTF-16 log joins the captured log, "success, restart needed" counts as success, and the registry rule is read.
 * The spawn seam records the call and runs a real stand-in process; the registry answer is a recorded one.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { runInstaller, type SpawnFn } from '../../../electron/core/install/index.js';
import type { RunCommand } from '../../../electron/core/detect/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-win-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('installs an msi: argv, log, exit 3010 and registry detection', async () => {
  const pkg = join(dir, 'Atlas 2.3.1.msi');
  await writeFile(pkg, 'not really an msi');
  const custom = ReleaseTargetCustomSchema.parse({
    product: 'atlas',
    version: '2.3.1',
    platform: 'win',
    arch: 'x64',
    installer: { type: 'msi', args: ['INSTALLDIR={target}', 'REBOOT=ReallySuppress'] },
    detection: { kind: 'registry', key: 'HKLM\\SOFTWARE\\Hi-Care\\Atlas', value: 'DisplayVersion' },
    publishedAt: '2025-06-16T09:00:00Z',
  });
  const calls: { file: string; args: string[]; options: SpawnOptions }[] = [];
  const standIn: SpawnFn = (file, args, options) => {
    calls.push({ file, args: [...args], options });
    const logPath = args[args.indexOf('/l*v') + 1] as string;
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('MSI (s) (A0:B4): Product: Atlas -- Installation completed successfully.\r\n', 'utf16le'),
    ]);
    writeFileSync(logPath, utf16);
    const child = spawn('/bin/sh', ['-c', "printf 'msiexec running\\n'"], {
      ...options,
      windowsVerbatimArguments: false,
    });
    // POSIX exit codes are 8 bits: report msiexec's 3010 ("done, restart needed") the way Windows would
    const emit = child.emit.bind(child) as (event: string, ...args: unknown[]) => boolean;
    child.emit = ((event: string, ...args: unknown[]) =>
      event === 'exit' || event === 'close' ? emit(event, 3010, null) : emit(event, ...args)) as typeof child.emit;
    return child;
  };
  const asked: string[][] = [];
  const registry: RunCommand = async (argv) => {
    asked.push([...argv]);
    return {
      exitCode: 0,
      stdout: '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Hi-Care\\Atlas\r\n    DisplayVersion    REG_SZ    2.3.1.4410\r\n',
      stderr: '',
    };
  };
  const result = await runInstaller({
    packagePath: pkg,
    target: {
      name: 'atlas/2.3.1/win-x64.msi',
      sha256: createHash('sha256').update('not really an msi').digest('hex'),
      length: 17,
      custom,
    },
    system: { serialNumber: 'HC-1', location: 'Lab', installedVersion: '1.9.0' },
    installDir: join(dir, 'Program Files', 'Hi-Care'),
    workDir: join(dir, 'work'),
    platform: 'win',
    spawn: standIn,
    detectRun: registry,
  });
  expect(calls).toHaveLength(1);
  const call = calls[0]!;
  expect(call.file).toBe('msiexec');
  expect(call.args.slice(0, 4)).toEqual(['/i', pkg, '/qn', '/norestart']);
  expect(call.args.slice(-2)).toEqual([`INSTALLDIR=${join(dir, 'Program Files', 'Hi-Care')}`, 'REBOOT=ReallySuppress']);
  expect(call.options).toMatchObject({ shell: false, detached: false, windowsVerbatimArguments: false });
  expect(result).toMatchObject({
    fromVersion: '1.9.0',
    toVersion: '2.3.1',
    detectedVersion: '2.3.1',
    restartRequired: true,
  });
  expect(result.log).toContain('out msiexec running');
  expect(result.log).toContain('Installation completed successfully.');
  expect(asked).toEqual([['reg', 'query', 'HKLM\\SOFTWARE\\Hi-Care\\Atlas', '/v', 'DisplayVersion']]);
});
