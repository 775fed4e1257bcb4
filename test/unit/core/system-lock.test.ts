import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSystemLock } from '../../../electron/core/install/system-lock.js';
import { HicareError } from '../../../shared/errors.js';

const NOW = new Date('2026-11-24T10:00:00Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hicare-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has ended (and so cannot hold a lock). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function refusal(work: Promise<unknown>): Promise<HicareError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof HicareError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('one installation per system at a time', () => {
  it('a second installation on the same system is refused while the first runs, and nothing of it runs', async () => {
    let release: () => void = () => undefined;
    let secondRan = false;
    let holding: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const first = withSystemLock(dir, 'CG-ATL-0001', 'atlas 1.9.0', NOW, () => {
      holding();
      return new Promise<string>((resolve) => (release = () => resolve('first')));
    });
    // The first installation is running (it holds the lock) before the second is tried.
    await held;
    const error = await refusal(withSystemLock(dir, 'CG-ATL-0001', 'atlas 2.3.1', NOW, async () => (secondRan = true)));
    expect(error.code).toBe('INSTALL_IN_PROGRESS');
    expect(error.message).toContain('atlas 1.9.0');
    expect(error.remedy).toMatch(/Wait/);
    expect(secondRan).toBe(false);
    release();
    await expect(first).resolves.toBe('first');
  });

  it('other systems install side by side', async () => {
    const both = await Promise.all([
      withSystemLock(dir, 'CG-ATL-0001', 'atlas', NOW, async () => 'a'),
      withSystemLock(dir, 'CG-COB-0001', 'cobalt', NOW, async () => 'b'),
    ]);
    expect(both).toEqual(['a', 'b']);
  });

  it('the lock is given back when the installation ends, also when it fails', async () => {
    await expect(
      withSystemLock(dir, 'S/1', 'x', NOW, () => Promise.reject(new Error('installer crashed'))),
    ).rejects.toThrow('installer crashed');
    expect(readdirSync(dir)).toEqual([]);
    await expect(withSystemLock(dir, 'S/1', 'x', NOW, async () => 'again')).resolves.toBe('again');
  });

  it.each([
    [
      'a process that has ended',
      () => JSON.stringify({ pid: deadPid(), what: 'atlas 1.9.0', since: NOW.toISOString() }),
    ],
    ['a write torn by a crash', () => '{"pid":'],
  ])('a lock left by %s is taken over', async (_what, content) => {
    const file = join(dir, 'CG-ATL-0001.lock');
    writeFileSync(file, content());
    await expect(withSystemLock(dir, 'CG-ATL-0001', 'atlas 2.3.1', NOW, async () => existsSync(file))).resolves.toBe(
      true,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('a lock held by another running process (the CLI while the app installs) is respected', async () => {
    // This test process's parent runs as long as the test does.
    writeFileSync(
      join(dir, 'CG-ATL-0001.lock'),
      JSON.stringify({ pid: process.ppid, what: 'atlas 1.9.0 (hicare install)', since: NOW.toISOString() }),
    );
    const error = await refusal(withSystemLock(dir, 'CG-ATL-0001', 'atlas 2.3.1', NOW, async () => 'ran'));
    expect(error.code).toBe('INSTALL_IN_PROGRESS');
    expect(error.message).toContain('hicare install');
  });
});
