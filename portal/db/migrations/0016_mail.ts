/**
 * E-mail: the outbox mail waits in until the sender loop hands it to SMTP, the survey and unsubscribe links it
 * carries (only their hashes), and each account's opt-outs per kind. Text and integer columns only, as before.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** What makes this mail one of a kind: a second attempt to queue it (a retried change, a rescan) adds nothing. */
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    /** JSON: what the mail says (request number, contract end…); the text is written when it is sent. */
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    /** Which sender holds it and until when: a sender that dies mid-send loses the row to another after the lease. */
    .addColumn('lease_holder', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addCheckConstraint('mail_outbox_state', sql`state in ('queued', 'sending', 'sent', 'failed')`)
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_created').on('mail_outbox').columns(['created_at', 'id']).execute();
  await db.schema
    .createTable('mail_tokens')
    /** SHA-256 (hex) of the token in the link: a copy of the database opens no survey and unsubscribes nobody. */
    .addColumn('token_hash', 'text', (c) => c.notNull().primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('used_at', 'text')
    .addCheckConstraint('mail_tokens_purpose', sql`purpose in ('survey', 'unsubscribe')`)
    .execute();
  await db.schema
    .createIndex('mail_tokens_outbox')
    .on('mail_tokens')
    .columns(['outbox_id', 'purpose'])
    .unique()
    .execute();
  await db.schema
    .createTable('mail_preferences')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_preferences_pk', ['account_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_preferences').execute();
  await db.schema.dropTable('mail_tokens').execute();
  await db.schema.dropTable('mail_outbox').execute();
}
