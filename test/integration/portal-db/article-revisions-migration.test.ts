/**
 * Articles stored before revisions existed: the migration keeps each one visible to readers, as revision 1,
 * published, with its content unchanged; and saving it again from the seed adds a revision only when it differs.
 */
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { listArticles, publishedArticle, saveArticle } from '../../../portal/db/articles.js';
import { readKbGeneration } from '../../../portal/db/kb-generation.js';
import { MIGRATIONS } from '../../../portal/db/migrate.js';
import type { Database } from '../../../portal/db/schema.js';
import type { KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import { describeOnBothDialects } from './harness.js';

const LEGACY: KnowledgeArticle = {
  id: 'legacy-guide',
  kind: 'configuration-guide',
  product: 'atlas',
  versions: '^2',
  locale: 'zh-CN',
  title: '配置代理服务器',
  body: '在设置中填写代理地址。',
  signatures: [],
  updatedAt: '2026-01-05T08:00:00.000Z',
};

describeOnBothDialects(
  'the article revisions migration',
  (t) => {
    it('moves existing articles to revision 1, published, and keeps them readable', async () => {
      const names = Object.keys(MIGRATIONS);
      const at = names.indexOf('0018_article_revisions');
      for (const name of names.slice(0, at)) await MIGRATIONS[name]!.up(t.db as unknown as Kysely<unknown>);
      const old = t.db as unknown as Kysely<{ articles: Record<string, unknown> }>;
      await old
        .insertInto('articles')
        .values({
          id: LEGACY.id,
          kind: LEGACY.kind,
          product: LEGACY.product,
          document: JSON.stringify(LEGACY),
          updated_at: LEGACY.updatedAt,
        })
        .execute();
      for (const name of names.slice(at)) await MIGRATIONS[name]!.up(t.db as unknown as Kysely<unknown>);

      const db = t.db as Kysely<Database>;
      expect(await listArticles(db)).toEqual([LEGACY]);
      expect(await publishedArticle(db, LEGACY.id)).toEqual({ article: LEGACY, revision: 1 });
      const row = await db.selectFrom('articles').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: 'published', title: LEGACY.title, locale: 'zh-CN', versions: '^2' });
      expect(Number(row.revision)).toBe(1);
      expect(Number(row.published_revision)).toBe(1);

      // The seed saving the same content again changes nothing; new content is a new published revision.
      const generation = await readKbGeneration(db);
      await saveArticle(db, { ...LEGACY, updatedAt: '2026-02-01T00:00:00.000Z' });
      expect(await readKbGeneration(db)).toBe(generation);
      await saveArticle(db, { ...LEGACY, body: '在“设置 → 网络”中填写代理地址。' });
      expect(await publishedArticle(db, LEGACY.id)).toMatchObject({ revision: 2 });
      expect(await readKbGeneration(db)).toBe(generation + 1);
    });
  },
  { migrate: false },
);
