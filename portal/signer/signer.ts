/**
 * The signer's life: stand by until it holds the leader lock, then — while leading — beat, re-sign what is about to
 * expire, and run publish jobs one at a time in the order they were asked for. Everything that changes the
 * repository runs in one sequence, so a re-sign never races a publish inside this process either. Stopping lets the
 * job in hand finish, then releases the lock.
 */
import type { Kysely } from 'kysely';
import { HicareError } from '../../shared/errors.js';
import type { Logger } from 'pino';
import type { Catalog } from '../catalog/catalog.js';
import {
  claimNextPublishJob,
  finishPublishJob,
  PUBLISH_CHANNEL,
  requeueAbandonedPublishJobs,
} from '../db/publish-jobs.js';
import type { Database } from '../db/schema.js';
import { writeSignerHeartbeat } from '../db/signer-status.js';
import type { BlobStore } from '../storage/blob-store.js';
import { runPublishJob, type ReleaseJobInput } from './jobs.js';
import type { LeaderLock } from './leader-lock.js';

export interface SignerOptions {
  db: Kysely<Database>;
  catalog: Catalog;
  store: BlobStore;
  lock: LeaderLock;
  log: Logger;
  now: () => Date;
  /** `host pid`, written in the heartbeat. */
  holder: string;
  heartbeatEveryMs?: number;
  /** How often the metadata's expiry is checked and re-signed when due. */
  refreshEveryMs?: number;
  /** How often a standing-by signer tries the lock again. */
  standbyRetryMs?: number;
  /** Looks for jobs this often even without a notification (one sent while the connection was busy is not lost). */
  pollEveryMs?: number;
}

export interface RunningSigner {
  /** Resolves when the signer has stopped after stop(); rejects if it had to stop because the lock was lost. */
  readonly done: Promise<void>;
  isLeader(): boolean;
  /** Finishes the job in hand, releases the lock and resolves `done`. */
  stop(): Promise<void>;
  /** The lock's connection is gone, so another signer may lead already: stop at once, and `done` rejects. */
  abandon(cause: Error): void;
}

export const SIGNER_DEFAULTS = {
  heartbeatEveryMs: 5000,
  refreshEveryMs: 60_000,
  standbyRetryMs: 1000,
  pollEveryMs: 5000,
};

export function startSigner(options: SignerOptions): RunningSigner {
  const { db, catalog, store, lock, log, now } = options;
  const every = { ...SIGNER_DEFAULTS, ...definedOnly(options) };
  let stopping = false;
  let leader = false;
  // A wake-up that comes while the signer is busy (a job queued during a publish) is kept, not lost: the next nap
  // then returns at once.
  let woken = false;
  let interrupt: () => void = () => undefined;
  const wake = (): void => {
    woken = true;
    interrupt();
  };
  const nap = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(finish, ms);
      function finish(): void {
        clearTimeout(timer);
        woken = false;
        interrupt = () => undefined;
        resolve();
      }
      interrupt = finish;
    });

  const beat = async (startedAt: string): Promise<void> => {
    try {
      await writeSignerHeartbeat(db, { holder: options.holder, startedAt, beatAt: now().toISOString() });
    } catch (error) {
      log.error({ err: error }, 'writing the signer heartbeat failed');
    }
  };

  const refresh = async (): Promise<void> => {
    try {
      if (await catalog.repository.refreshTimestamp({ now: now() })) {
        catalog.invalidate();
        log.info('re-signed the metadata that was about to expire');
      }
    } catch (error) {
      log.error({ err: error }, 're-signing the TUF metadata failed');
    }
  };

  const runJobs = async (): Promise<void> => {
    while (!stopping) {
      const job = await claimNextPublishJob(db, now());
      if (job === undefined) return;
      log.info({ job: job.id, kind: job.kind, attempt: job.attempts }, 'running publish job');
      const { outcome, cause } = await runPublishJob({ db, catalog, store, now }, job);
      await finishPublishJob(db, job.id, outcome, now());
      if ('error' in outcome) log.warn({ job: job.id, code: outcome.error.code, err: cause }, 'publish job failed');
      else log.info({ job: job.id }, 'publish job done');
      if (job.kind === 'release')
        await store
          .delete((job.input as ReleaseJobInput).upload)
          .catch((error: unknown) => log.warn({ err: error, job: job.id }, 'removing the upload failed'));
    }
  };

  const lead = async (): Promise<void> => {
    leader = true;
    const startedAt = now().toISOString();
    log.info({ holder: options.holder }, 'leading: this signer signs');
    await beat(startedAt);
    const heartbeat = setInterval(() => void beat(startedAt), every.heartbeatEveryMs);
    try {
      const requeued = await requeueAbandonedPublishJobs(db);
      if (requeued.length > 0) log.warn({ jobs: requeued }, 'running again the jobs a previous signer left unfinished');
      await lock.listen(PUBLISH_CHANNEL, () => wake());
      let refreshDue = 0;
      while (!stopping) {
        if (Date.now() >= refreshDue) {
          await refresh();
          refreshDue = Date.now() + every.refreshEveryMs;
        }
        woken = false;
        try {
          await runJobs();
        } catch (error) {
          log.error({ err: error }, 'taking the next publish job failed');
        }
        if (stopping) break;
        await nap(Math.max(0, Math.min(every.pollEveryMs, refreshDue - Date.now())));
      }
    } finally {
      clearInterval(heartbeat);
    }
  };

  const life = async (): Promise<void> => {
    let announced = false;
    while (!stopping) {
      if (await lock.tryAcquire()) {
        await lead();
        return;
      }
      if (!announced) log.info({ holder: options.holder }, 'another signer leads; standing by to take over');
      announced = true;
      await nap(every.standbyRetryMs);
    }
  };

  let lost: Error | undefined;
  const done = life()
    .finally(() => lock.close())
    .then(() => {
      if (lost !== undefined) {
        throw new HicareError('INTERNAL.signerLostDatabase');
      }
    });
  return {
    done,
    isLeader: () => leader,
    abandon(cause) {
      lost = cause;
      stopping = true;
      leader = false;
      log.error({ err: cause }, 'the signer lock was lost; stopping');
      wake();
    },
    async stop() {
      stopping = true;
      wake();
      await done;
    },
  };
}

function definedOnly(options: SignerOptions): Partial<typeof SIGNER_DEFAULTS> {
  const out: Partial<typeof SIGNER_DEFAULTS> = {};
  for (const key of Object.keys(SIGNER_DEFAULTS) as (keyof typeof SIGNER_DEFAULTS)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
