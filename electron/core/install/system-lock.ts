/**
 * One installation per system at a time, across the app and the `hicare` CLI on this desktop: two installers
 * writing the same folder at once leave neither version behind. The lock is a file created exclusively; a lock left
 * by a process that no longer runs (a crash, a killed terminal) is taken over rather than blocking the system forever.
 */
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { HicareError } from '../../../shared/errors.js';

interface LockHolder {
  pid: number;
  what: string;
  since: string;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holderOf(file: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, what: String(parsed.what ?? ''), since: String(parsed.since ?? '') }
      : null;
  } catch {
    // Torn by a crash between create and write: nobody holds it.
    return null;
  }
}

/** Runs `work` holding the system's install lock; INSTALL_IN_PROGRESS when another installation holds it. */
export async function withSystemLock<T>(
  lockDirectory: string,
  serialNumber: string,
  what: string,
  now: Date,
  work: () => Promise<T>,
): Promise<T> {
  await mkdir(lockDirectory, { recursive: true });
  const file = join(lockDirectory, `${encodeURIComponent(serialNumber)}.lock`);
  const holder: LockHolder = { pid: process.pid, what, since: now.toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(holder));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = await holderOf(file);
      if (current !== null && running(current.pid)) {
        throw new HicareError(
          'INSTALL_IN_PROGRESS.onSystem',
          { serialNumber, release: current.what, sinceAt: current.since },
          { serialNumber, pid: current.pid },
        );
      }
      if (attempt > 0) throw error;
      await unlink(file).catch(() => undefined);
    }
  }
  try {
    return await work();
  } finally {
    await unlink(file).catch(() => undefined);
  }
}
