/**
 * Remote-guidance service requests (DESIGN.md §3.4): the requests with their SLA instants and idempotency keys, the
 * per-year counter behind their human numbers, messages, attachment records (the bytes live in the data directory),
 * remote-access grants with their encrypted passwords, the audit of every password read, and the surveys. Only text,
 * integer and bigint columns, as in 0001; allowed values are written out so the migration keeps its meaning.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_numbers')
    .addColumn('year', 'integer', (c) => c.notNull().primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('idempotency_key', 'text')
    /** SHA-256 of the canonical body, so a key reused for a different request is told apart from a retry. */
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('fault_description', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('alarms', 'text', (c) => c.notNull())
    .addColumn('performance_measurements', 'text')
    .addColumn('operation_records', 'text', (c) => c.notNull())
    .addColumn('install_failure', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('assigned_engineer_id', 'text', (c) => c.references('accounts.id'))
    /** An account id, or 'system' when the auto-accept policy accepted it. */
    .addColumn('accepted_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('first_contact_at', 'text')
    .addColumn('confirmed_at', 'text')
    /** When the request ended, closed or cancelled. */
    .addColumn('ended_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    /** Bumped for every message, attachment and grant: gives them a stable order even within one instant. */
    .addColumn('activity_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('requests_priority', sql`priority in ('P1', 'P2', 'P3', 'P4')`)
    .addCheckConstraint(
      'requests_state',
      sql`state in ('submitted', 'accepted', 'in-progress', 'awaiting-customer', 'solution-proposed', 'confirmed', 'closed', 'cancelled')`,
    )
    // Both dialects treat NULLs as distinct here, so requests sent without a key never collide.
    .addUniqueConstraint('requests_idempotency', ['created_by', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('requests_customer_submitted')
    .on('requests')
    .columns(['customer_id', 'submitted_at'])
    .execute();
  await db.schema.createIndex('requests_state').on('requests').column('state').execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('messages_request_seq', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('uploader_role', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('attachments_request_seq', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('grants')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    /** AES-256-GCM under the key file in the data directory; never the password itself. */
    .addColumn('password_cipher', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    /** An account id, or 'system' when closing the request revoked it. */
    .addColumn('revoked_by', 'text')
    .addCheckConstraint('grants_channel', sql`channel in ('ssh', 'rdp', 'vpn', 'web', 'other')`)
    .addCheckConstraint('grants_scope', sql`scope in ('view', 'diagnose', 'repair')`)
    .addUniqueConstraint('grants_request_seq', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('grant_reads')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('grant_id', 'text', (c) => c.notNull().references('grants.id'))
    // No cascade: the audit outlives whatever happens to the account (accounts are disabled, not deleted).
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    /** 'read', or why it was refused: 'not-assigned', 'expired', 'revoked'. */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grant_reads_grant_at').on('grant_reads').columns(['grant_id', 'at']).execute();

  await db.schema
    .createTable('surveys')
    // The primary key is what makes "one survey per request" hold under concurrent answers.
    .addColumn('request_id', 'text', (c) => c.notNull().primaryKey().references('requests.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addCheckConstraint('surveys_rating', sql`rating between 1 and 5`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['surveys', 'grant_reads', 'grants', 'attachments', 'messages', 'requests', 'request_numbers']) {
    await db.schema.dropTable(table).execute();
  }
}
