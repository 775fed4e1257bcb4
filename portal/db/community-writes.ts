/**
 * Changes to the community (migration 0019). Every change to what self-help searches — an answer accepted or
 * verified, a question or such an answer hidden or shown again — raises the knowledge generation in the same
 * transaction, so no portal instance serves an index that disagrees with the database once the change is committed.
 */
import type { Kysely, Transaction } from 'kysely';
import { bumpKbGeneration } from './kb-generation.js';
import type { Database } from './schema.js';
import { isUniqueViolation } from './support.js';

export interface NewQuestion {
  id: string;
  customerId: string;
  accountId: string;
  idempotencyKey: string | null;
  bodyHash: string;
  title: string;
  body: string;
  product: string;
  version: string | null;
  showCompany: boolean;
  createdAt: string;
}

export interface NewAnswer {
  id: string;
  questionId: string;
  accountId: string;
  customerId: string | null;
  idempotencyKey: string | null;
  bodyHash: string;
  body: string;
  showCompany: boolean;
  createdAt: string;
}

/**
 * Stores a post; false when its Idempotency-Key was taken meanwhile by a concurrent retry of the same account, which
 * the caller then answers with the post that won (the key was looked up first, so this is only the race).
 */
async function insertOnce(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export function insertQuestion(db: Kysely<Database>, q: NewQuestion): Promise<boolean> {
  return insertOnce(() =>
    db
      .insertInto('community_questions')
      .values({
        id: q.id,
        customer_id: q.customerId,
        account_id: q.accountId,
        idempotency_key: q.idempotencyKey,
        body_hash: q.bodyHash,
        title: q.title,
        body: q.body,
        product: q.product,
        version: q.version,
        show_company: q.showCompany ? 1 : 0,
        created_at: q.createdAt,
        hidden_at: null,
        hidden_reason: null,
        hidden_by: null,
      })
      .execute(),
  );
}

export function insertAnswer(db: Kysely<Database>, a: NewAnswer): Promise<boolean> {
  return insertOnce(() =>
    db
      .insertInto('community_answers')
      .values({
        id: a.id,
        question_id: a.questionId,
        account_id: a.accountId,
        customer_id: a.customerId,
        idempotency_key: a.idempotencyKey,
        body_hash: a.bodyHash,
        body: a.body,
        show_company: a.showCompany ? 1 : 0,
        created_at: a.createdAt,
        verified_at: null,
        verified_by: null,
        accepted_at: null,
        hidden_at: null,
        hidden_reason: null,
        hidden_by: null,
      })
      .execute(),
  );
}

/** Marks an answer verified; an answer verified before keeps its first verification. */
export async function verifyAnswer(db: Kysely<Database>, answerId: string, by: string, at: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('community_answers')
      .set({ verified_at: at, verified_by: by })
      .where('id', '=', answerId)
      .where('verified_at', 'is', null)
      .executeTakeFirst();
    if (changed.numUpdatedRows > 0n) await bumpKbGeneration(trx);
  });
}

/** Makes `answerId` the question's one accepted answer, taking acceptance from any other. */
export async function acceptAnswer(
  db: Kysely<Database>,
  questionId: string,
  answerId: string,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('community_answers')
      .select('id')
      .where('question_id', '=', questionId)
      .where('accepted_at', 'is not', null)
      .execute();
    if (current.length === 1 && current[0]?.id === answerId) return;
    await trx
      .updateTable('community_answers')
      .set({ accepted_at: null })
      .where('question_id', '=', questionId)
      .where('id', '!=', answerId)
      .execute();
    await trx
      .updateTable('community_answers')
      .set({ accepted_at: at })
      .where('id', '=', answerId)
      .where('accepted_at', 'is', null)
      .execute();
    await bumpKbGeneration(trx);
  });
}

export type PostKind = 'questions' | 'answers';

export interface Visibility {
  /** Null shows the post again. */
  hidden: { at: string; reason: string; by: string } | null;
}

/** Whether search can see a change to this post: any question, an answer only once accepted or verified. */
async function searchSees(trx: Transaction<Database>, kind: PostKind, id: string): Promise<boolean> {
  if (kind === 'questions') return true;
  const row = await trx
    .selectFrom('community_answers')
    .select(['accepted_at', 'verified_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined && (row.accepted_at !== null || row.verified_at !== null);
}

/** Hides a post (a new reason replaces the old one) or shows it again. */
export async function setVisibility(
  db: Kysely<Database>,
  kind: PostKind,
  id: string,
  { hidden }: Visibility,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const table = kind === 'questions' ? 'community_questions' : 'community_answers';
    const values = {
      hidden_at: hidden?.at ?? null,
      hidden_reason: hidden?.reason ?? null,
      hidden_by: hidden?.by ?? null,
    };
    const update = trx.updateTable(table).set(values).where('id', '=', id);
    // Hiding again only rewords why; showing what is shown changes nothing search sees.
    const changed =
      hidden === null
        ? await update.where('hidden_at', 'is not', null).executeTakeFirst()
        : await update.executeTakeFirst();
    if (changed.numUpdatedRows > 0n && (await searchSees(trx, kind, id))) await bumpKbGeneration(trx);
  });
}
