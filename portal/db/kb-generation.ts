/** The knowledge index's generation counter (migration 0017 says why one counter). */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Raise the counter; call it inside the transaction that changes what self-help searches. */
export async function bumpKbGeneration(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('kb_generation')
    .set({ generation: sql<number>`generation + 1` })
    .where('id', '=', 1)
    .execute();
}

export async function readKbGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('kb_generation').select('generation').where('id', '=', 1).executeTakeFirst();
  return Number(row?.generation ?? 0);
}
