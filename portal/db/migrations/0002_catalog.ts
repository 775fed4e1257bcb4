/**
 * The catalog's unsigned side: the lifecycle of each product's major line (ga, end of maintenance, end of service)
 * and the knowledge base. Lifecycles are also copied into the signed targets' custom metadata when they change;
 * the table is where the portal's own verdicts read them.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lifecycles')
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('ga', 'text', (c) => c.notNull())
    .addColumn('end_of_maintenance', 'text')
    .addColumn('end_of_service', 'text')
    .addPrimaryKeyConstraint('lifecycles_pk', ['product', 'major'])
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('product', 'text')
    /** The whole article as JSON: signatures and version ranges are read back together, never queried one by one. */
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['articles', 'lifecycles']) await db.schema.dropTable(table).execute();
}
