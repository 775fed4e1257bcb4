/**
 * Where each contract's service start came from (purchase order, shipment, PAC, renewal, tier change), as JSON text.
 * Contracts recorded before have none and read as started on their purchase order's date.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contracts').addColumn('start_basis', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contracts').dropColumn('start_basis').execute();
}
