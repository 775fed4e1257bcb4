/** Sign-in counters (failures, and the mark a right password leaves), kept just long enough to throttle guessing. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { newId, toIso } from './support.js';

/** Records one attempt under each key and returns the row ids, so the caller can take them back. */
export async function recordLoginAttempt(db: Kysely<Database>, keys: readonly string[], now: Date): Promise<string[]> {
  if (keys.length === 0) return [];
  const at = toIso(now);
  const rows = keys.map((key) => ({ id: newId(), key, at }));
  await db.insertInto('login_attempts').values(rows).execute();
  return rows.map((r) => r.id);
}

/** Instants (ascending ISO text) of the attempts under `key` after `since`, excluding the rows in `except`. */
export async function loginAttemptsSince(
  db: Kysely<Database>,
  key: string,
  since: Date,
  except: readonly string[] = [],
): Promise<string[]> {
  let query = db.selectFrom('login_attempts').select(['at']).where('key', '=', key).where('at', '>', toIso(since));
  if (except.length > 0) query = query.where('id', 'not in', except);
  const rows = await query.orderBy('at').execute();
  return rows.map((r) => r.at);
}

export async function deleteLoginAttempts(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('login_attempts').where('id', 'in', ids).execute();
}

export async function clearLoginAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Drops attempts at or before `before` (they no longer count), for `keys` only or for everyone; returns how many went. */
export async function pruneLoginAttempts(
  db: Kysely<Database>,
  before: Date,
  keys?: readonly string[],
): Promise<number> {
  let query = db.deleteFrom('login_attempts').where('at', '<=', toIso(before));
  if (keys !== undefined) {
    if (keys.length === 0) return 0;
    query = query.where('key', 'in', keys);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
