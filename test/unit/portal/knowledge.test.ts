/**
 * Known-issue matching and self-help search (DESIGN.md §3.5), table-driven over a small fixture, and then against
 * the demo world: the failing cobalt installer's real output must bring up its known issue first, through the
 * index as through the plain rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KnowledgeArticleSchema, type KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import { KnowledgeIndex, matchKnownIssues, type KnownIssueQuery } from '../../../portal/knowledge/index.js';
import { DEMO_ARTICLES } from '../../../portal/demo/knowledge.js';
import { DEMO_INSTALL_FAILURE, DEMO_PRODUCTS } from '../../../portal/demo/catalog.js';
import { buildDemoPackage } from '../../../portal/demo/packages.js';
import { extract, runInstallSh, scratch } from '../../integration/portal-demo/harness.js';
import { codeOf } from '../../support.js';

function article(id: string, extra: Partial<KnowledgeArticle> = {}): KnowledgeArticle {
  return KnowledgeArticleSchema.parse({
    id,
    kind: 'known-issue',
    product: 'cobalt',
    versions: null,
    title: id,
    body: '',
    signatures: [],
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  });
}

const AGENT = 'service cobalt-agent is still running';
const FIXTURE: KnowledgeArticle[] = [
  article('exit-only', { versions: '^4', signatures: [{ exitCodes: [3] }] }),
  article('exit-and-log', {
    versions: '4.2.1',
    signatures: [{ exitCodes: [3], logContains: 'Service Cobalt-Agent is still running' }],
  }),
  article('log-only', { signatures: [{ exitCodes: [], logContains: 'disk full' }] }),
  article('any-product', { product: null, signatures: [{ exitCodes: [], logContains: 'Permission denied' }] }),
  article('atlas-exit', { product: 'atlas', signatures: [{ exitCodes: [3] }] }),
  article('a-document', { kind: 'document', signatures: [{ exitCodes: [3] }] }),
  article('says-nothing', { signatures: [{ exitCodes: [] }] }),
];

const ids = (list: KnowledgeArticle[]): string[] => list.map((a) => a.id);

describe('matchKnownIssues', () => {
  it.each<[string, KnownIssueQuery, string[]]>([
    ['exit code only', { product: 'cobalt', exitCode: 3 }, ['exit-only']],
    ['log only', { product: 'cobalt', log: 'write failed: disk full (28)' }, ['log-only']],
    [
      'exit code and log: the signature with both ranks first',
      { product: 'cobalt', version: '4.2.1', exitCode: 3, log: `ERROR: ${AGENT}` },
      ['exit-and-log', 'exit-only'],
    ],
    [
      'log text is matched case-insensitively',
      { product: 'cobalt', exitCode: 3, log: AGENT.toUpperCase() },
      ['exit-and-log', 'exit-only'],
    ],
    [
      'all conditions of a signature must hold: right log, wrong code',
      { product: 'cobalt', exitCode: 1, log: AGENT },
      [],
    ],
    [
      'all conditions of a signature must hold: right code, no log',
      { product: 'cobalt', version: '4.2.1', exitCode: 3 },
      ['exit-only'],
    ],
    ['wrong product', { product: 'beacon', exitCode: 3, log: AGENT }, []],
    ['another product has its own article', { product: 'atlas', exitCode: 3, log: AGENT }, ['atlas-exit']],
    ['version out of range', { product: 'cobalt', version: '5.0.0', exitCode: 3, log: AGENT }, []],
    [
      'version in one range but not the other',
      { product: 'cobalt', version: '4.2.0', exitCode: 3, log: AGENT },
      ['exit-only'],
    ],
    ['a prerelease inside the range counts', { product: 'cobalt', version: '4.3.0-rc.1', exitCode: 3 }, ['exit-only']],
    ['an article for every product', { product: 'beacon', log: 'sh: install.sh: permission denied' }, ['any-product']],
    ['no match', { product: 'cobalt', exitCode: 0, log: 'Installed cobalt 4.2.1' }, []],
    ['nothing to match on', { product: 'cobalt' }, []],
  ])('%s', (_name, query, expected) => {
    expect(ids(matchKnownIssues(FIXTURE, query))).toEqual(expected);
  });

  it('ranks a product-specific article above a general one with the same signature', () => {
    const general = article('general', {
      product: null,
      signatures: [{ exitCodes: [], logContains: 'disk full' }],
      updatedAt: '2026-06-01T00:00:00Z',
    });
    expect(ids(matchKnownIssues([general, ...FIXTURE], { product: 'cobalt', log: 'disk full' }))).toEqual([
      'log-only',
      'general',
    ]);
  });

  it('breaks ties by the most recently updated article', () => {
    const older = article('older', { signatures: [{ exitCodes: [7] }], updatedAt: '2025-01-01T00:00:00Z' });
    const newer = article('newer', { signatures: [{ exitCodes: [7] }], updatedAt: '2026-01-01T01:00:00+02:00' });
    expect(ids(matchKnownIssues([older, newer], { product: 'cobalt', exitCode: 7 }))).toEqual(['newer', 'older']);
  });

  it('is bounded by limit', () => {
    const many = Array.from({ length: 80 }, (_, i) => article(`a${i}`, { signatures: [{ exitCodes: [9] }] }));
    expect(matchKnownIssues(many, { product: 'cobalt', exitCode: 9 })).toHaveLength(10);
    expect(matchKnownIssues(many, { product: 'cobalt', exitCode: 9, limit: 3 })).toHaveLength(3);
    expect(matchKnownIssues(many, { product: 'cobalt', exitCode: 9, limit: 1000 })).toHaveLength(50);
  });

  it.each<[string, KnowledgeArticle[], KnownIssueQuery, string]>([
    ['not a version', FIXTURE, { product: 'cobalt', version: 'v4.2.1', exitCode: 3 }, 'INVALID_VERSION'],
    ['no product', FIXTURE, { product: '', exitCode: 3 }, 'INVALID_INPUT'],
    ['fractional exit code', FIXTURE, { product: 'cobalt', exitCode: 1.5 }, 'INVALID_INPUT'],
    ['zero limit', FIXTURE, { product: 'cobalt', exitCode: 3, limit: 0 }, 'INVALID_INPUT'],
    [
      'an article with a broken range',
      [article('broken', { versions: '>=4.x.y' })],
      { product: 'cobalt', exitCode: 3 },
      'INVALID_VERSION_RANGE',
    ],
    [
      'an article with a blank range',
      [article('blank', { versions: ' ' })],
      { product: 'cobalt', exitCode: 3 },
      'INVALID_VERSION_RANGE',
    ],
  ])('bad input: %s', (_name, articles, query, code) => {
    expect(codeOf(() => matchKnownIssues(articles, query))).toBe(code);
  });
});

const DOCS: KnowledgeArticle[] = [
  article('title-hit', {
    kind: 'document',
    title: 'Upgrade planning',
    body: 'Steps for the move.',
    updatedAt: '2025-01-01T00:00:00Z',
  }),
  article('body-hit', {
    kind: 'document',
    title: 'Release overview',
    body: 'How to upgrade, and what an upgrade changes.',
    updatedAt: '2026-05-01T00:00:00Z',
  }),
  article('all-terms', {
    kind: 'document',
    title: 'Agent service',
    body: 'Stop the cobalt agent service before running the installer.',
  }),
  article('one-term-repeated', {
    kind: 'document',
    title: 'Cobalt overview',
    body: 'cobalt cobalt cobalt cobalt cobalt cobalt',
  }),
  article('beacon-doc', {
    kind: 'document',
    product: 'beacon',
    title: 'Beacon correlation rules',
    body: 'Rules group alarms.',
  }),
  article('general-doc', {
    kind: 'document',
    product: null,
    title: 'Remote guidance requests',
    body: 'Open a request when an installer fails.',
  }),
];

/** Article ids for a search of `docs` through a fresh index. */
function searchIds(docs: readonly KnowledgeArticle[], q: string, extra: { product?: string; limit?: number } = {}) {
  return KnowledgeIndex.build({ articles: [...docs], threads: [] })
    .search({ q, ...extra })
    .hits.map((h) => h.id);
}

describe('search over a small set', () => {
  it.each<[string, string, string[]]>([
    ['a title hit outranks a body hit, even a repeated one', 'upgrade', ['title-hit', 'body-hit']],
    [
      'covering every term beats repeating one',
      'cobalt agent installer',
      ['all-terms', 'one-term-repeated', 'general-doc'],
    ],
    ['case-insensitive', 'BEACON Correlation', ['beacon-doc']],
    ['stopwords do not count', 'how to upgrade', ['title-hit', 'body-hit']],
    ['inflections meet: "upgrading" finds "upgrade"', 'upgrading', ['title-hit', 'body-hit']],
    ['a word prefix finds longer words', 'correlat', ['beacon-doc']],
    ['no shared term', 'kubernetes', []],
  ])('%s', (_name, q, expected) => {
    expect(searchIds(DOCS, q)).toEqual(expected);
  });

  it('filters by product, keeping articles for every product', () => {
    expect(searchIds(DOCS, 'rules installer', { product: 'beacon' })).toEqual(['beacon-doc', 'general-doc']);
  });

  it('browses newest first when the query is empty', () => {
    expect(searchIds(DOCS, '  ', { limit: 2 })).toEqual(['body-hit', 'all-terms']);
  });
});

describe('the demo knowledge base', () => {
  it('is valid and has a document for each demo product', () => {
    for (const a of DEMO_ARTICLES) expect(KnowledgeArticleSchema.parse(a)).toEqual(a);
    expect(new Set(DEMO_ARTICLES.map((a) => a.id)).size).toBe(DEMO_ARTICLES.length);
    for (const p of DEMO_PRODUCTS)
      expect(DEMO_ARTICLES.some((a) => a.kind === 'document' && a.product === p.id)).toBe(true);
  });

  it.each([
    ['beacon end of maintenance', 'beacon', 'beacon-1x-end-of-maintenance'],
    ['upgrade atlas from 1.4.2', 'atlas', 'atlas-upgrade-1x-to-2x'],
    ['updating the cobalt collector', 'cobalt', 'cobalt-4-install-and-update'],
    ['cobalt-agent still running', 'cobalt', 'cobalt-4-2-1-agent-still-running'],
  ])('search "%s" finds the right article first', (q, product, id) => {
    expect(searchIds(DEMO_ARTICLES, q, { product })[0]).toBe(id);
  });

  describe('the failing cobalt installer, really run', () => {
    let dir = '';
    let cleanup: () => Promise<void> = async () => {};
    beforeAll(async () => {
      ({ dir, cleanup } = await scratch('kb'));
    });
    afterAll(() => cleanup());

    it('its real output brings up its known issue first', async () => {
      const pkg = await buildDemoPackage(
        { product: 'cobalt', version: '4.2.1', platform: 'linux', arch: 'x64' },
        join(dir, 'out'),
      );
      const unpacked = join(dir, 'pkg');
      await mkdir(unpacked);
      extract(pkg.file, unpacked);
      const r = runInstallSh(unpacked, join(dir, 'target'));
      expect(r.status).toBe(DEMO_INSTALL_FAILURE.exitCode);

      const found = matchKnownIssues([...DEMO_ARTICLES], {
        product: 'cobalt',
        version: '4.2.1',
        exitCode: r.status ?? -1,
        log: `${r.stdout}${r.stderr}`,
      });
      expect(found[0]?.id).toBe('cobalt-4-2-1-agent-still-running');
      expect(found[0]?.body).toContain('Workaround');
      // the general exit-code article comes after it; the Permission-denied one does not match
      expect(ids(found)).toEqual(['cobalt-4-2-1-agent-still-running', 'cobalt-4-precheck-exit-3']);
      // the index answers the same from the articles it holds
      const index = KnowledgeIndex.build({ articles: [...DEMO_ARTICLES], threads: [] });
      expect(
        ids(
          index.matchKnownIssues({
            product: 'cobalt',
            version: '4.2.1',
            exitCode: r.status ?? -1,
            log: r.stdout + r.stderr,
          }),
        ),
      ).toEqual(ids(found));
    });

    it('the same failure on a version the issue does not cover finds only the general article', () => {
      const log = DEMO_INSTALL_FAILURE.cause;
      expect(
        ids(matchKnownIssues([...DEMO_ARTICLES], { product: 'cobalt', version: '4.2.0', exitCode: 3, log })),
      ).toEqual(['cobalt-4-precheck-exit-3']);
    });
  });
});
