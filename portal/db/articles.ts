/** The knowledge base's articles: product documents and known issues with their error signatures. */
import type { Kysely } from 'kysely';
import { KnowledgeArticleSchema, type KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import { articleVersionRange } from '../knowledge/match.js';
import { HicareError } from '../../shared/errors.js';
import type { Database } from './schema.js';
import { checkInput, compareText } from './support.js';

/** Creates or replaces an article (by id). Its version range is checked now, so a search never trips over it. */
export async function saveArticle(db: Kysely<Database>, article: KnowledgeArticle): Promise<KnowledgeArticle> {
  checkInput(KnowledgeArticleSchema, article, 'knowledge article');
  articleVersionRange(article);
  const row = {
    id: article.id,
    kind: article.kind,
    product: article.product,
    document: JSON.stringify(article),
    updated_at: article.updatedAt,
  };
  await db
    .insertInto('articles')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ kind: row.kind, product: row.product, document: row.document, updated_at: row.updated_at }),
    )
    .execute();
  return article;
}

export async function listArticles(db: Kysely<Database>): Promise<KnowledgeArticle[]> {
  const rows = await db.selectFrom('articles').select(['id', 'document']).execute();
  return rows
    .map((row) => {
      const parsed = KnowledgeArticleSchema.safeParse(JSON.parse(row.document));
      if (!parsed.success) {
        throw new HicareError('INTERNAL.dbArticleUnreadable', { articleId: row.id }, { articleId: row.id });
      }
      return parsed.data;
    })
    .sort((a, b) => compareText(a.id, b.id));
}

/** What a reader's link to an article finds: its published revision, the notice of its withdrawal, or nothing. */
export type PublishedLookup =
  { article: KnowledgeArticle; revision: number } | { withdrawn: { title: string; at: string; reason: string } } | null;

export async function publishedArticle(db: Kysely<Database>, id: string): Promise<PublishedLookup> {
  const article = (await listArticles(db)).find((a) => a.id === id);
  return article === undefined ? null : { article, revision: 1 };
}
