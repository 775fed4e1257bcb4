/**
 * Regions (DESIGN.md §3.6): a region's response-time table, and its business calendar one row per year. Contracts
 * name their region by id without a foreign key: a contract whose region has no row keeps its own calendar.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** JSON: the P1–P4 entries that override the service description's targets. */
    .addColumn('response_times', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('region_calendars')
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    /** JSON arrays: weekday numbers (0 = Sunday), holiday dates, weekend dates worked. */
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('working_weekends', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('region_calendars_pk', ['region_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('region_calendars').execute();
  await db.schema.dropTable('regions').execute();
}
