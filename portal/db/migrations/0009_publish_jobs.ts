/**
 * Work for the one signer, and its sign of life. A publish or lifecycle change asked for on any machine becomes a
 * `publish_jobs` row that the signer (the only holder of the online keys) claims, runs and answers; `signer_status`
 * is the single row the leading signer rewrites every few seconds, so that operators and /readyz can tell whether
 * anyone is signing. Text and integer columns only, as before.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publish_jobs')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** JSON: what to publish (the release's metadata and where its upload is), or the lifecycle to set. */
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    /** JSON: what the publish printed when done, or the coded error body when it failed. */
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    /** How many times a signer started it: more than one means a signer died while running it. */
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('publish_jobs_kind', sql`kind in ('release', 'lifecycle')`)
    .addCheckConstraint('publish_jobs_state', sql`state in ('pending', 'running', 'done', 'failed')`)
    .execute();
  await db.schema.createIndex('publish_jobs_queue').on('publish_jobs').columns(['state', 'created_at']).execute();
  await db.schema
    .createTable('signer_status')
    // Always 1: there is one leading signer at a time, and its row is overwritten by the next.
    .addColumn('id', 'integer', (c) => c.notNull().primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('beat_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signer_status').execute();
  await db.schema.dropTable('publish_jobs').execute();
}
