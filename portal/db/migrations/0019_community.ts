/**
 * The community (DESIGN.md §3.5): customers' questions and everyone's answers. A post keeps its author's account and,
 * for a customer, the customer it spoke for, so the portal can tell who may accept and what another customer may see;
 * what is shown is decided when it is read (shared/domain/community.ts), never stored. Hiding, verifying and accepting
 * are instants on the post rather than rows elsewhere: one post has at most one of each, and the searchable threads
 * are read with no more than a join. Flags are integers (0/1), the one boolean both dialects store alike.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('community_questions')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('idempotency_key', 'text')
    /** SHA-256 of the canonical body, so a key reused for another question is told apart from a retry. */
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('show_company', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_by', 'text', (c) => c.references('accounts.id'))
    // NULL keys are distinct on both dialects, so questions sent without a key never collide.
    .addUniqueConstraint('community_questions_idempotency', ['account_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('community_questions_created').on('community_questions').column('created_at').execute();
  // The rate limit counts an account's recent posts on every ask.
  await db.schema
    .createIndex('community_questions_account_created')
    .on('community_questions')
    .columns(['account_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('community_answers')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull().references('community_questions.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    /** Null for the vendor's staff. */
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('idempotency_key', 'text')
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('show_company', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('accepted_at', 'text')
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_by', 'text', (c) => c.references('accounts.id'))
    .addUniqueConstraint('community_answers_idempotency', ['account_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('community_answers_question').on('community_answers').column('question_id').execute();
  await db.schema
    .createIndex('community_answers_account_created')
    .on('community_answers')
    .columns(['account_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('community_answers').execute();
  await db.schema.dropTable('community_questions').execute();
}
