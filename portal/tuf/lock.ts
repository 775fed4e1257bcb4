/**
 * One writer at a time per repository. Every change reads the current versions and writes version + 1, so two
 * publishers interleaving would sign two different "N+1" files and one of them would be lost or, worse, served
 * to some clients and not others.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { HicareError } from '../../shared/errors.js';

const LOCK_FILE = '.publish.lock';

// Calls in this process queue behind each other; the lock file only has to keep other processes out.
const inProcess = new Map<string, Promise<unknown>>();

export async function withRepositoryLock<T>(repoDir: string, fn: () => Promise<T>): Promise<T> {
  const previous = inProcess.get(repoDir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const release = await acquire(repoDir);
    try {
      return await fn();
    } finally {
      await release();
    }
  });
  inProcess.set(repoDir, run);
  try {
    return await run;
  } finally {
    if (inProcess.get(repoDir) === run) inProcess.delete(repoDir);
  }
}

async function acquire(repoDir: string): Promise<() => Promise<void>> {
  const path = join(repoDir, LOCK_FILE);
  const owner = `${hostname()} ${process.pid}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(owner);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        throw new HicareError('NOT_FOUND', `There is no TUF repository directory at ${repoDir}.`, 'Initialize the repository first, or point at the right directory.', { repoDir });
      }
      if (code !== 'EEXIST') throw error;
      const holder = (await readFile(path, 'utf8').catch(() => '')).trim();
      // A lock left by a crashed publisher on this host would otherwise block publishing until someone deletes it by hand.
      if (attempt === 0 && isStale(holder)) {
        await rm(path, { force: true });
        continue;
      }
      throw new HicareError(
        'TUF_REPOSITORY_LOCKED',
        `Another publisher (${holder || 'unknown'}) is changing the TUF repository.`,
        `Wait for it to finish and try again; if no publisher is running, delete ${path}.`,
        { holder },
      );
    }
  }
  throw new HicareError('TUF_REPOSITORY_LOCKED', 'The TUF repository lock could not be taken.', `Delete ${path} if no publisher is running.`);
}

function isStale(holder: string): boolean {
  const [host, pidText] = holder.split(' ');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
