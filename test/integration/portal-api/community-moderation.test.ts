/**
 * The community's moderation over HTTP, on SQLite and PostgreSQL: the asker accepts, engineers verify, portal
 * administrators hide and show again; what search may quote follows each change, and every refusal is coded and
 * changes nothing (not even the knowledge generation).
 */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import type { CommunityQuestion, CommunityThread } from '../../../shared/contracts/selfhelp/community.js';
import { listSearchableThreads } from '../../../portal/db/community.js';
import { readKbGeneration } from '../../../portal/db/kb-generation.js';
import { CG_ADMIN, CG_IT, describePortal, ENGINEER, NW_ADMIN, NW_IT, PORTAL_ADMIN } from './harness.js';
import {
  answer,
  expectRefused,
  pastPostingWindow,
  QUESTIONS,
  snapshot,
  threadWithAnswer,
} from './community-support.js';

describePortal('community: accepting, verifying and hiding', (t) => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const email of [NW_ADMIN, NW_IT, CG_ADMIN, CG_IT, ENGINEER, PORTAL_ADMIN]) {
      tokens[email] = await t.signIn(email);
    }
  });
  beforeEach(() => pastPostingWindow(t));
  const token = (email: string) => tokens[email] ?? '';
  const post = (as: string, path: string, body?: unknown) =>
    t.request<CommunityThread>('POST', `/api/v1/community${path}`, {
      token: token(as),
      ...(body === undefined ? {} : { body }),
    });
  const thread = (as: string, id: string) =>
    t.request<CommunityThread>('GET', `${QUESTIONS}/${id}`, { token: token(as) });
  const generation = () => readKbGeneration(t.portal.db);
  const searchable = async (id: string) => (await listSearchableThreads(t.portal.db)).find((s) => s.id === id);

  it('lets only the asker accept, one answer at a time, and search then quotes it', async () => {
    const { questionId, answerId } = await threadWithAnswer(t, token(NW_ADMIN), token(CG_IT));
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    const second = (await answer(t, token(ENGINEER), questionId, { body: 'Or update to 4.2.1.' })).body.answers;
    const otherId = second.find((a) => a.id !== answerId)?.id ?? '';
    expect(await searchable(questionId)).toBeUndefined();

    const before = await snapshot(t);
    expectRefused(await post(NW_IT, `/answers/${answerId}/accept`), 403, 'FORBIDDEN', 'communityAcceptNotAsker');
    expectRefused(await post(CG_ADMIN, `/answers/${answerId}/accept`), 403, 'FORBIDDEN', 'communityAcceptNotAsker');
    expectRefused(await post(ENGINEER, `/answers/${answerId}/accept`), 403, 'FORBIDDEN');
    expectRefused(await post(NW_ADMIN, '/answers/no-such-answer/accept'), 404, 'NOT_FOUND', 'communityAnswer');
    expect(await snapshot(t)).toEqual(before);

    const accepted = await post(NW_ADMIN, `/answers/${answerId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.question.state).toBe('accepted');
    expect(accepted.body.answers.map((a) => [a.id, a.accepted])).toEqual([
      [answerId, true],
      [otherId, false],
    ]);
    expect(await generation()).toBe(before.generation + 1);
    expect((await searchable(questionId))?.answers).toEqual([
      { id: answerId, body: 'Restart the agent after the update.', accepted: true, verified: false },
    ]);

    const moved = await post(NW_ADMIN, `/answers/${otherId}/accept`);
    expect(moved.body.answers.map((a) => [a.id, a.accepted])).toEqual([
      [otherId, true],
      [answerId, false],
    ]);
    expect(await generation()).toBe(before.generation + 2);
    // Accepting it again changes nothing search sees.
    expect((await post(NW_ADMIN, `/answers/${otherId}/accept`)).status).toBe(200);
    expect(await generation()).toBe(before.generation + 2);
  });

  it('lets engineers and portal admins verify, not customers, keeping the first verification', async () => {
    const { questionId, answerId } = await threadWithAnswer(t, token(CG_ADMIN), token(NW_IT));
    const before = await snapshot(t);
    for (const customer of [CG_ADMIN, NW_IT, CG_IT]) {
      expectRefused(await post(customer, `/answers/${answerId}/verify`), 403, 'FORBIDDEN');
    }
    expect(await snapshot(t)).toEqual(before);

    const verifiedAt = t.clock.now.toISOString();
    const verified = await post(ENGINEER, `/answers/${answerId}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body.answers[0]?.verified).toEqual({ at: verifiedAt, by: 'TAC engineer' });
    expect(verified.body.question.state).toBe('answered');
    expect(await generation()).toBe(before.generation + 1);
    expect((await searchable(questionId))?.answers.map((a) => a.verified)).toEqual([true]);

    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    const again = await post(PORTAL_ADMIN, `/answers/${answerId}/verify`);
    expect(again.body.answers[0]?.verified).toEqual({ at: verifiedAt, by: 'TAC engineer' });
    expect(await generation()).toBe(before.generation + 1);
    // Customers read who verified it.
    expect((await thread(CG_ADMIN, questionId)).body.answers[0]?.verified?.by).toBe('TAC engineer');
  });

  it('hides a question from everyone but portal admins, and shows it again', async () => {
    const { questionId, answerId } = await threadWithAnswer(t, token(NW_ADMIN), token(ENGINEER), 'Spam?');
    await post(ENGINEER, `/answers/${answerId}/verify`);
    expect(await searchable(questionId)).toBeDefined();

    const before = await snapshot(t);
    for (const who of [ENGINEER, NW_ADMIN, CG_IT]) {
      expectRefused(await post(who, `/questions/${questionId}/hide`, { reason: 'Off topic' }), 403, 'FORBIDDEN');
      expectRefused(await post(who, `/questions/${questionId}/unhide`), 403, 'FORBIDDEN');
    }
    expectRefused(await post(PORTAL_ADMIN, `/questions/${questionId}/hide`, { reason: '  ' }), 400, 'INVALID_INPUT');
    expectRefused(await post(PORTAL_ADMIN, `/questions/${questionId}/hide`, {}), 400, 'INVALID_INPUT');
    expectRefused(
      await post(PORTAL_ADMIN, `/questions/${questionId}/hide`, { reason: 'spam\u001b' }),
      400,
      'INVALID_INPUT',
      'communityControlCharacters',
    );
    expectRefused(await post(PORTAL_ADMIN, '/questions/nope/hide', { reason: 'x' }), 404, 'NOT_FOUND');
    expectRefused(await post(PORTAL_ADMIN, '/answers/nope/hide', { reason: 'x' }), 404, 'NOT_FOUND');
    expect(await snapshot(t)).toEqual(before);

    const hiddenAt = t.clock.now.toISOString();
    const hidden = await post(PORTAL_ADMIN, `/questions/${questionId}/hide`, { reason: 'Advertising' });
    expect(hidden.status).toBe(200);
    expect(hidden.body.question.hidden).toEqual({ at: hiddenAt, reason: 'Advertising' });
    expect(await generation()).toBe(before.generation + 1);
    expect(await searchable(questionId)).toBeUndefined();

    for (const who of [NW_ADMIN, CG_IT, ENGINEER]) {
      expectRefused(await thread(who, questionId), 404, 'NOT_FOUND', 'communityQuestion');
      const listed = await t.request<Page<CommunityQuestion>>('GET', `${QUESTIONS}?limit=200`, { token: token(who) });
      expect(listed.body.items.map((q) => q.id)).not.toContain(questionId);
    }
    const snapshotHidden = await snapshot(t);
    expectRefused(await answer(t, token(CG_IT), questionId, { body: 'Hello?' }), 404, 'NOT_FOUND');
    expectRefused(await post(NW_ADMIN, `/answers/${answerId}/accept`), 404, 'NOT_FOUND');
    expectRefused(await post(ENGINEER, `/answers/${answerId}/verify`), 404, 'NOT_FOUND');
    expectRefused(await answer(t, token(ENGINEER), questionId, { body: 'Hello?' }), 404, 'NOT_FOUND');
    expectRefused(
      await post(PORTAL_ADMIN, `/answers/${answerId}/verify`),
      409,
      'ILLEGAL_TRANSITION',
      'communityPostHidden',
    );
    expect(await snapshot(t)).toEqual(snapshotHidden);
    const adminList = await t.request<Page<CommunityQuestion>>('GET', `${QUESTIONS}?limit=200`, {
      token: token(PORTAL_ADMIN),
    });
    expect(adminList.body.items.find((q) => q.id === questionId)?.hidden?.reason).toBe('Advertising');

    const shown = await post(PORTAL_ADMIN, `/questions/${questionId}/unhide`);
    expect(shown.body.question.hidden).toBeNull();
    expect(await generation()).toBe(before.generation + 2);
    expect((await thread(CG_IT, questionId)).status).toBe(200);
    expect(await searchable(questionId)).toBeDefined();
  });

  it('leaves a hidden answer out for everyone but portal admins, and out of the question’s state', async () => {
    const { questionId, answerId } = await threadWithAnswer(t, token(CG_IT), token(NW_IT), 'Hidden answer');
    await post(CG_IT, `/answers/${answerId}/accept`);
    const before = await generation();

    const hidden = await post(PORTAL_ADMIN, `/answers/${answerId}/hide`, { reason: 'Contains a password' });
    expect(hidden.body.answers[0]?.hidden?.reason).toBe('Contains a password');
    // An accepted answer was searchable: hiding it changes what search sees.
    expect(await generation()).toBe(before + 1);
    expect(await searchable(questionId)).toBeUndefined();

    for (const who of [CG_IT, NW_IT, ENGINEER]) {
      const seen = (await thread(who, questionId)).body;
      expect(seen.answers).toEqual([]);
      expect(seen.question).toMatchObject({ state: 'open', answers: 0 });
      expect(JSON.stringify(seen)).not.toContain('Restart the agent');
    }
    expectRefused(await post(CG_IT, `/answers/${answerId}/accept`), 404, 'NOT_FOUND', 'communityAnswer');
    expectRefused(await post(ENGINEER, `/answers/${answerId}/verify`), 404, 'NOT_FOUND', 'communityAnswer');

    await post(PORTAL_ADMIN, `/answers/${answerId}/unhide`);
    expect(await generation()).toBe(before + 2);
    expect((await thread(CG_IT, questionId)).body.question.state).toBe('accepted');

    // Hiding an answer nobody accepted or verified changes nothing search sees.
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    const plain = (await answer(t, token(CG_ADMIN), questionId, { body: 'Me too' })).body.answers;
    const plainId = plain.find((a) => a.id !== answerId)?.id ?? '';
    await post(PORTAL_ADMIN, `/answers/${plainId}/hide`, { reason: 'Not an answer' });
    expect(await generation()).toBe(before + 2);
  });
});
