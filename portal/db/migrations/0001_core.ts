/**
 * Customers, accounts and tokens, contracts and their systems, installed versions, the download audit and login
 * attempts. Only types both dialects share (text, integer, bigint) are used. Allowed values are written out here
 * rather than imported, because a migration must keep meaning what it meant when it first ran.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addCheckConstraint('accounts_role', sql`role in ('customer-admin', 'it-staff', 'engineer', 'portal-admin')`)
    .execute();
  await db.schema.createIndex('accounts_customer').on('accounts').column('customer_id').execute();

  await db.schema
    .createTable('tokens')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .addCheckConstraint('tokens_kind', sql`kind in ('session', 'api-key')`)
    // A session that never expires would be an API key in disguise.
    .addCheckConstraint('tokens_session_expires', sql`kind <> 'session' or expires_at is not null`)
    .execute();
  await db.schema.createIndex('tokens_account').on('tokens').column('account_id').execute();

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('licensed_majors', 'text', (c) => c.notNull())
    .addColumn('response_times', 'text')
    .addColumn('holidays', 'text')
    .addCheckConstraint('contracts_tier', sql`tier in ('support', 'upgrade-support')`)
    .execute();
  await db.schema.createIndex('contracts_customer').on('contracts').column('customer_id').execute();

  await db.schema
    .createTable('systems')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('systems_pk', ['contract_id', 'serial_number'])
    .execute();
  // The entitlement check starts from a serial number and looks for the contracts covering it.
  await db.schema.createIndex('systems_serial').on('systems').column('serial_number').execute();

  await db.schema
    .createTable('installed_versions')
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('installed_version', 'text', (c) => c.notNull())
    .addColumn('platform', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('installed_versions_pk', ['serial_number', 'product'])
    .execute();

  await db.schema
    .createTable('downloads')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    // No cascade: the audit outlives whatever happens to the account (accounts are disabled, not deleted).
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addCheckConstraint('downloads_bytes', sql`bytes >= 0`)
    .execute();
  await db.schema.createIndex('downloads_account_at').on('downloads').columns(['account_id', 'at']).execute();
  await db.schema.createIndex('downloads_serial_at').on('downloads').columns(['serial_number', 'at']).execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_at').on('login_attempts').columns(['key', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'login_attempts',
    'downloads',
    'installed_versions',
    'systems',
    'contracts',
    'tokens',
    'accounts',
    'customers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
