/**
 * The signed catalog's metadata as rows, for portals whose instances share a database: every instance then serves
 * the same bytes (and the same ETag) for a version, whichever instance a client's next request reaches. The SHA-256
 * is stored beside the bytes so that the ETag and the cheap "has it changed" check need no hashing on read.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('tuf_metadata')
    /** The file name clients ask for: `timestamp.json`, `3.snapshot.json`, `7.product.x.bin-1f.json`, … */
    .addColumn('name', 'text', (c) => c.notNull().primaryKey())
    .addColumn('bytes', binary, (c) => c.notNull())
    /** Lower-case hex of the bytes' SHA-256. */
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tuf_metadata').execute();
}
