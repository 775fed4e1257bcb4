/**
 * Self-help's handlers (portal/knowledge/routes.ts) over a fake lookup and an index cache that counts its builds:
 * every refusal is coded, worded, and leaves the index untouched (not even built).
 */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../portal/db/schema.js';
import type { PublishedLookup } from '../../../../portal/db/articles.js';
import { knowledgeHandlers } from '../../../../portal/knowledge/routes.js';
import { KnowledgeIndexCache } from '../../../../portal/knowledge/index.js';
import { DEMO_ARTICLES } from '../../../../portal/demo/knowledge.js';
import { type HicareError, isHicareError } from '../../../../shared/errors.js';

const db = {} as Kysely<Database>;

function setup(lookup: PublishedLookup = null) {
  const cache = new KnowledgeIndexCache({
    load: async () => ({ articles: [...DEMO_ARTICLES], threads: [] }),
    readGeneration: async () => 1,
  });
  const handlers = knowledgeHandlers({ db }, { cache, lookup: async () => lookup });
  return { cache, handlers };
}

async function refusal(promise: Promise<unknown>): Promise<HicareError> {
  try {
    await promise;
  } catch (e) {
    if (isHicareError(e)) return e as HicareError;
    throw e;
  }
  throw new Error('expected a refusal');
}

const search = (h: ReturnType<typeof setup>['handlers'], q: string) =>
  h.kbSearch({ query: { q, offset: 0, limit: 20 } } as never);
const ask = (h: ReturnType<typeof setup>['handlers'], question: string) => h.kbAsk({ body: { question } } as never);

describe('bad input', () => {
  it.each<[string, (h: ReturnType<typeof setup>['handlers']) => Promise<unknown>, string]>([
    ['an empty question', (h) => ask(h, ''), 'INVALID_INPUT.questionEmpty'],
    ['a blank question', (h) => ask(h, ' \n\t '), 'INVALID_INPUT.questionEmpty'],
    ['a question over 2,000 characters', (h) => ask(h, '问'.repeat(2001)), 'INVALID_INPUT.questionTooLong'],
    ['a control character in a question', (h) => ask(h, 'why\u0000 does it fail'), 'INVALID_INPUT.searchTextControl'],
    ['a lone carriage return in a question', (h) => ask(h, 'line\rline'), 'INVALID_INPUT.searchTextControl'],
    ['a search over 200 characters', (h) => search(h, 'x'.repeat(201)), 'INVALID_INPUT.searchTextTooLong'],
    ['a control character in a search', (h) => search(h, 'cobalt\u001b[31m'), 'INVALID_INPUT.searchTextControl'],
    [
      'an escape in the old search route',
      (h) => h.knowledge({ query: { q: 'a\u0007' } } as never),
      'INVALID_INPUT.searchTextControl',
    ],
  ])('%s', async (_name, call, key) => {
    const { cache, handlers } = setup();
    const e = await refusal(call(handlers));
    expect(e.key).toBe(key);
    expect(e.remedy.length).toBeGreaterThan(0);
    // refused before any work: the index was not even built
    expect(cache.builds).toBe(0);
  });

  it('takes tabs and Windows line breaks, and exactly the limits', async () => {
    const { handlers } = setup();
    await expect(ask(handlers, 'cobalt\tagent\r\nstill running')).resolves.toMatchObject({ answered: true });
    await expect(ask(handlers, 'a'.repeat(2000))).resolves.toMatchObject({ answered: false });
    await expect(search(handlers, '超'.repeat(200))).resolves.toMatchObject({ total: expect.any(Number) });
  });
});

describe('one article', () => {
  it('is 404 NOT_FOUND.article for an unknown id', async () => {
    const { handlers } = setup(null);
    const e = await refusal(handlers.kbArticle({ params: { id: 'no-such-article' } } as never));
    expect(e.key).toBe('NOT_FOUND.publishedArticle');
    expect(e.message).toContain('no-such-article');
  });

  it('is ARTICLE_WITHDRAWN.article with the title, date and reason for a withdrawn one', async () => {
    const { cache, handlers } = setup({
      withdrawn: { title: 'Old workaround', at: '2026-11-02T10:00:00Z', reason: 'the fix is in 4.2.2' },
    });
    const e = await refusal(handlers.kbArticle({ params: { id: 'old' } } as never));
    expect(e.key).toBe('ARTICLE_WITHDRAWN.article');
    expect(e.message).toMatch(/^The article “Old workaround” was withdrawn on .*2026.*: the fix is in 4\.2\.2$/);
    expect(e.details).toMatchObject({ title: 'Old workaround', withdrawnAt: '2026-11-02T10:00:00Z' });
    expect(cache.builds).toBe(0);
  });

  it('is the article, its revision and related articles otherwise', async () => {
    const article = DEMO_ARTICLES.find((a) => a.id === 'beacon-2-administration')!;
    const { handlers } = setup({ article, revision: 3 });
    const view = await handlers.kbArticle({ params: { id: article.id } } as never);
    expect(view.article).toEqual(article);
    expect(view.revision).toBe(3);
    expect(view.related.length).toBeGreaterThan(0);
    expect(view.related.length).toBeLessThanOrEqual(5);
    expect(view.related.map((r) => r.id)).toContain('beacon-2-ha-split-brain');
    expect(view.related.every((r) => r.product === null || r.product === 'beacon')).toBe(true);
  });
});
