/**
 * The solutions proposed on requests: each proposal kept with its text (and an optional attachment of the request),
 * and how the customer answered it — confirmed, or rejected with the reason — so a request proposed, rejected and
 * proposed again shows every round. Text and integer columns only, as before.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_solutions')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    /** 1 for the request's first proposal, then 2, … */
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.references('attachments.id'))
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rejection_reason', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text')
    .addCheckConstraint('request_solutions_outcome', sql`outcome in ('pending', 'confirmed', 'rejected')`)
    .addUniqueConstraint('request_solutions_request_round', ['request_id', 'round'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_solutions').execute();
}
