/**
 * The knowledge index (portal/knowledge/kb-index.ts): filters, paging, browsing, community answers, snippets and
 * the assistant's passages, over the demo knowledge base and a few community questions.
 */
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../../shared/contracts/knowledge.js';
import { KnowledgeIndex } from '../../../../portal/knowledge/index.js';
import { DEMO_ARTICLES } from '../../../../portal/demo/knowledge.js';
import type { SearchableThread } from '../../../../portal/db/community.js';
import { codeOf } from '../../../support.js';

const THREADS: SearchableThread[] = [
  {
    id: 'q-buffer-size',
    title: 'How big should the cobalt buffer be for a weekend outage?',
    body: 'Atlas will be offline from Friday to Monday for maintenance.',
    product: 'cobalt',
    version: '4.2.0',
    answers: [
      {
        id: 'a1',
        body: 'Set buffer.maxBytes to about 5 GB; 1.5 GB per day for 500 sensors.',
        accepted: true,
        verified: true,
      },
    ],
    updatedAt: '2026-11-01T09:00:00Z',
  },
  {
    id: 'q-beacon-zh',
    title: 'Beacon 告警声音怎么关闭',
    body: '夜班时告警声音太吵。',
    product: 'beacon',
    version: null,
    answers: [{ id: 'a2', body: '在“设置 → 声音”中可以按严重级别关闭告警声音。', accepted: true, verified: false }],
    updatedAt: '2026-10-01T09:00:00Z',
  },
];

const index = KnowledgeIndex.build({ articles: [...DEMO_ARTICLES], threads: THREADS });
const plain = (h: Highlight): string => h.map((r) => r.text).join('');
const marked = (h: Highlight): string[] => h.filter((r) => r.hit).map((r) => r.text);
const ids = (q: string, extra: Parameters<KnowledgeIndex['search']>[0] extends infer O ? Partial<O> : never = {}) =>
  index.search({ q, ...extra }).hits.map((h) => h.id);

describe('search', () => {
  it('finds the Chinese case by "数据库 超时" and by "连接超时"', () => {
    expect(ids('数据库 超时')[0]).toBe('atlas-upgrade-database-timeout');
    expect(ids('连接超时')[0]).toBe('atlas-upgrade-database-timeout');
  });

  it('marks the query terms in the title and snippet, with no Markdown left', () => {
    const hit = index.search({ q: '数据库 超时' }).hits[0]!;
    expect(plain(hit.title)).toBe('升级失败：数据库连接超时');
    expect(marked(hit.title)).toEqual(['数据库', '超时']);
    expect(marked(hit.snippet).length).toBeGreaterThan(0);
    for (const run of hit.snippet) expect(run.text).not.toMatch(/[#*`]|\]\(/);
    expect(plain(hit.snippet).length).toBeLessThanOrEqual(230);
  });

  it('points into the section that matched, with its heading and anchor', () => {
    const hit = index.search({ q: 'ServicesPipeTimeout registry' }).hits[0]!;
    expect(hit).toMatchObject({ id: 'cobalt-4-windows-service-1053', heading: 'Workaround', anchor: 'workaround' });
    expect(marked(hit.snippet)).toContain('ServicesPipeTimeout');
  });

  it('finds community answers, and leaves them out on request', () => {
    const hits = index.search({ q: 'buffer outage weekend' }).hits;
    expect(hits[0]).toMatchObject({ source: 'community', id: 'q-buffer-size', kind: null, anchor: 'answer-a1' });
    expect(ids('buffer outage weekend', { community: false })).not.toContain('q-buffer-size');
    expect(index.search({ q: '告警声音' }).hits[0]).toMatchObject({ id: 'q-beacon-zh', locale: 'zh-CN' });
  });

  it.each<[string, Partial<Parameters<KnowledgeIndex['search']>[0]>, (h: { product: string | null }) => boolean]>([
    [
      'product: that product and product-less articles',
      { product: 'beacon' },
      (h) => h.product === null || h.product === 'beacon',
    ],
    ['kind', { kind: 'known-issue' }, () => true],
  ])('filters by %s', (_name, filter, ok) => {
    const hits = index.search({ q: 'upgrade install service', limit: 50, ...filter }).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every(ok)).toBe(true);
    if (filter.kind !== undefined)
      expect(hits.every((h) => h.kind === filter.kind && h.source === 'article')).toBe(true);
  });

  it('filters by version: the article’s range must contain it; no range means every version', () => {
    expect(ids('atlas upgrade', { version: '1.9.0' })).toContain('atlas-upgrade-1x-to-2x');
    expect(ids('atlas upgrade', { version: '3.0.0' })).not.toContain('atlas-upgrade-1x-to-2x');
    expect(ids('certificate expired', { version: '9.9.9' })).toContain('atlas-web-certificate-expired');
    // a question asked about 4.2.0 still applies to 4.x, not to 5.x
    expect(ids('buffer outage weekend', { version: '4.9.0' })).toContain('q-buffer-size');
    expect(ids('buffer outage weekend', { version: '5.0.0' })).not.toContain('q-buffer-size');
  });

  it('refuses a version filter that is not a version', () => {
    expect(codeOf(() => index.search({ q: 'x', version: 'four' }))).toBe('INVALID_VERSION');
  });

  it('pages with offset and limit, and counts every match', () => {
    const all = index.search({ q: 'upgrade', limit: 50 });
    expect(all.total).toBe(all.hits.length);
    const page = index.search({ q: 'upgrade', offset: 2, limit: 3 });
    expect(page).toMatchObject({ total: all.total, offset: 2, limit: 3 });
    expect(page.hits.map((h) => h.id)).toEqual(all.hits.slice(2, 5).map((h) => h.id));
  });

  it('browses newest first for an empty query, with every article and question counted', () => {
    const browse = index.search({ q: '', limit: 50 });
    expect(browse.total).toBe(DEMO_ARTICLES.length + THREADS.length);
    const stamps = browse.hits.map((h) => Date.parse(h.updatedAt));
    expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
    expect(browse.hits[0]!.snippet.length).toBeGreaterThan(0);
  });
});

describe('ask', () => {
  it('answers with at most five passages, each naming its source', () => {
    const answer = index.ask({ question: 'how big a buffer for a weekend outage? measurements were dropped' });
    expect(answer.answered).toBe(true);
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(answer.passages.length).toBeLessThanOrEqual(5);
    const sources = answer.passages.map((p) => `${p.source}:${p.id}`);
    expect(sources).toContain('article:cobalt-4-buffer-full');
    expect(sources).toContain('community:q-buffer-size');
    for (const p of answer.passages) expect(p.title.length).toBeGreaterThan(0);
    // no more than two passages from one article
    const counts = new Map<string, number>();
    for (const p of answer.passages) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
  });

  it('says it has no answer for a question about nothing in the knowledge base', () => {
    expect(index.ask({ question: 'how do I bake sourdough bread' })).toMatchObject({ answered: false, passages: [] });
    expect(index.ask({ question: '如何申请年假' }).answered).toBe(false);
  });

  it('keeps to the product asked about', () => {
    const answer = index.ask({ question: 'upgrade disk space', product: 'atlas' });
    expect(answer.passages.every((p) => !p.id.startsWith('beacon') && !p.id.startsWith('cobalt'))).toBe(true);
  });
});

describe('related articles', () => {
  it('are other articles on the same subject, the same product’s or general ones, at most five', () => {
    const related = index.relatedArticles('cobalt-4-2-1-agent-still-running');
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    expect(related.map((r) => r.id)).not.toContain('cobalt-4-2-1-agent-still-running');
    expect(related.every((r) => r.product === null || r.product === 'cobalt')).toBe(true);
    expect(related[0]).not.toHaveProperty('body');
    expect(index.relatedArticles('no-such-article')).toEqual([]);
  });
});
