/**
 * The signer also signs entitlement statements for offline bundles, asked by instances that hold no keys. Only
 * PostgreSQL has such instances (a SQLite portal holds its keys and signs at once), so only there does the job
 * kind's check widen; PostgreSQL can swap a check constraint in place, SQLite could only by copying the table.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const KINDS_BEFORE = sql`kind in ('release', 'lifecycle')`;
const KINDS_AFTER = sql`kind in ('release', 'lifecycle', 'statement')`;

async function setKinds(db: Kysely<unknown>, kinds: typeof KINDS_AFTER): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema.alterTable('publish_jobs').dropConstraint('publish_jobs_kind').execute();
  await db.schema.alterTable('publish_jobs').addCheckConstraint('publish_jobs_kind', kinds).execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await setKinds(db, KINDS_AFTER);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from publish_jobs where kind = 'statement'`.execute(db);
  await setKinds(db, KINDS_BEFORE);
}
