/** The leading signer's sign of life: one row, rewritten every few seconds, read by /metrics and /readyz. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface SignerHeartbeat {
  /** `host pid` of the signer that wrote it. */
  holder: string;
  /** When that signer became the leader. */
  startedAt: string;
  /** Its last beat; a beat older than a few intervals means no signer is running. */
  beatAt: string;
}

const ROW = 1;

export async function writeSignerHeartbeat(db: Kysely<Database>, beat: SignerHeartbeat): Promise<void> {
  const values = { holder: beat.holder, started_at: beat.startedAt, beat_at: beat.beatAt };
  await db
    .insertInto('signer_status')
    .values({ id: ROW, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** The last heartbeat written, or undefined when no signer has ever led on this database. */
export async function readSignerHeartbeat(db: Kysely<Database>): Promise<SignerHeartbeat | undefined> {
  const row = await db.selectFrom('signer_status').selectAll().where('id', '=', ROW).executeTakeFirst();
  return row === undefined ? undefined : { holder: row.holder, startedAt: row.started_at, beatAt: row.beat_at };
}
