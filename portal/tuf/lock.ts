/**
 * One writer at a time per repository. Every change reads the current versions and writes version + 1, so two
 * publishers interleaving would sign two different "N+1" files and one of them would be lost or, worse, served
 * to some clients and not others.
 *
 * Two locks, chosen with the metadata store: a lock file beside folder metadata (one machine), and a PostgreSQL
 * advisory lock when the metadata is in a shared database. Both wait for a busy repository (a publish takes seconds;
 * failing at once made a second publisher's success depend on timing) up to a bound, then refuse with a coded error.
 */
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { HicareError } from '../../shared/errors.js';
import type { Database } from '../db/schema.js';
import { asStoreError } from '../storage/space-error.js';
import { tempPathFor } from './atomic-file.js';

export interface RepositoryLock {
  /** Runs `fn` as the repository's only writer, waiting (bounded) for another writer to finish. */
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export interface LockOptions {
  /** How long to wait for a busy repository before refusing. Default 60 s: longer than any publish of one batch. */
  waitMs?: number;
}

export const DEFAULT_LOCK_WAIT_MS = 60_000;
const FIRST_RETRY_MS = 25;
const LONGEST_RETRY_MS = 500;

// Calls in this process queue behind each other; the lock itself only has to keep other processes out.
const inProcess = new Map<unknown, Promise<unknown>>();

async function oneAtATime<T>(key: unknown, fn: () => Promise<T>): Promise<T> {
  const previous = inProcess.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(fn);
  inProcess.set(key, run);
  try {
    return await run;
  } finally {
    if (inProcess.get(key) === run) inProcess.delete(key);
  }
}

/** Retries `attempt` with growing pauses until it returns true or the wait runs out. */
async function waitFor(attempt: () => Promise<boolean>, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  let pause = FIRST_RETRY_MS;
  for (;;) {
    if (await attempt()) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await sleep(Math.min(pause, left));
    pause = Math.min(pause * 2, LONGEST_RETRY_MS);
  }
}

/** The refusal after waiting: by the lock file (whose holder it names when it can) or by the database's lock. */
function busyFile(waitMs: number, holder: string, lockFile: string): HicareError {
  const seconds = Math.round(waitMs / 1000);
  return new HicareError(
    'TUF_REPOSITORY_BUSY.tufLockFile',
    { holder: holder || 'unknown', seconds, lockFile },
    { holder: holder || 'unknown', lockFile },
  );
}

function busyDatabase(waitMs: number): HicareError {
  return new HicareError(
    'TUF_REPOSITORY_BUSY.tufAdvisoryLock',
    { seconds: Math.round(waitMs / 1000) },
    { holder: 'another portal process' },
  );
}

const LOCK_FILE = '.publish.lock';
const OWNER = /^(\S+) ([1-9][0-9]*)$/;

/**
 * The lock file of a folder repository, made safe against crashes: the file appears with its owner already in it
 * (written beside it, then hard-linked into place), so an empty or unreadable lock file can only be the leftover of
 * an older or crashed writer and is taken over, as is one whose owner on this host is no longer running. A write that
 * fails (a full disk) leaves no lock file behind.
 */
export class FileRepositoryLock implements RepositoryLock {
  readonly path: string;
  private readonly waitMs: number;

  constructor(
    readonly repoDir: string,
    options: LockOptions = {},
  ) {
    this.path = join(repoDir, LOCK_FILE);
    this.waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    return oneAtATime(this.path, async () => {
      await this.acquire();
      try {
        return await fn();
      } finally {
        await rm(this.path, { force: true });
      }
    });
  }

  private async acquire(): Promise<void> {
    let holder = '';
    const taken = await waitFor(async () => {
      if (await this.tryCreate()) return true;
      const found = await this.readHolder();
      if (found === undefined) return false; // gone meanwhile: the next attempt may create it
      holder = found.holder;
      if (!isStale(found.holder)) return false;
      await this.takeOver(found.ino);
      return this.tryCreate();
    }, this.waitMs);
    if (!taken) {
      throw busyFile(this.waitMs, holder, this.path);
    }
  }

  private async tryCreate(): Promise<boolean> {
    const temp = tempPathFor(this.path);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(`${hostname()} ${process.pid}`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await link(temp, this.path);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code === 'ENOENT') {
        throw new HicareError(
          'NOT_FOUND.tufRepositoryDirectory',
          { repoDir: this.repoDir },
          {
            repoDir: this.repoDir,
          },
        );
      }
      throw asStoreError(error, 'the publish lock');
    } finally {
      await rm(temp, { force: true });
    }
  }

  private async readHolder(): Promise<{ holder: string; ino: number } | undefined> {
    try {
      const handle = await open(this.path, 'r');
      try {
        const [info, text] = await Promise.all([handle.stat(), handle.readFile('utf8')]);
        return { holder: text.trim(), ino: info.ino };
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      // A lock file this process cannot even read is no lock a running publisher could hold.
      return { holder: '', ino: (await stat(this.path).catch(() => undefined))?.ino ?? -1 };
    }
  }

  /**
   * Moves the stale file aside, then checks it was the one judged stale: if another process took it over and made
   * a fresh lock in between, that lock is put back rather than deleted.
   */
  private async takeOver(staleIno: number): Promise<void> {
    const aside = tempPathFor(this.path);
    try {
      await rename(this.path, aside);
    } catch {
      return; // someone else moved it first
    }
    const moved = await stat(aside).catch(() => undefined);
    if (moved !== undefined && moved.ino !== staleIno) await link(aside, this.path).catch(() => undefined);
    await rm(aside, { force: true });
  }
}

/** Whether a lock file's owner line names nobody who could still be writing. */
function isStale(holder: string): boolean {
  const match = OWNER.exec(holder);
  if (match === null) return true; // empty or garbage: no publisher writes that
  if (match[1] !== hostname()) return false; // another machine's process cannot be checked from here
  try {
    process.kill(Number(match[2]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * A PostgreSQL advisory lock, held on one connection for the whole change. The server releases it when that
 * connection ends for any reason — the process killed, the machine gone, the disk full — so no stale lock can outlive
 * its holder. The key is per schema, so portals (and test runs) in different schemas of one database stay apart.
 */
export class AdvisoryRepositoryLock implements RepositoryLock {
  private readonly waitMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    options: LockOptions = {},
  ) {
    this.waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    return oneAtATime(this.db, () =>
      this.db.connection().execute(async (connection) => {
        const key = sql`hashtextextended('hicare-tuf-publish:' || current_schema(), 0)`;
        const taken = await waitFor(async () => {
          const { rows } = await sql<{ taken: boolean }>`select pg_try_advisory_lock(${key}) as taken`.execute(
            connection,
          );
          return rows[0]?.taken === true;
        }, this.waitMs);
        if (!taken) {
          throw busyDatabase(this.waitMs);
        }
        try {
          return await fn();
        } finally {
          // A dead connection has released the lock already; nothing more to do then.
          await sql`select pg_advisory_unlock(${key})`.execute(connection).catch(() => undefined);
        }
      }),
    );
  }
}

/** Compatibility for callers that know only the folder: runs `fn` under that folder's lock file. */
export async function withRepositoryLock<T>(repoDir: string, fn: () => Promise<T>): Promise<T> {
  return new FileRepositoryLock(repoDir).run(fn);
}
