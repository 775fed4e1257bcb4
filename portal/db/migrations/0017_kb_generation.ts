/**
 * The knowledge index's generation: one counter, raised in the same transaction as every change to what self-help
 * searches (an article published or withdrawn, an answer accepted, verified or hidden). Each portal instance keeps its
 * index in memory and rebuilds it when the counter it reads differs from the one it built from, so every instance
 * behind the load balancer answers from the same knowledge within one request of a change.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kb_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ kb_generation: { id: number; generation: number } }>)
    .insertInto('kb_generation')
    .values({ id: 1, generation: 1 })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kb_generation').execute();
}
