/**
 * Writing to the community: a customer's question, anyone's answer. Each post is checked (the product exists, no
 * control characters), counted against its account's allowance (shared/domain/post-allowance.ts) and stored once
 * per Idempotency-Key: a retry with the same key and body answers with the first post, and is not counted again.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import type { CommunityThread } from '../../shared/contracts/selfhelp/community.js';
import { postAllowance, POST_WINDOW_SPAN_SECONDS } from '../../shared/domain/post-allowance.js';
import { hasControlCharacter } from '../../shared/domain/post-text.js';
import { HicareError } from '../../shared/errors.js';
import { findAnswerByKey, findQuestionByKey, postTimesSince } from '../db/community.js';
import { insertAnswer, insertQuestion } from '../db/community-writes.js';
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

async function checkAllowance(ctx: EntitlementContext, account: Account, now: Date): Promise<void> {
  const since = toIso(new Date(now.getTime() - POST_WINDOW_SPAN_SECONDS * 1000));
  const verdict = postAllowance(await postTimesSince(ctx.db, account.id, since), now);
  if (verdict.allowed) return;
  const retryAt = verdict.retryAt.toISOString();
  throw new HicareError(
    'RATE_LIMITED.communityPosts',
    { limit: verdict.window.limit, window: verdict.window.id, retryAt },
    { retryAfterSeconds: verdict.retryAfterSeconds, retryAt },
  );
}

function reusedKey(key: string): HicareError {
  return new HicareError('IDEMPOTENCY_CONFLICT.communityPostReused', {}, { idempotencyKey: key });
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
  const replay = async (): Promise<PostOutcome | undefined> => {
    const earlier = key === null ? undefined : await findQuestionByKey(ctx.db, account.id, key);
    if (earlier === undefined) return undefined;
    if (earlier.bodyHash !== fingerprint) throw reusedKey(key ?? '');
    return { thread: await currentThread(ctx.db, earlier.id, reader), replayed: true };
  };
  const earlier = await replay();
  if (earlier !== undefined) return earlier;

  const customerId = customerOf(account);
  refuseControlCharacters({ title: ask.title, body: ask.body });
  if ((await ctx.catalog.product(ask.product)).releases.length === 0) {
    throw new HicareError('INVALID_INPUT.communityProduct', { product: ask.product }, { product: ask.product });
  }
  const now = ctx.now();
  await checkAllowance(ctx, account, now);
  const id = newId();
  const stored = await insertQuestion(ctx.db, {
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
  if (!stored) return (await replay()) ?? Promise.reject(reusedKey(key ?? ''));
  return { thread: await currentThread(ctx.db, id, reader), replayed: false };
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
  const replay = async (): Promise<PostOutcome | undefined> => {
    const earlier = key === null ? undefined : await findAnswerByKey(ctx.db, account.id, key);
    if (earlier === undefined) return undefined;
    if (earlier.bodyHash !== fingerprint) throw reusedKey(key ?? '');
    return { thread: await currentThread(ctx.db, earlier.questionId, reader), replayed: true };
  };
  const earlier = await replay();
  if (earlier !== undefined) return earlier;

  const { question } = await loadThread(ctx.db, questionId, reader);
  if (question.hidden !== null) {
    throw new HicareError('ILLEGAL_TRANSITION.communityPostHidden', { post: 'question' }, { id: questionId });
  }
  refuseControlCharacters({ title: undefined, body: answer.body });
  const now = ctx.now();
  await checkAllowance(ctx, account, now);
  const stored = await insertAnswer(ctx.db, {
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
  if (!stored) return (await replay()) ?? Promise.reject(reusedKey(key ?? ''));
  return { thread: await currentThread(ctx.db, questionId, reader), replayed: false };
}
