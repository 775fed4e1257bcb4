/**
 * Articles in the back office: only a portal administrator writes them; a draft and every later revision stay out of
 * readers' sight until published; a save over someone else's newer revision is refused and writes nothing; a
 * withdrawn article's link answers with the reason until the article is published again; every change is audited
 * and every change readers notice raises the knowledge generation.
 */
import { expect, it } from 'vitest';
import type { AdminArticle } from '../../../shared/contracts/admin/articles.js';
import type { AuditEntry } from '../../../shared/contracts/admin/audit.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import type { KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import { listArticles, publishedArticle } from '../../../portal/db/articles.js';
import { readKbGeneration } from '../../../portal/db/kb-generation.js';
import { coded, describePortal, ENGINEER, NW_ADMIN, PORTAL_ADMIN, type TestPortal } from '../portal-api/harness.js';

type Row = AdminArticle['row'];

const DRAFT = {
  kind: 'known-issue',
  product: 'cobalt',
  versions: '^4',
  locale: 'en',
  title: 'Agent service does not stop before upgrade',
  body: '# Symptom\n\nThe installer exits with code 4.\n',
  signatures: [{ exitCodes: [4], logContains: 'service still running' }],
  note: 'First draft',
};

/** Everything a refused change could have touched. */
async function snapshot(t: TestPortal): Promise<unknown> {
  const db = t.portal.db;
  return {
    articles: await db.selectFrom('articles').selectAll().orderBy('id').execute(),
    revisions: await db.selectFrom('article_revisions').selectAll().orderBy('article_id').orderBy('revision').execute(),
    audit: (
      await db
        .selectFrom('admin_audit')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    generation: await readKbGeneration(db),
  };
}

describePortal('articles in the back office', (t) => {
  const admin = (): Promise<string> => t.signIn(PORTAL_ADMIN);
  const send = async <T = AdminArticle>(method: string, path: string, body?: unknown, lang = 'en') =>
    t.request<T>(method, `/api/v1/admin/articles${path}`, {
      token: await admin(),
      body,
      headers: { 'accept-language': lang },
    });
  const auditOf = async (id: string): Promise<AuditEntry[]> =>
    (
      await t.request<Page<AuditEntry>>('GET', `/api/v1/admin/audit?subject=article&subjectId=${id}&limit=200`, {
        token: await admin(),
      })
    ).body.items;
  const readerSees = async (id: string): Promise<KnowledgeArticle | undefined> =>
    (await listArticles(t.portal.db)).find((a) => a.id === id);

  it('refuses customers and engineers, in plain words, and changes nothing', async () => {
    const before = await snapshot(t);
    for (const email of [NW_ADMIN, ENGINEER]) {
      const token = await t.signIn(email);
      for (const [method, path, body] of [
        ['GET', '/api/v1/admin/articles', undefined],
        ['GET', '/api/v1/admin/articles/beacon-2-disk-space', undefined],
        ['GET', '/api/v1/admin/articles/beacon-2-disk-space/revisions/1', undefined],
        ['POST', '/api/v1/admin/articles', { ...DRAFT, id: 'sneaky' }],
        ['PUT', '/api/v1/admin/articles/beacon-2-disk-space', { ...DRAFT, baseRevision: 1 }],
        ['POST', '/api/v1/admin/articles/beacon-2-disk-space/publish', {}],
        ['POST', '/api/v1/admin/articles/beacon-2-disk-space/withdraw', { reason: 'no' }],
      ] as const) {
        const reply = await t.request(method, path, { token, body });
        expect(reply.status, `${email} ${method} ${path}`).toBe(403);
        const error = coded(reply);
        expect(error.code).toBe('FORBIDDEN');
        expect(error.message + error.remedy).not.toMatch(/portal-admin|customer-admin|it-staff/);
      }
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it('lists the demo’s articles as published first revisions, searchable and filtered', async () => {
    const all = await send<Page<Row>>('GET', '?limit=200');
    expect(all.status).toBe(200);
    const published = await listArticles(t.portal.db);
    expect(all.body.total).toBe(published.length);
    expect(all.body.items.map((r) => r.id)).toEqual(published.map((a) => a.id));
    expect(all.body.items.every((r) => r.state === 'published' && r.revision === 1 && r.publishedRevision === 1)).toBe(
      true,
    );
    const disk = await send<Page<Row>>('GET', '?q=DISK%20space');
    expect(disk.body.items.map((r) => r.id)).toEqual(['beacon-2-disk-space']);
    const issues = await send<Page<Row>>('GET', '?kind=known-issue&product=cobalt&limit=200');
    expect(issues.body.items.length).toBeGreaterThan(0);
    expect(issues.body.items.every((r) => r.kind === 'known-issue' && r.product === 'cobalt')).toBe(true);
    const paged = await send<Page<Row>>('GET', '?offset=1&limit=2');
    expect(paged.body.items.map((r) => r.id)).toEqual(published.slice(1, 3).map((a) => a.id));
    expect((await send<Page<Row>>('GET', '?state=draft')).body.total).toBe(0);
    const bad = await send('GET', '?state=hidden');
    expect(bad.status).toBe(400);
    expect(coded(bad).code).toBe('INVALID_INPUT');
  });

  it('keeps drafts and new revisions from readers until they are published', async () => {
    const startGeneration = await readKbGeneration(t.portal.db);
    const created = await send('POST', '', { ...DRAFT, id: 'agent-stop' });
    expect(created.status).toBe(201);
    expect(created.body.row).toMatchObject({ state: 'draft', revision: 1, publishedRevision: null });
    expect(created.body.row.updatedBy).toBe(PORTAL_ADMIN);
    expect(created.body.article).toMatchObject({ id: 'agent-stop', title: DRAFT.title, body: DRAFT.body });
    expect(created.body.revisions).toEqual([
      { revision: 1, at: expect.any(String), by: PORTAL_ADMIN, note: 'First draft' },
    ]);
    expect(await readerSees('agent-stop')).toBeUndefined();
    expect(await publishedArticle(t.portal.db, 'agent-stop')).toBeNull();

    const second = await send('PUT', '/agent-stop', {
      ...DRAFT,
      title: 'Agent keeps running',
      note: 'Retitled',
      baseRevision: 1,
    });
    expect(second.status).toBe(200);
    expect(second.body.row).toMatchObject({ state: 'draft', revision: 2, title: 'Agent keeps running' });
    expect(await readerSees('agent-stop')).toBeUndefined();
    expect(await readKbGeneration(t.portal.db)).toBe(startGeneration);

    const published = await send('POST', '/agent-stop/publish', {});
    expect(published.body.row).toMatchObject({ state: 'published', revision: 2, publishedRevision: 2 });
    expect((await readerSees('agent-stop'))?.title).toBe('Agent keeps running');
    expect(await publishedArticle(t.portal.db, 'agent-stop')).toMatchObject({ revision: 2 });
    expect(await readKbGeneration(t.portal.db)).toBe(startGeneration + 1);

    const third = await send('PUT', '/agent-stop', { ...DRAFT, title: 'Work in progress', baseRevision: 2 });
    expect(third.body.row).toMatchObject({ state: 'published', revision: 3, publishedRevision: 2 });
    expect(third.body.article.title).toBe('Work in progress');
    expect((await readerSees('agent-stop'))?.title).toBe('Agent keeps running');

    const earlier = await send('POST', '/agent-stop/publish', { revision: 1 });
    expect(earlier.body.row).toMatchObject({ publishedRevision: 1, revision: 3 });
    expect((await readerSees('agent-stop'))?.title).toBe(DRAFT.title);
    expect(await readKbGeneration(t.portal.db)).toBe(startGeneration + 2);

    const one = await send<KnowledgeArticle & { revision: number }>('GET', '/agent-stop/revisions/2');
    expect(one.body).toMatchObject({ revision: 2, title: 'Agent keeps running', id: 'agent-stop' });
    const shown = await send('GET', '/agent-stop');
    expect(shown.body.revisions.map((r) => r.revision)).toEqual([3, 2, 1]);
    expect(shown.body.withdrawn).toBeNull();

    expect((await auditOf('agent-stop')).map((e) => e.action).sort()).toEqual(
      ['article.create', 'article.update', 'article.publish', 'article.update', 'article.publish'].sort(),
    );
  });

  it('refuses a save over a newer revision, in both languages, writing nothing', async () => {
    await send('POST', '', { ...DRAFT, id: 'two-editors' });
    await send('PUT', '/two-editors', { ...DRAFT, body: 'First editor', baseRevision: 1 });
    const before = await snapshot(t);
    const stale = await send('PUT', '/two-editors', { ...DRAFT, body: 'Second editor', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(coded(stale)).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message:
        'Someone saved article "two-editors" while you were editing: you started from revision 1, and the newest is now revision 2. Your text was not saved.',
    });
    const zh = await send('PUT', '/two-editors', { ...DRAFT, body: 'Second editor', baseRevision: 1 }, 'zh-CN');
    expect(coded(zh).message).toContain('有人保存了文章“two-editors”');
    expect(await snapshot(t)).toEqual(before);
  });

  it('withdraws a published article with its reason and restores it by publishing again', async () => {
    await send('POST', '', { ...DRAFT, id: 'old-advice' });
    await send('POST', '/old-advice/publish', {});
    const generation = await readKbGeneration(t.portal.db);
    const withdrawn = await send('POST', '/old-advice/withdraw', { reason: 'Fixed in 4.2.2' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.row.state).toBe('withdrawn');
    expect(withdrawn.body.withdrawn).toEqual({ at: t.clock.now.toISOString(), reason: 'Fixed in 4.2.2' });
    expect(await readKbGeneration(t.portal.db)).toBe(generation + 1);
    expect(await readerSees('old-advice')).toBeUndefined();
    expect(await publishedArticle(t.portal.db, 'old-advice')).toEqual({
      withdrawn: { title: DRAFT.title, at: t.clock.now.toISOString(), reason: 'Fixed in 4.2.2' },
    });

    const before = await snapshot(t);
    const twice = await send('POST', '/old-advice/withdraw', { reason: 'Again' });
    expect(twice.status).toBe(409);
    expect(coded(twice).message).toBe('Article "old-advice" is withdrawn, so there is nothing to withdraw.');
    expect(await snapshot(t)).toEqual(before);

    const restored = await send('POST', '/old-advice/publish', {});
    expect(restored.body.row).toMatchObject({ state: 'published', publishedRevision: 1 });
    expect(restored.body.withdrawn).toBeNull();
    expect((await readerSees('old-advice'))?.id).toBe('old-advice');
    const actions = (await auditOf('old-advice')).map((e) => e.action).sort();
    expect(actions).toEqual(['article.create', 'article.publish', 'article.restore', 'article.withdraw'].sort());
    const withdrawal = (await auditOf('old-advice')).find((e) => e.action === 'article.withdraw');
    expect(withdrawal).toMatchObject({ actor: PORTAL_ADMIN, changes: { reason: 'Fixed in 4.2.2' } });
  });

  it('refuses each bad input with its reason and changes nothing', async () => {
    await send('POST', '', { ...DRAFT, id: 'draft-only' });
    const cases: [string, string, unknown, number, string, RegExp][] = [
      ['POST', '', { ...DRAFT, id: 'draft-only' }, 409, 'ALREADY_EXISTS', /An article "draft-only" already exists/],
      ['POST', '', { ...DRAFT, id: 'bad range', versions: '^4' }, 400, 'INVALID_INPUT', /./],
      ['POST', '', { ...DRAFT, id: 'bad-range', versions: 'four or so' }, 400, 'INVALID_VERSION_RANGE', /four or so/],
      ['POST', '', { ...DRAFT, id: 'blank-title', title: '   ' }, 400, 'INVALID_INPUT', /./],
      ['POST', '', { ...DRAFT, id: 'odd-kind', kind: 'rumour' }, 400, 'INVALID_INPUT', /./],
      [
        'PUT',
        '/draft-only',
        { ...DRAFT, versions: 'after 4.2', baseRevision: 1 },
        400,
        'INVALID_VERSION_RANGE',
        /"after 4.2"/,
      ],
      ['PUT', '/draft-only', { ...DRAFT }, 400, 'INVALID_INPUT', /./],
      ['PUT', '/nobody', { ...DRAFT, baseRevision: 1 }, 404, 'NOT_FOUND', /There is no article "nobody"/],
      ['GET', '/nobody', undefined, 404, 'NOT_FOUND', /There is no article "nobody"/],
      ['GET', '/draft-only/revisions/7', undefined, 404, 'NOT_FOUND', /has no revision 7/],
      ['POST', '/draft-only/publish', { revision: 7 }, 404, 'NOT_FOUND', /has no revision 7/],
      ['POST', '/nobody/publish', {}, 404, 'NOT_FOUND', /There is no article "nobody"/],
      ['POST', '/draft-only/withdraw', { reason: 'Why not' }, 409, 'ILLEGAL_TRANSITION', /is a draft/],
      ['POST', '/draft-only/withdraw', { reason: '  ' }, 400, 'INVALID_INPUT', /./],
      ['POST', '/beacon-2-disk-space/publish', {}, 409, 'ILLEGAL_TRANSITION', /already the one readers see/],
    ];
    for (const [method, path, body, status, code, message] of cases) {
      const before = await snapshot(t);
      const reply = await send(method, path, body);
      const label = `${method} ${path} ${JSON.stringify(body)}`;
      expect(reply.status, label).toBe(status);
      const error = coded(reply);
      expect(error.code, label).toBe(code);
      expect(error.message, label).toMatch(message);
      expect(error.message + error.remedy, label).not.toMatch(/zod|ZodError|Error:|\bat \//);
      expect(await snapshot(t), label).toEqual(before);
    }
  });
});
