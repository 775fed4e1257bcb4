/** Version detection run for real on this machine: version files, commands without a shell, and dpkg. */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectVersion, normaliseVersion } from '../../../electron/core/detect/index.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-detect-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function hasDpkg(): boolean {
  try {
    execFileSync('dpkg-query', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('file rules', () => {
  it('reads {target}/<product>/VERSION, with and without a pattern', async () => {
    await mkdir(join(dir, 'atlas'));
    await writeFile(join(dir, 'atlas/VERSION'), '2.3.1\n');
    await expect(
      detectVersion({ kind: 'file', path: '{target}/atlas/VERSION', regex: '^(\\S+)' }, { installDir: dir }),
    ).resolves.toBe('2.3.1');
    await expect(detectVersion({ kind: 'file', path: '{target}/atlas/VERSION' }, { installDir: dir })).resolves.toBe(
      '2.3.1',
    );
  });

  it('finds the version inside a longer file with a multi-line pattern', async () => {
    await writeFile(join(dir, 'product.ini'), '[product]\nname = Atlas\nversion = v2.3.1\nchannel = stable\n');
    await expect(
      detectVersion({ kind: 'file', path: 'product.ini', regex: '^version = (\\S+)$' }, { installDir: dir }),
    ).resolves.toBe('2.3.1');
  });

  it('a missing file means not installed; an unreadable one is DETECTION_FAILED', async () => {
    await expect(
      detectVersion({ kind: 'file', path: '{target}/atlas/VERSION' }, { installDir: dir }),
    ).resolves.toBeNull();
    await mkdir(join(dir, 'VERSION'));
    await expect(detectVersion({ kind: 'file', path: '{target}/VERSION' }, { installDir: dir })).rejects.toMatchObject({
      code: 'DETECTION_FAILED',
      remedy: expect.stringMatching(/\S/),
    });
  });
});

describe('command rules', () => {
  it('runs the product program directly and reads its version', async () => {
    const tool = join(dir, 'with space', 'atlas');
    await mkdir(join(dir, 'with space'));
    await writeFile(tool, '#!/bin/sh\necho "Atlas $1 2.3.1 (build 4410)"\n');
    await chmod(tool, 0o755);
    await expect(
      detectVersion(
        { kind: 'command', argv: ['{target}/with space/atlas', '--version'], regex: 'Atlas --version (\\S+)' },
        { installDir: dir },
      ),
    ).resolves.toBe('2.3.1');
  });

  it('never hands an argument to a shell', async () => {
    const marker = join(dir, 'pwned');
    await expect(
      detectVersion(
        { kind: 'command', argv: ['/bin/echo', `1.2.3; touch ${marker}`, `$(touch ${marker})`], regex: '^(\\S+);' },
        { installDir: dir },
      ),
    ).resolves.toBe('1.2.3');
    await expect(import('node:fs/promises').then((fs) => fs.access(marker))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("reads node's own version the way a rule for a runtime would", async () => {
    await expect(
      detectVersion({ kind: 'command', argv: [process.execPath, '--version'], regex: '^v(\\S+)' }, { installDir: dir }),
    ).resolves.toBe(process.version.slice(1));
  });

  it('a program that is not installed is null; a command that fails is DETECTION_FAILED', async () => {
    await expect(
      detectVersion(
        { kind: 'command', argv: ['{target}/nope/bin/atlas', '--version'], regex: '(\\S+)' },
        { installDir: dir },
      ),
    ).resolves.toBeNull();
    await expect(
      detectVersion(
        { kind: 'command', argv: ['/bin/sh', '-c', 'echo broken >&2; exit 4'], regex: '(\\S+)' },
        { installDir: dir },
      ),
    ).rejects.toMatchObject({
      code: 'DETECTION_FAILED',
      message: expect.stringContaining('broken'),
    });
    await expect(
      detectVersion(
        { kind: 'command', argv: ['no-such-tool-on-path', '--version'], regex: '(\\S+)' },
        { installDir: dir },
      ),
    ).rejects.toMatchObject({ code: 'DETECTION_FAILED' });
  });
});

describe.runIf(hasDpkg())('dpkg rules (this machine has dpkg-query)', () => {
  it('reads the installed version of bash without its Debian revision', async () => {
    const full = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'bash'], { encoding: 'utf8' });
    const upstream = full.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
    const detected = await detectVersion({ kind: 'dpkg', package: 'bash' }, { installDir: dir, platform: 'linux' });
    expect(detected).not.toBeNull();
    expect(detected).toBe(normaliseVersion(upstream));
  });

  it('a package that is not installed is null', async () => {
    await expect(
      detectVersion({ kind: 'dpkg', package: 'hicare-no-such-package' }, { installDir: dir, platform: 'linux' }),
    ).resolves.toBeNull();
  });
});
