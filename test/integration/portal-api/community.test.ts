/**
 * The community over HTTP, on SQLite and PostgreSQL: asking and answering, what one customer learns about another,
 * the rate limit, retries with an Idempotency-Key, and every refused post — coded, and with nothing stored.
 */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { Account } from '../../../shared/contracts/accounts.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import type { CommunityQuestion, CommunityThread } from '../../../shared/contracts/selfhelp/community.js';
import { DEMO_THREADS } from '../../../portal/demo/community.js';
import { CG_ADMIN, CG_IT, describePortal, ENGINEER, NW_ADMIN, NW_IT, PORTAL_ADMIN, SEED_TIME } from './harness.js';
import { answer, ask, expectRefused, pastPostingWindow, QUESTIONS, snapshot } from './community-support.js';

describePortal('community: asking and answering', (t) => {
  const tokens: Record<string, string> = {};
  const me: Record<string, Account> = {};

  beforeAll(async () => {
    for (const email of [NW_ADMIN, NW_IT, CG_ADMIN, CG_IT, ENGINEER, PORTAL_ADMIN]) {
      tokens[email] = await t.signIn(email);
      me[email] = (await t.request<Account>('GET', '/api/v1/me', { token: tokens[email] })).body;
    }
  });
  beforeEach(() => pastPostingWindow(t));
  const token = (email: string) => tokens[email] ?? '';
  const list = async (as: string, query = '') =>
    t.request<Page<CommunityQuestion>>('GET', `${QUESTIONS}${query}`, { token: token(as) });
  const thread = async (as: string, id: string) =>
    t.request<CommunityThread>('GET', `${QUESTIONS}/${id}`, { token: token(as) });

  it('takes a question and its answers, and says how far it has come', async () => {
    const asked = await ask(t, token(NW_ADMIN), {
      title: 'Cobalt agent uses 100% CPU after 4.2.0',
      body: 'Since the update the agent **spins** on one core.',
      version: '4.2.0',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const { question } = asked.body;
    expect(question).toMatchObject({
      title: 'Cobalt agent uses 100% CPU after 4.2.0',
      product: 'cobalt',
      version: '4.2.0',
      state: 'open',
      answers: 0,
      hidden: null,
      author: { kind: 'customer', company: 'Northwind Utilities', companyShown: false, name: null, mine: true },
    });
    expect(question.createdAt).toBe(t.clock.now.toISOString());
    expect(asked.body.answers).toEqual([]);

    const byCustomer = await answer(t, token(CG_IT), question.id, { body: 'Lower the sampling rate.' });
    expect(byCustomer.status).toBe(201);
    expect(byCustomer.body.question).toMatchObject({ state: 'answered', answers: 1 });
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    // A company choice means nothing for the vendor's own staff, who are named instead.
    const byEngineer = await answer(t, token(ENGINEER), question.id, { body: 'Update to 4.2.1.', showCompany: true });
    expect(byEngineer.status).toBe(201);
    expect(byEngineer.body.answers.map((a) => a.author)).toEqual([
      { kind: 'customer', company: 'Contoso Grid', companyShown: false, name: null, mine: false },
      { kind: 'vendor', company: null, companyShown: false, name: 'TAC engineer', mine: true },
    ]);
    expect((await thread(CG_IT, question.id)).body.answers.map((a) => a.author.mine)).toEqual([true, false]);
  });

  it('never tells one customer who at another customer wrote a post, in any field', async () => {
    const asked = await ask(t, token(NW_ADMIN), { title: 'Which ports does Atlas need?', product: 'atlas' });
    const id = asked.body.question.id;
    await answer(t, token(NW_IT), id, { body: 'We opened 8443 only.' });
    const northwind = [me[NW_ADMIN], me[NW_IT]].flatMap((a) => [a?.id, a?.name, a?.email]);
    const secrets = ['northwind', 'Northwind', ...northwind].filter((s): s is string => typeof s === 'string');
    expect(secrets.length).toBe(8);
    const replies = [
      await thread(CG_ADMIN, id),
      await thread(CG_IT, id),
      await list(CG_ADMIN),
      await list(CG_ADMIN, '?q=ports'),
      await answer(t, token(CG_ADMIN), id, { body: 'Also 5432 for the database.' }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBeLessThan(300);
      const text = reply.bytes.toString('utf8');
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    // The vendor's staff see the company, still not the person.
    const asEngineer = (await thread(ENGINEER, id)).body;
    expect(asEngineer.question.author).toMatchObject({ company: 'Northwind Utilities', name: null });
    expect(JSON.stringify(asEngineer)).not.toContain(me[NW_ADMIN]?.email ?? '?');
  });

  it('shows the company to other customers when its author chose to', async () => {
    const asked = await ask(t, token(CG_ADMIN), { title: 'Beacon on two sites', product: 'beacon', showCompany: true });
    const seen = (await thread(NW_IT, asked.body.question.id)).body.question.author;
    expect(seen).toEqual({ kind: 'customer', company: 'Contoso Grid', companyShown: true, name: null, mine: false });
  });

  it('lists newest first, by product, state, text and the reader’s own questions', async () => {
    const all = (await list(CG_IT, '?limit=200')).body;
    expect(all.total).toBe(all.items.length);
    const stamps = all.items.map((q) => q.createdAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    const atlas = (await list(CG_IT, '?product=atlas&limit=200')).body.items;
    expect(atlas.length).toBeGreaterThan(0);
    expect(atlas.every((q) => q.product === 'atlas')).toBe(true);
    for (const state of ['open', 'answered', 'accepted'] as const) {
      const found = (await list(CG_IT, `?state=${state}&limit=200`)).body.items;
      expect(found.length, state).toBeGreaterThan(0);
      expect(found.every((q) => q.state === state)).toBe(true);
    }
    const chinese = (await list(CG_IT, `?q=${encodeURIComponent('数据库连接超时')}`)).body.items;
    expect(chinese.map((q) => q.title)).toEqual(['升级失败：数据库连接超时']);
    const mine = (await list(CG_IT, '?mine=true&limit=200')).body.items;
    expect(mine.length).toBe(DEMO_THREADS.filter((d) => d.by === CG_IT).length);
    expect(mine.every((q) => q.author.mine)).toBe(true);
    const page = (await list(CG_IT, '?offset=1&limit=2')).body;
    expect(page.items.map((q) => q.id)).toEqual(all.items.slice(1, 3).map((q) => q.id));
  });

  it('refuses a search that is too long or carries control characters', async () => {
    expectRefused(await list(CG_IT, `?q=${'a'.repeat(201)}`), 400, 'INVALID_INPUT');
    expectRefused(await list(CG_IT, '?q=a%00b'), 400, 'INVALID_INPUT', 'communityControlCharacters');
    expectRefused(await list(CG_IT, '?state=closed'), 400, 'INVALID_INPUT');
    expectRefused(await list(CG_IT, '?product=Not%20A%20Product'), 400, 'INVALID_INPUT');
    expect((await list(CG_IT, `?q=${encodeURIComponent('%_\\')}`)).body.items).toEqual([]);
  });

  it('seeds demo threads before the seed time, some accepted and verified by the engineer', async () => {
    const all = (await list(PORTAL_ADMIN, '?limit=200')).body.items;
    const demo = all.filter((q) => DEMO_THREADS.some((d) => d.title === q.title));
    expect(demo.length).toBe(DEMO_THREADS.length);
    expect(demo.every((q) => q.createdAt < SEED_TIME.toISOString())).toBe(true);
    const accepted = demo.find((q) => q.title === 'Cobalt 4.2.1 update stops with exit code 3');
    const full = (await thread(NW_ADMIN, accepted?.id ?? '')).body;
    expect(full.answers[0]).toMatchObject({ accepted: true, verified: { by: 'TAC engineer' } });
  });

  it('answers a retried question or answer with the first post, and refuses a key reused for another', async () => {
    const before = await snapshot(t);
    const first = await ask(t, token(CG_IT), { title: 'Retried question' }, 'retry-1');
    const again = await ask(t, token(CG_IT), { title: 'Retried question' }, 'retry-1');
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.question.id).toBe(first.body.question.id);
    const afterQuestion = await snapshot(t);
    expect(afterQuestion.questions.length).toBe(before.questions.length + 1);
    expectRefused(await ask(t, token(CG_IT), { title: 'Another' }, 'retry-1'), 409, 'IDEMPOTENCY_CONFLICT');

    const id = first.body.question.id;
    const a1 = await answer(t, token(ENGINEER), id, { body: 'Once.' }, 'retry-2');
    const a2 = await answer(t, token(ENGINEER), id, { body: 'Once.' }, 'retry-2');
    expect([a1.status, a2.status]).toEqual([201, 200]);
    expect(a2.body.answers).toHaveLength(1);
    expectRefused(await answer(t, token(ENGINEER), id, { body: 'Twice.' }, 'retry-2'), 409, 'IDEMPOTENCY_CONFLICT');
    const after = await snapshot(t);
    expect(after.answers.length).toBe(before.answers.length + 1);
    expect(after.questions).toEqual(afterQuestion.questions);
  });

  it('stores one post when the same retry arrives several times at once', async () => {
    const before = await snapshot(t);
    const replies = await Promise.all(
      [1, 2, 3].map(() => ask(t, token(NW_ADMIN), { title: 'Sent on a flaky line' }, 'flaky-line')),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.question.id)).size).toBe(1);
    expect((await snapshot(t)).questions.length).toBe(before.questions.length + 1);
  });

  it('refuses bad questions and answers with a coded error, storing nothing', async () => {
    const open = (await ask(t, token(NW_ADMIN), { title: 'To be answered badly' })).body.question.id;
    pastPostingWindow(t);
    const before = await snapshot(t);
    const cases: [string, () => ReturnType<typeof ask>, number, string, string?][] = [
      [
        'an unknown product',
        () => ask(t, token(NW_ADMIN), { product: 'zeppelin' }),
        400,
        'INVALID_INPUT',
        'communityProduct',
      ],
      ['a blank title', () => ask(t, token(NW_ADMIN), { title: '   ' }), 400, 'INVALID_INPUT'],
      ['a blank body', () => ask(t, token(NW_ADMIN), { body: '\n\t ' }), 400, 'INVALID_INPUT'],
      ['a title too long', () => ask(t, token(NW_ADMIN), { title: 'x'.repeat(201) }), 400, 'INVALID_INPUT'],
      ['a body too long', () => ask(t, token(NW_ADMIN), { body: 'x'.repeat(20_001) }), 400, 'INVALID_INPUT'],
      [
        'a NUL in the body',
        () => ask(t, token(NW_ADMIN), { body: 'a\u0000b' }),
        400,
        'INVALID_INPUT',
        'communityControlCharacters',
      ],
      [
        'an escape in the title',
        () => ask(t, token(NW_ADMIN), { title: 'red \u001b[31m' }),
        400,
        'INVALID_INPUT',
        'communityControlCharacters',
      ],
      ['an unknown field', () => ask(t, token(NW_ADMIN), { customerId: 'contoso' } as never), 400, 'INVALID_INPUT'],
      ['a question from an engineer', () => ask(t, token(ENGINEER), {}), 403, 'FORBIDDEN'],
      ['a question with no token', () => ask(t, '', {}), 401, 'UNAUTHENTICATED'],
      ['a blank answer', () => answer(t, token(CG_IT), open, { body: ' ' }), 400, 'INVALID_INPUT'],
      ['an answer too long', () => answer(t, token(CG_IT), open, { body: 'y'.repeat(20_001) }), 400, 'INVALID_INPUT'],
      [
        'an answer with a bell',
        () => answer(t, token(CG_IT), open, { body: 'ding\u0007' }),
        400,
        'INVALID_INPUT',
        'communityControlCharacters',
      ],
      [
        'an answer to no question',
        () => answer(t, token(CG_IT), 'no-such-question', { body: 'Hi' }),
        404,
        'NOT_FOUND',
        'communityQuestion',
      ],
    ];
    for (const [name, send, status, code, variant] of cases) {
      const reply = await send();
      expect(reply.status, name).toBe(status);
      expectRefused(reply, status, code, variant);
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a flood of posts from one account, saying when to try again, and stores none of it', async () => {
    const first = await ask(t, token(CG_ADMIN), { title: 'Flood 1' });
    expect(first.status).toBe(201);
    for (let i = 2; i <= 4; i++) expect((await ask(t, token(CG_ADMIN), { title: `Flood ${i}` })).status).toBe(201);
    // Answers count too.
    expect((await answer(t, token(CG_ADMIN), first.body.question.id, { body: 'Flood 5' })).status).toBe(201);
    const before = await snapshot(t);
    const refused = await ask(t, token(CG_ADMIN), { title: 'Flood 6' });
    expectRefused(refused, 429, 'RATE_LIMITED', 'communityPosts');
    expect(refused.headers.get('retry-after')).toBe('600');
    expect((refused.body as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds).toBe(600);
    expectRefused(await answer(t, token(CG_ADMIN), first.body.question.id, { body: 'x' }), 429, 'RATE_LIMITED');
    // Another account of the same customer has its own allowance.
    expect((await answer(t, token(CG_IT), first.body.question.id, { body: 'Not me' })).status).toBe(201);
    const after = await snapshot(t);
    expect(after.questions).toEqual(before.questions);
    expect(after.answers.length).toBe(before.answers.length + 1);
    t.clock.now = new Date(t.clock.now.getTime() + 600_000);
    expect((await ask(t, token(CG_ADMIN), { title: 'After the wait' })).status).toBe(201);
  });

  it('keeps to the allowance when one account sends many posts at once', async () => {
    const before = await snapshot(t);
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ask(t, token(NW_IT), { title: `All at once ${i + 1}` })),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    expect((await snapshot(t)).questions.length).toBe(before.questions.length + 5);
  });

  it('refuses posts by an account the vendor disabled, storing nothing', async () => {
    const open = (await ask(t, token(NW_ADMIN), { title: 'Before the disabling' })).body.question.id;
    const disabled = await t.request('POST', `/api/v1/admin/accounts/${me[NW_IT]?.id ?? ''}/disable`, {
      token: token(PORTAL_ADMIN),
    });
    expect(disabled.status).toBe(200);
    const before = await snapshot(t);
    expectRefused(await ask(t, token(NW_IT), {}), 401, 'UNAUTHENTICATED');
    expectRefused(await answer(t, token(NW_IT), open, { body: 'Still here?' }), 401, 'UNAUTHENTICATED');
    expect(await snapshot(t)).toEqual(before);
  });
});
