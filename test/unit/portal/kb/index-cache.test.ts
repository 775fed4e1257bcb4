/**
 * The per-instance index cache (portal/knowledge/index-cache.ts): it rebuilds when the knowledge generation moves,
 * concurrent requests share one rebuild, and a failed build is tried again rather than remembered.
 */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../portal/db/schema.js';
import type { KbDocuments } from '../../../../portal/knowledge/documents.js';
import { KnowledgeIndexCache } from '../../../../portal/knowledge/index.js';
import { DEMO_ARTICLES } from '../../../../portal/demo/knowledge.js';

const db = {} as Kysely<Database>;

function world() {
  const state = { generation: 1, articles: DEMO_ARTICLES.slice(0, 5), loads: 0, fail: false };
  let release: () => void = () => {};
  let gate: Promise<void> | null = null;
  const cache = new KnowledgeIndexCache({
    readGeneration: async () => state.generation,
    load: async (): Promise<KbDocuments> => {
      state.loads++;
      if (gate !== null) await gate;
      if (state.fail) throw new Error('database went away');
      return { articles: [...state.articles], threads: [] };
    },
  });
  const hold = () => {
    gate = new Promise((r) => (release = r));
  };
  return { state, cache, hold, release: () => release() };
}

describe('KnowledgeIndexCache', () => {
  it('builds once per generation', async () => {
    const { state, cache } = world();
    const first = await cache.get(db);
    expect(await cache.get(db)).toBe(first);
    expect(state.loads).toBe(1);
    state.articles = DEMO_ARTICLES.slice(0, 6);
    state.generation = 2;
    const second = await cache.get(db);
    expect(second).not.toBe(first);
    expect(second.articles).toHaveLength(6);
    expect(state.loads).toBe(2);
  });

  it('shares one rebuild among concurrent requests', async () => {
    const { state, cache, hold, release } = world();
    hold();
    const pending = Array.from({ length: 20 }, () => cache.get(db));
    // every request has read the generation and joined the one build before it finishes
    await new Promise((r) => setImmediate(r));
    release();
    const indexes = await Promise.all(pending);
    expect(new Set(indexes).size).toBe(1);
    expect(state.loads).toBe(1);
    expect(cache.builds).toBe(1);
  });

  it('tries again after a failed build', async () => {
    const { state, cache } = world();
    state.fail = true;
    await expect(cache.get(db)).rejects.toThrow('database went away');
    state.fail = false;
    await expect(cache.get(db)).resolves.toBeDefined();
    expect(state.loads).toBe(2);
  });
});
