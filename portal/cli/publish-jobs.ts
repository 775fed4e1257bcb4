/**
 * Publishing on a shared (PostgreSQL) portal: the CLI holds no keys there, so it uploads the package to the shared
 * store, queues a job for the signer and, unless told not to, waits for the signer's answer and reports it as a
 * publish on one machine would.
 */
import { stat } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { assertLifecycle } from '../../shared/domain/release.js';
import { HicareError } from '../../shared/errors.js';
import { getPublishJob, insertPublishJob, newPublishJobId, type PublishJob } from '../db/publish-jobs.js';
import type { Database, PublishJobKind } from '../db/schema.js';
import { uploadKeyFor, type LifecycleJobInput, type ReleaseJobInput } from '../signer/jobs.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { CliEnvironment } from './context.js';

export interface WaitOptions {
  /** Return as soon as the job is queued. */
  noWait: boolean;
  timeoutMs: number;
  pollMs?: number;
}

export const DEFAULT_WAIT_MS = 10 * 60_000;

function submitter(io: CliEnvironment): string {
  let user = io.env['USER'] ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment's name will do.
  }
  return `${user}@${hostname()}`;
}

/** Refuses a package path that is not a readable regular file before anything is uploaded or queued. */
export async function requirePackageFile(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) {
    throw new HicareError('NOT_FOUND.publishFile', { file }, { file });
  }
}

export async function queueReleaseJob(
  db: Kysely<Database>,
  store: BlobStore,
  io: CliEnvironment,
  file: string,
  custom: ReleaseJobInput['custom'],
): Promise<PublishJob> {
  await requirePackageFile(file);
  const id = newPublishJobId();
  const input: ReleaseJobInput = { custom, fileName: basename(file), upload: uploadKeyFor(id, file) };
  await store.putFile(input.upload, file);
  try {
    return await queue(db, io, id, 'release', input);
  } catch (error) {
    await store.delete(input.upload).catch(() => undefined);
    throw error;
  }
}

export async function queueLifecycleJob(
  db: Kysely<Database>,
  io: CliEnvironment,
  lifecycle: LifecycleJobInput,
): Promise<PublishJob> {
  // Wrong dates are refused here, at once and with nothing queued, rather than by the signer later.
  assertLifecycle(lifecycle);
  return queue(db, io, newPublishJobId(), 'lifecycle', lifecycle);
}

function queue(
  db: Kysely<Database>,
  io: CliEnvironment,
  id: string,
  kind: PublishJobKind,
  input: unknown,
): Promise<PublishJob> {
  return insertPublishJob(db, { id, kind, input, createdBy: submitter(io) }, io.now());
}

/**
 * Waits for the signer to finish the job and returns what it produced; a failed job throws the signer's coded error
 * as the publisher's own, and a job still waiting at the deadline throws TIMEOUT (it stays queued).
 */
export async function awaitJob(db: Kysely<Database>, job: PublishJob, options: WaitOptions): Promise<unknown> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const current = await getPublishJob(db, job.id);
    if (current?.state === 'done') return current.result;
    if (current?.state === 'failed' && current.error !== null) {
      // The signer's own coded error, as the publisher's: with its key it is written again in the reader's language.
      throw HicareError.fromBody(current.error, { job: job.id });
    }
    if (Date.now() >= deadline) {
      throw new HicareError(
        'TIMEOUT.publishJob',
        { job: job.id, seconds: Math.round(options.timeoutMs / 1000) },
        { job: job.id, state: current?.state ?? 'unknown' },
      );
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(options.pollMs ?? 250, Math.max(0, deadline - Date.now()))),
    );
  }
}
