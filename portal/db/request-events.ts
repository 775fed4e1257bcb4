/**
 * The stored live events. Publishing appends a row whose id becomes the event's SSE id; on PostgreSQL it also
 * NOTIFYs the other portal instances with that id. Rows are kept for a retention window so that a client that
 * reconnects with `Last-Event-ID` can be sent what it missed, and then pruned.
 */
import { sql, type Kysely } from 'kysely';
import type { RequestEvent } from '../../shared/contracts/requests.js';
import { dialectOf } from './connection.js';
import type { Database } from './schema.js';
import { toIso } from './support.js';

/** The channel that tells every instance "events up to this id are stored". */
export const EVENTS_CHANNEL = 'hicare_events';

export interface StoredEvent {
  id: number;
  customerId: string;
  event: RequestEvent;
  createdAt: string;
}

function toStored(row: { id: number | string; customer_id: string; event: string; created_at: string }): StoredEvent {
  return {
    id: Number(row.id),
    customerId: row.customer_id,
    event: JSON.parse(row.event) as RequestEvent,
    createdAt: row.created_at,
  };
}

/**
 * Appends an event and returns it with its id. On PostgreSQL the insert runs under a transaction-scoped advisory
 * lock: ids are then committed in the order they are handed out, so an instance that has read up to id N can
 * never later find a smaller id appear (a concurrent insert committing late would otherwise be skipped for ever).
 * The NOTIFY is sent on commit, when the row is visible to every instance.
 */
export async function appendEvent(
  db: Kysely<Database>,
  customerId: string,
  event: RequestEvent,
  now: Date,
): Promise<StoredEvent> {
  const row = { customer_id: customerId, event: JSON.stringify(event), created_at: toIso(now) };
  if (dialectOf(db) === 'sqlite') {
    const { id } = await db.insertInto('request_events').values(row).returning('id').executeTakeFirstOrThrow();
    return { id: Number(id), customerId, event, createdAt: row.created_at };
  }
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('hicare_request_events'))`.execute(trx);
    const { id } = await trx.insertInto('request_events').values(row).returning('id').executeTakeFirstOrThrow();
    await sql`select pg_notify(${EVENTS_CHANNEL}, ${String(id)})`.execute(trx);
    return { id: Number(id), customerId, event, createdAt: row.created_at };
  });
}

/** Events after `afterId`, oldest first, at most `limit` of them. */
export async function eventsAfter(db: Kysely<Database>, afterId: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('request_events')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toStored);
}

/** The newest event's id; 0 when there has never been one. */
export async function latestEventId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('request_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return row?.id === null || row?.id === undefined ? 0 : Number(row.id);
}

/**
 * Whether everything after `lastId` can still be replayed: the id is not beyond the newest (an id this database
 * never gave out), no row after it has been pruned, and none after it is older than `cutoff`.
 */
export async function canReplayAfter(
  db: Kysely<Database>,
  lastId: number,
  cutoff: Date,
): Promise<{ replayable: boolean; latestId: number }> {
  // One statement, so one snapshot: a prune running alongside cannot make the bounds and the staleness disagree.
  const row = await db
    .selectFrom('request_events')
    .select((eb) => [
      eb.fn.min('id').as('oldest'),
      eb.fn.max('id').as('latest'),
      eb
        .selectFrom('request_events as later')
        .select('later.id')
        .where('later.id', '>', lastId)
        .where('later.created_at', '<', toIso(cutoff))
        .limit(1)
        .as('stale'),
    ])
    .executeTakeFirst();
  const latestId = row?.latest === null || row?.latest === undefined ? 0 : Number(row.latest);
  if (lastId > latestId) return { replayable: false, latestId };
  if (lastId === latestId) return { replayable: true, latestId };
  // Pruning removes the oldest rows; if the row right after lastId may have been among them, something is lost.
  if (lastId < Number(row?.oldest ?? 0) - 1) return { replayable: false, latestId };
  return { replayable: row?.stale === null || row?.stale === undefined, latestId };
}

/**
 * Deletes events older than `cutoff`, always keeping the newest row: it tells a reconnecting client whose id is
 * the newest that it missed nothing, however long ago that event was.
 */
export async function pruneEvents(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const latest = await latestEventId(db);
  const result = await db
    .deleteFrom('request_events')
    .where('created_at', '<', toIso(cutoff))
    .where('id', '<', latest)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
