/**
 * The live events of service requests, kept for a while: the row's id is the event's SSE id on every portal
 * instance, so a client that reconnects (to any instance) can say what it saw last and be sent what it missed.
 * SQLite numbers rows with AUTOINCREMENT (never reusing an id after a prune), PostgreSQL with a bigserial.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('request_events')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    /** Whose request the event is about: customers hear only their own. */
    .addColumn('customer_id', 'text', (c) => c.notNull())
    /** The RequestEvent as JSON, exactly as the stream sends it. */
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Pruning and the retention check look rows up by age.
  await db.schema.createIndex('request_events_created_at').on('request_events').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_events').execute();
}
