/**
 * A covered system can be retired (scrapped, returned, replaced): it stays on its contracts' rows, for the history of
 * requests and downloads that name it, but is no longer covered. When, by whom and why are kept with it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('systems').addColumn('retired_at', 'text').execute();
  await db.schema.alterTable('systems').addColumn('retired_by', 'text').execute();
  await db.schema.alterTable('systems').addColumn('retired_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('systems').dropColumn('retired_reason').execute();
  await db.schema.alterTable('systems').dropColumn('retired_by').execute();
  await db.schema.alterTable('systems').dropColumn('retired_at').execute();
}
