/**
 * The knowledge base over HTTP: self-help search by text and product, and the known issues an installation failure
 * (exit code and installer log) is matched against before the customer opens a request.
 */
import { beforeAll, expect, it } from 'vitest';
import type { KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import { DEMO_ARTICLES } from '../../../portal/demo/knowledge.js';
import { DEMO_INSTALL_FAILURE } from '../../../portal/demo/catalog.js';
import { coded, describePortal, ENGINEER, NW_ADMIN } from './harness.js';

function knowledgeUrl(query: Record<string, string>): string {
  return `/api/v1/knowledge?${new URLSearchParams(query).toString()}`;
}

describePortal('knowledge base', (t) => {
  let token = '';
  const ask = async (query: Record<string, string>, as = token) =>
    t.request<{ articles: KnowledgeArticle[] }>('GET', knowledgeUrl(query), { token: as });
  const ids = async (query: Record<string, string>) => (await ask(query)).body.articles.map((a) => a.id);

  beforeAll(async () => {
    token = await t.signIn(NW_ADMIN);
  });

  it('finds articles by their words, the best match first', async () => {
    const reply = await ask({ q: 'upgrade atlas 2' });
    expect(reply.status).toBe(200);
    expect(reply.body.articles[0]?.id).toBe('atlas-upgrade-1x-to-2x');
    expect(reply.body.articles[0]).toEqual(DEMO_ARTICLES.find((a) => a.id === 'atlas-upgrade-1x-to-2x'));
    expect((await ids({ q: 'high availability correlation' }))[0]).toBe('beacon-2-administration');
    expect(await ids({ q: 'zqxwvy' })).toEqual([]);
  });

  it('narrows a search to one product, keeping the articles for every product', async () => {
    const found = (await ask({ q: 'installation upgrade', product: 'beacon' })).body.articles;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((a) => a.product === null || a.product === 'beacon')).toBe(true);
  });

  it('browses the newest articles first when the search is empty', async () => {
    const found = (await ask({})).body.articles;
    expect(found.length).toBe(Math.min(DEMO_ARTICLES.length, 20));
    const stamps = found.map((a) => Date.parse(a.updatedAt));
    expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
  });

  it('puts the cobalt 4.2.1 article first for the failing installer’s exit code and log', async () => {
    const log = [
      'Cobalt Data Collector 4.2.1 installer',
      'checking prerequisites...',
      DEMO_INSTALL_FAILURE.cause,
      'installation aborted',
    ].join('\n');
    const found = await ids({ product: 'cobalt', exitCode: String(DEMO_INSTALL_FAILURE.exitCode), log });
    expect(found[0]).toBe('cobalt-4-2-1-agent-still-running');
    // The general article on exit code 3 matches too, but says less.
    expect(found).toContain('cobalt-4-precheck-exit-3');
    // Engineers reading the request see the same match.
    const asEngineer = (await ask({ product: 'cobalt', exitCode: '3', log }, await t.signIn(ENGINEER))).body.articles;
    expect(asEngineer[0]?.id).toBe('cobalt-4-2-1-agent-still-running');
  });

  it('matches known issues on what the failure shows and nothing else', async () => {
    expect(await ids({ product: 'cobalt', exitCode: '3' })).toEqual(['cobalt-4-precheck-exit-3']);
    // Another product's failure with the same text does not pick up cobalt's articles.
    expect(await ids({ product: 'atlas', exitCode: '3', log: DEMO_INSTALL_FAILURE.cause })).toEqual([]);
    // An article for every product matches any product's log.
    expect(await ids({ product: 'atlas', exitCode: '126', log: 'sh: ./install.sh: Permission denied' })).toEqual([
      'installer-permission-denied',
    ]);
    expect(await ids({ product: 'cobalt', exitCode: '0', log: 'all good' })).toEqual([]);
  });

  it('takes a long installer log', async () => {
    const log = `${'unpacking payload file...\n'.repeat(400)}${DEMO_INSTALL_FAILURE.cause}\n`;
    const reply = await ask({ product: 'cobalt', exitCode: '3', log });
    expect(reply.status).toBe(200);
    expect(reply.body.articles[0]?.id).toBe('cobalt-4-2-1-agent-still-running');
  });

  it('matches a failure sent in a body, with an installer log of several hundred kilobytes', async () => {
    const log = `${'unpacking payload file payload/lib/libcobalt-metrics.so...\n'.repeat(6000)}${DEMO_INSTALL_FAILURE.cause}\n`;
    expect(log.length).toBeGreaterThan(300_000);
    const reply = await t.request<{ articles: KnowledgeArticle[] }>('POST', '/api/v1/knowledge/known-issues', {
      token,
      body: { product: 'cobalt', version: DEMO_INSTALL_FAILURE.version, exitCode: DEMO_INSTALL_FAILURE.exitCode, log },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.articles.map((a) => a.id)).toEqual([
      'cobalt-4-2-1-agent-still-running',
      'cobalt-4-precheck-exit-3',
    ]);
    const otherVersion = await t.request<{ articles: KnowledgeArticle[] }>('POST', '/api/v1/knowledge/known-issues', {
      token,
      body: { product: 'cobalt', version: '4.1.0', exitCode: 3, log },
    });
    expect(otherVersion.body.articles.map((a) => a.id)).toEqual(['cobalt-4-precheck-exit-3']);
    const bad = await t.request('POST', '/api/v1/knowledge/known-issues', {
      token,
      body: { product: 'cobalt', exitCode: 'three' },
    });
    expect(bad.status).toBe(400);
    expect(coded(bad).code).toBe('INVALID_INPUT');
  });

  it('refuses malformed searches with a coded 400, and searches without a token with 401', async () => {
    for (const query of [
      { exitCode: 'three', product: 'cobalt' },
      { product: 'Cobalt Data Collector' },
      { q: 'x'.repeat(201) },
      { q: 'upgrade', sort: 'date' },
    ]) {
      const reply = await ask(query);
      expect(reply.status, JSON.stringify(query)).toBe(400);
      expect(coded(reply).code).toBe('INVALID_INPUT');
    }
    const anonymous = await t.request('GET', knowledgeUrl({ q: 'upgrade' }));
    expect(anonymous.status).toBe(401);
    expect(coded(anonymous).code).toBe('UNAUTHENTICATED');
  });
});
