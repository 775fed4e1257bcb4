/**
 * What the desktops report about installed versions (DESIGN.md §3.3): who recorded a system's version, how
 * (installed through the manager or entered by the admin) and whether it is outside the vendor's catalog; every
 * report, kept once per Idempotency-Key; and the licensed majors customers earned by taking an upgrade, with the
 * date and the system. Booleans are integers (0/1), as text and integers are all 0001 uses.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema.alterTable('installed_versions').addColumn('how', 'text').execute();
  await db.schema.alterTable('installed_versions').addColumn('reported_by', 'text').execute();
  await db.schema.alterTable('installed_versions').addColumn('reported_at', 'text').execute();
  await db.schema
    .alterTable('installed_versions')
    .addColumn('not_in_catalog', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('installed_reports')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('idempotency_key', 'text')
    /** SHA-256 of the canonical body and serial number: a key reused for another report is told apart from a retry. */
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull())
    .addColumn('not_in_catalog', 'integer', (c) => c.notNull())
    /** When the desktop installed or entered it (never later than recorded_at). */
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addCheckConstraint('installed_reports_how', sql`how in ('installed', 'entered')`)
    // NULLs are distinct in both dialects: reports sent without a key never collide.
    .addUniqueConstraint('installed_reports_idempotency', ['account_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('installed_reports_serial')
    .on('installed_reports')
    .columns(['serial_number', 'at'])
    .execute();

  await db.schema
    .createTable('licence_advances')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    /** The contract whose verdict allowed the release. */
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('installed_reports.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    // A major is earned once: the first report of it is the one that counts.
    .addUniqueConstraint('licence_advances_major', ['customer_id', 'product', 'major'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('licence_advances').execute();
  await db.schema.dropTable('installed_reports').execute();
  for (const column of ['not_in_catalog', 'reported_at', 'reported_by', 'how']) {
    await db.schema.alterTable('installed_versions').dropColumn(column).execute();
  }
}
