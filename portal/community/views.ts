/**
 * Community posts as one reader sees them. Every reply of the community's routes is built here, so the author rule
 * (shared/domain/post-author.ts) and the hiding rule are applied in one place: a hidden question is "not found" and
 * a hidden answer left out for anyone who may not see hidden posts.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import type { CommunityAnswer, CommunityQuestion, CommunityThread } from '../../shared/contracts/selfhelp/community.js';
import { compareAnswers, questionState, stateOf } from '../../shared/domain/community-thread.js';
import { postAuthorView, seesHidden, type PostReader } from '../../shared/domain/post-author.js';
import { HicareError } from '../../shared/errors.js';
import { getQuestion, listAnswers, type AnswerRecord, type QuestionRecord } from '../db/community.js';
import type { Database } from '../db/schema.js';
import type { Kysely } from 'kysely';

export function readerOf(account: Account): PostReader {
  return { accountId: account.id, role: account.role, customerId: account.customerId };
}

export function questionNotFound(id: string): HicareError {
  return new HicareError('NOT_FOUND.communityQuestion', { id }, { id });
}

export function answerNotFound(id: string): HicareError {
  return new HicareError('NOT_FOUND.communityAnswer', { id }, { id });
}

function writerOf(post: QuestionRecord | AnswerRecord) {
  return {
    accountId: post.accountId,
    customerId: post.customerId,
    customerName: post.customerName,
    accountName: post.accountName,
    showCompany: post.showCompany,
  };
}

/** The question as listed: `answers` and `state` count only what every reader sees. */
export function questionView(
  q: QuestionRecord,
  standing: { answers: number; accepted: boolean },
  reader: PostReader,
): CommunityQuestion {
  return {
    id: q.id,
    title: q.title,
    body: q.body,
    product: q.product,
    version: q.version,
    author: postAuthorView(writerOf(q), reader),
    createdAt: q.createdAt,
    state: stateOf(standing.answers, standing.accepted),
    answers: standing.answers,
    hidden: seesHidden(reader.role) ? q.hidden : null,
  };
}

function answerView(a: AnswerRecord, reader: PostReader): CommunityAnswer {
  return {
    id: a.id,
    questionId: a.questionId,
    body: a.body,
    author: postAuthorView(writerOf(a), reader),
    createdAt: a.createdAt,
    verified: a.verified,
    accepted: a.acceptedAt !== null,
    hidden: seesHidden(reader.role) ? a.hidden : null,
  };
}

export interface LoadedThread {
  question: QuestionRecord;
  answers: AnswerRecord[];
}

/** The question and all its answers, or NOT_FOUND when `reader` may not see it. */
export async function loadThread(db: Kysely<Database>, id: string, reader: PostReader): Promise<LoadedThread> {
  const question = await getQuestion(db, id);
  if (question === undefined || (question.hidden !== null && !seesHidden(reader.role))) throw questionNotFound(id);
  return { question, answers: await listAnswers(db, id) };
}

export function threadView({ question, answers }: LoadedThread, reader: PostReader): CommunityThread {
  const standings = answers.map((a) => ({
    answer: a,
    accepted: a.acceptedAt !== null,
    verified: a.verified !== null,
    hidden: a.hidden !== null,
    createdAt: a.createdAt,
  }));
  const state = questionState(standings);
  const shown = standings.filter((s) => !s.hidden || seesHidden(reader.role)).sort(compareAnswers);
  return {
    question: questionView(
      question,
      { answers: standings.filter((s) => !s.hidden).length, accepted: state === 'accepted' },
      reader,
    ),
    answers: shown.map((s) => answerView(s.answer, reader)),
  };
}

export async function currentThread(db: Kysely<Database>, id: string, reader: PostReader): Promise<CommunityThread> {
  return threadView(await loadThread(db, id, reader), reader);
}
