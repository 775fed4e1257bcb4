/**
 * Ordering a page of a list by a text column the same way on both dialects: byte order of the UTF-8 text (SQLite's
 * BINARY, PostgreSQL's "C" collation), not PostgreSQL's locale-aware default, so a page holds the same rows on each.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../../db/connection.js';
import type { Database } from '../../db/schema.js';

export function byText(db: Kysely<Database>, column: string): RawBuilder<string> {
  return dialectOf(db) === 'postgres' ? sql<string>`${sql.ref(column)} collate "C"` : sql<string>`${sql.ref(column)}`;
}
