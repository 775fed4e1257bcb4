/**
 * Writing to the community: a customer's question, anyone's answer. Each post is checked (the product exists, no
 * control characters), counted against its account's allowance (shared/domain/post-allowance.ts) and stored once
 * per Idempotency-Key: a retry with the same key and body answers with the first post, and is not counted again.
 * The key's lookup, the count and the insert run under one lock per account, so posts sent at once from one account
 * (to several instances, or retried) cannot all pass the same count.
 */
import { sql, type Kysely } from 'kysely';
import type { Account } from '../../shared/contracts/accounts.js';
import type { CommunityThread } from '../../shared/contracts/selfhelp/community.js';
import { postAllowance, POST_WINDOW_SPAN_SECONDS } from '../../shared/domain/post-allowance.js';
import { hasControlCharacter } from '../../shared/domain/post-text.js';
import { HicareError } from '../../shared/errors.js';
import { findAnswerByKey, findQuestionByKey, postTimesSince } from '../db/community.js';
import { insertAnswer, insertQuestion } from '../db/community-writes.js';
import { dialectOf } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { newId, toIso } from '../db/support.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import { customerOf } from '../entitlement/systems.js';
import { bodyFingerprint } from '../requests/idempotency.js';
import { currentThread, loadThread, readerOf } from './views.js';

export interface PostOutcome {
  thread: CommunityThread;
  /** True when the key had been used before and the earlier post came back. */
  replayed: boolean;
}

function refuseControlCharacters(fields: Record<'title' | 'body', string | undefined>): void {
  for (const [field, text] of Object.entries(fields)) {
    if (text !== undefined && hasControlCharacter(text)) {
      throw new HicareError('INVALID_INPUT.communityControlCharacters', { field }, { field });
    }
  }
}

async function checkAllowance(db: Kysely<Database>, account: Account, now: Date): Promise<void> {
  const since = toIso(new Date(now.getTime() - POST_WINDOW_SPAN_SECONDS * 1000));
  const verdict = postAllowance(await postTimesSince(db, account.id, since), now);
  if (verdict.allowed) return;
  const retryAt = verdict.retryAt.toISOString();
  throw new HicareError(
    'RATE_LIMITED.communityPosts',
    { limit: verdict.window.limit, window: verdict.window.id, retryAt },
    { retryAfterSeconds: verdict.retryAfterSeconds, retryAt },
  );
}

/**
 * Runs `post` in a transaction that holds the account's posting lock: on PostgreSQL an advisory lock released with
 * the transaction; SQLite runs one transaction at a time anyway. Everything inside reads through `trx` only.
 */
function underPostLock<T>(db: Kysely<Database>, accountId: string, post: (trx: Kysely<Database>) => Promise<T>) {
  return db.transaction().execute(async (trx) => {
    if (dialectOf(db) === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext(${`community-post:${accountId}`}))`.execute(trx);
    }
    return post(trx);
  });
}

function reusedKey(key: string): HicareError {
  return new HicareError('IDEMPOTENCY_CONFLICT.communityPostReused', {}, { idempotencyKey: key });
}

/** The post this account already made with `key`, or undefined; a different post under the same key is refused. */
function sameKey<T extends { bodyHash: string }>(earlier: T | undefined, key: string | null, fingerprint: string) {
  if (earlier !== undefined && earlier.bodyHash !== fingerprint) throw reusedKey(key ?? '');
  return earlier;
}

export interface Ask {
  title: string;
  body: string;
  product: string;
  version?: string | undefined;
  showCompany: boolean;
}

export async function askQuestion(
  ctx: EntitlementContext,
  account: Account,
  ask: Ask,
  key: string | null,
): Promise<PostOutcome> {
  const reader = readerOf(account);
  const fingerprint = bodyFingerprint(ask);
  const customerId = customerOf(account);
  refuseControlCharacters({ title: ask.title, body: ask.body });
  if ((await ctx.catalog.product(ask.product)).releases.length === 0) {
    throw new HicareError('INVALID_INPUT.communityProduct', { product: ask.product }, { product: ask.product });
  }
  const now = ctx.now();
  const outcome = await underPostLock(ctx.db, account.id, async (trx) => {
    const earlier = sameKey(key === null ? undefined : await findQuestionByKey(trx, account.id, key), key, fingerprint);
    if (earlier !== undefined) return { id: earlier.id, replayed: true };
    await checkAllowance(trx, account, now);
    const id = newId();
    const stored = await insertQuestion(trx, {
      id,
      customerId,
      accountId: account.id,
      idempotencyKey: key,
      bodyHash: fingerprint,
      title: ask.title,
      body: ask.body,
      product: ask.product,
      version: ask.version ?? null,
      showCompany: ask.showCompany,
      createdAt: toIso(now),
    });
    // Under the lock the key was free a moment ago; another account's key never collides with this one's.
    if (!stored) throw reusedKey(key ?? '');
    return { id, replayed: false };
  });
  return { thread: await currentThread(ctx.db, outcome.id, reader), replayed: outcome.replayed };
}

export async function answerQuestion(
  ctx: EntitlementContext,
  account: Account,
  questionId: string,
  answer: { body: string; showCompany: boolean },
  key: string | null,
): Promise<PostOutcome> {
  const reader = readerOf(account);
  // The question is part of what was sent: the same key on another question is a different post.
  const fingerprint = bodyFingerprint({ ...answer, questionId });
  const { question } = await loadThread(ctx.db, questionId, reader);
  refuseControlCharacters({ title: undefined, body: answer.body });
  const now = ctx.now();
  const outcome = await underPostLock(ctx.db, account.id, async (trx) => {
    const earlier = sameKey(key === null ? undefined : await findAnswerByKey(trx, account.id, key), key, fingerprint);
    if (earlier !== undefined) return { questionId: earlier.questionId, replayed: true };
    if (question.hidden !== null) {
      throw new HicareError('ILLEGAL_TRANSITION.communityPostHidden', { post: 'question' }, { id: questionId });
    }
    await checkAllowance(trx, account, now);
    const stored = await insertAnswer(trx, {
      id: newId(),
      questionId,
      accountId: account.id,
      customerId: account.customerId,
      idempotencyKey: key,
      bodyHash: fingerprint,
      body: answer.body,
      // The vendor's staff are named instead; a company choice means nothing for them.
      showCompany: account.customerId !== null && answer.showCompany,
      createdAt: toIso(now),
    });
    if (!stored) throw reusedKey(key ?? '');
    return { questionId, replayed: false };
  });
  return { thread: await currentThread(ctx.db, outcome.questionId, reader), replayed: outcome.replayed };
}
