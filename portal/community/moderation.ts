/**
 * What is done to existing posts: an engineer verifies an answer, the asker accepts one, a portal administrator
 * hides a post or shows it again. A post the caller may not see is "not found", as when reading it; a hidden post
 * cannot be verified or accepted until it is shown again, so search never learns of it through the back door.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import type { CommunityThread } from '../../shared/contracts/selfhelp/community.js';
import { mayAccept, seesHidden, type PostReader } from '../../shared/domain/post-author.js';
import { HicareError } from '../../shared/errors.js';
import { getAnswer, type AnswerRecord } from '../db/community.js';
import { acceptAnswer, setVisibility, verifyAnswer, type PostKind } from '../db/community-writes.js';
import { toIso } from '../db/support.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import { hasControlCharacter } from '../../shared/domain/post-text.js';
import { answerNotFound, currentThread, loadThread, readerOf, type LoadedThread } from './views.js';

/** The answer and its thread, both visible to `reader`, and neither hidden. */
async function answerToActOn(
  ctx: EntitlementContext,
  answerId: string,
  reader: PostReader,
): Promise<{ answer: AnswerRecord; thread: LoadedThread }> {
  const answer = await getAnswer(ctx.db, answerId);
  if (answer === undefined || (answer.hidden !== null && !seesHidden(reader.role))) throw answerNotFound(answerId);
  const thread = await loadThread(ctx.db, answer.questionId, reader);
  const hidden = thread.question.hidden !== null ? 'question' : answer.hidden !== null ? 'answer' : null;
  if (hidden !== null)
    throw new HicareError('ILLEGAL_TRANSITION.communityPostHidden', { post: hidden }, { id: answerId });
  return { answer, thread };
}

export async function verify(ctx: EntitlementContext, account: Account, answerId: string): Promise<CommunityThread> {
  const reader = readerOf(account);
  const { answer } = await answerToActOn(ctx, answerId, reader);
  await verifyAnswer(ctx.db, answer.id, account.id, toIso(ctx.now()));
  return currentThread(ctx.db, answer.questionId, reader);
}

export async function accept(ctx: EntitlementContext, account: Account, answerId: string): Promise<CommunityThread> {
  const reader = readerOf(account);
  const { answer, thread } = await answerToActOn(ctx, answerId, reader);
  if (!mayAccept(reader, thread.question.accountId)) {
    throw new HicareError('FORBIDDEN.communityAcceptNotAsker', {}, { questionId: answer.questionId });
  }
  await acceptAnswer(ctx.db, answer.questionId, answer.id, toIso(ctx.now()));
  return currentThread(ctx.db, answer.questionId, reader);
}

/** Hides (with a reason) or shows again a question or an answer; answers with the thread it belongs to. */
export async function moderate(
  ctx: EntitlementContext,
  account: Account,
  target: { post: PostKind; id: string },
  reason: string | null,
): Promise<CommunityThread> {
  const reader = readerOf(account);
  if (reason !== null && hasControlCharacter(reason)) {
    throw new HicareError('INVALID_INPUT.communityControlCharacters', { field: 'reason' }, { field: 'reason' });
  }
  const questionId = target.post === 'questions' ? target.id : (await getAnswer(ctx.db, target.id))?.questionId;
  if (questionId === undefined) throw answerNotFound(target.id);
  await loadThread(ctx.db, questionId, reader);
  const hidden = reason === null ? null : { at: toIso(ctx.now()), reason, by: account.id };
  await setVisibility(ctx.db, target.post, target.id, { hidden });
  return currentThread(ctx.db, questionId, reader);
}
