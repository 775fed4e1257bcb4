/**
 * What the community's API tests share: signed-in demo accounts, posting helpers, and a snapshot of everything the
 * community stores, so every refusal can be checked to have changed nothing.
 */
import { expect } from 'vitest';
import type { CommunityThread } from '../../../shared/contracts/selfhelp/community.js';
import { readKbGeneration } from '../../../portal/db/kb-generation.js';
import { coded, type Reply, type TestPortal } from './harness.js';

export const QUESTIONS = '/api/v1/community/questions';

export interface Snapshot {
  questions: unknown[];
  answers: unknown[];
  generation: number;
}

/** Every stored row of the community and the knowledge generation. */
export async function snapshot(t: TestPortal): Promise<Snapshot> {
  const [questions, answers, generation] = await Promise.all([
    t.portal.db.selectFrom('community_questions').selectAll().orderBy('id').execute(),
    t.portal.db.selectFrom('community_answers').selectAll().orderBy('id').execute(),
    readKbGeneration(t.portal.db),
  ]);
  return { questions, answers, generation };
}

/** A coded refusal with `status`, `code` and (when given) the catalog variant. */
export function expectRefused(reply: Reply, status: number, code: string, variant?: string): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  const body = coded(reply);
  expect(body.code).toBe(code);
  if (variant !== undefined) expect(body.key).toBe(`${code}.${variant}`);
}

export interface AskBody {
  title?: unknown;
  body?: unknown;
  product?: unknown;
  version?: unknown;
  showCompany?: unknown;
}

export function ask(t: TestPortal, token: string, body: AskBody, key?: string): Promise<Reply<CommunityThread>> {
  return t.request<CommunityThread>('POST', QUESTIONS, {
    token,
    body: { title: 'Collector stops at night', body: 'It stops around 02:00.', product: 'cobalt', ...body },
    ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }),
  });
}

export function answer(
  t: TestPortal,
  token: string,
  questionId: string,
  body: Record<string, unknown>,
  key?: string,
): Promise<Reply<CommunityThread>> {
  return t.request<CommunityThread>('POST', `${QUESTIONS}/${questionId}/answers`, {
    token,
    body,
    ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }),
  });
}

/** A fresh question from `token` with one answer from `answerer`: ids of both. */
export async function threadWithAnswer(
  t: TestPortal,
  asker: string,
  answerer: string,
  title = 'A question with one answer',
): Promise<{ questionId: string; answerId: string }> {
  const asked = await ask(t, asker, { title });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const questionId = asked.body.question.id;
  const answered = await answer(t, answerer, questionId, { body: 'Restart the agent after the update.' });
  expect(answered.status, JSON.stringify(answered.body)).toBe(201);
  const answerId = answered.body.answers[0]?.id ?? '';
  return { questionId, answerId };
}

/** Moves the portal's clock past the short posting window, so each test starts with a full allowance. */
export function pastPostingWindow(t: TestPortal): void {
  t.clock.now = new Date(t.clock.now.getTime() + 11 * 60 * 1000);
}
