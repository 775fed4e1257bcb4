/**
 * Releases the vendor withdrew: one row per withdrawn release (every platform build of a product's version). The
 * signed TUF targets are left as they are — their hashes still verify bytes already downloaded — so whether a release
 * is offered is decided here, at the portal. Undoing a withdrawal deletes the row; the audit trail keeps both.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('release_withdrawals')
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    /** Who withdrew it: the administrator's e-mail address, or `user@host` for the command line. */
    .addColumn('withdrawn_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_withdrawals_pk', ['product', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('release_withdrawals').execute();
}
