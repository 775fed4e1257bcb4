/**
 * The language an account reads the portal in, as its last sign-in asked for it: mail the portal sends to the
 * account is written in it. Empty until the account signs in from a client that says which language it reads.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('language').execute();
}
