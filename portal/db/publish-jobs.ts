/**
 * The queue of work for the signer. Any machine inserts a job; the one leading signer claims the oldest pending job
 * (row-locked, so a claim is never shared), runs it and records the outcome that the submitter is waiting to read.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ErrorBody } from '../../shared/errors.js';
import type { Database, PublishJobKind, PublishJobState, PublishJobsTable } from './schema.js';

/** The channel a new job is announced on; the signer LISTENs on it. */
export const PUBLISH_CHANNEL = 'hicare_publish';

export interface PublishJob {
  id: string;
  kind: PublishJobKind;
  input: unknown;
  state: PublishJobState;
  /** What the job produced (when done). */
  result: unknown;
  /** Why it failed (when failed). */
  error: ErrorBody | null;
  createdAt: string;
  createdBy: string;
  startedAt: string | null;
  finishedAt: string | null;
  attempts: number;
}

function toJob(row: Selectable<PublishJobsTable>): PublishJob {
  const outcome = row.result === null ? null : (JSON.parse(row.result) as unknown);
  return {
    id: row.id,
    kind: row.kind,
    input: JSON.parse(row.input) as unknown,
    state: row.state,
    result: row.state === 'done' ? outcome : null,
    error: row.state === 'failed' ? (outcome as ErrorBody) : null,
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    attempts: row.attempts,
  };
}

/** A fresh job id, given before the job exists so that its upload can be stored under it first. */
export function newPublishJobId(): string {
  return randomUUID();
}

export async function insertPublishJob(
  db: Kysely<Database>,
  job: { id: string; kind: PublishJobKind; input: unknown; createdBy: string },
  now: Date,
): Promise<PublishJob> {
  const row = await db
    .insertInto('publish_jobs')
    .values({
      id: job.id,
      kind: job.kind,
      input: JSON.stringify(job.input),
      state: 'pending',
      result: null,
      created_at: now.toISOString(),
      created_by: job.createdBy,
      started_at: null,
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // Outside a transaction NOTIFY is delivered at once; a signer that misses it still finds the job on its next poll.
  await sql`select pg_notify(${PUBLISH_CHANNEL}, ${job.id})`.execute(db);
  return toJob(row);
}

export async function getPublishJob(db: Kysely<Database>, id: string): Promise<PublishJob | undefined> {
  const row = await db.selectFrom('publish_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toJob(row);
}

/** How often a submitter looks at its job while it waits. */
const JOB_POLL_MS = 200;

/**
 * The job once it is done or failed, or as it stands at `deadline` (Date.now() milliseconds). The submitter polls:
 * the signer's answer is one row update, and a NOTIFY would need a connection of its own per waiting request.
 */
export async function awaitPublishJob(
  db: Kysely<Database>,
  id: string,
  deadline: number,
): Promise<PublishJob | undefined> {
  for (;;) {
    const job = await getPublishJob(db, id);
    if (job === undefined || job.state === 'done' || job.state === 'failed' || Date.now() >= deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, Math.min(JOB_POLL_MS, Math.max(0, deadline - Date.now()))));
  }
}

/**
 * Takes the oldest pending job and marks it running. `for update skip locked` keeps the claim to one taker even if
 * a second signer ever got this far; in practice only the leader calls this.
 */
export async function claimNextPublishJob(db: Kysely<Database>, now: Date): Promise<PublishJob | undefined> {
  return db.transaction().execute(async (trx) => {
    const next = await trx
      .selectFrom('publish_jobs')
      .select('id')
      .where('state', '=', 'pending')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (next === undefined) return undefined;
    const row = await trx
      .updateTable('publish_jobs')
      .set((eb) => ({ state: 'running', started_at: now.toISOString(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', next.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toJob(row);
  });
}

/**
 * Jobs left running by a signer that died mid-way go back to the front of the queue. Only the leader calls this, on
 * taking over: holding the leader lock proves nobody else is running them. Returns their ids.
 */
export async function requeueAbandonedPublishJobs(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .updateTable('publish_jobs')
    .set({ state: 'pending' })
    .where('state', '=', 'running')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function finishPublishJob(
  db: Kysely<Database>,
  id: string,
  outcome: { result: unknown } | { error: ErrorBody },
  now: Date,
): Promise<void> {
  const done = 'result' in outcome;
  await db
    .updateTable('publish_jobs')
    .set({
      state: done ? 'done' : 'failed',
      result: JSON.stringify(done ? outcome.result : outcome.error),
      finished_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}
