/**
 * The knowledge base's articles as stored: one row per article (its state, its newest and its published revision,
 * and the newest revision's searchable fields) and every saved revision's content. Readers — search, the assistant,
 * known-issue matching, a link to an article — see only the published revision of a published article.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { AdminArticleRowSchema, ArticleRevisionSchema } from '../../shared/contracts/admin/articles.js';
import { KnowledgeArticleSchema, type ArticleState, type KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import { HicareError } from '../../shared/errors.js';
import { articleVersionRange } from '../knowledge/match.js';
import { bumpKbGeneration } from './kb-generation.js';
import type { ArticlesTable, Database } from './schema.js';
import { checkInput, compareText, toNumber } from './support.js';

type Db = Kysely<Database> | Transaction<Database>;
export type AdminArticleRow = z.infer<typeof AdminArticleRowSchema>;
export type ArticleRevision = z.infer<typeof ArticleRevisionSchema>;

/** Who saved the articles the demo seed writes. */
const SEED_AUTHOR = 'hicare-portal seed';

export function articleRowOf(row: Selectable<ArticlesTable>): AdminArticleRow {
  return {
    id: row.id,
    kind: row.kind as AdminArticleRow['kind'],
    product: row.product,
    versions: row.versions,
    locale: row.locale as AdminArticleRow['locale'],
    title: row.title,
    state: row.state as ArticleState,
    revision: toNumber(row.revision),
    publishedRevision: row.published_revision === null ? null : toNumber(row.published_revision),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function findArticleRow(db: Db, id: string): Promise<AdminArticleRow | undefined> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : articleRowOf(row);
}

function documentOf(id: string, document: string): KnowledgeArticle {
  const parsed = KnowledgeArticleSchema.safeParse(JSON.parse(document));
  if (!parsed.success) throw new HicareError('INTERNAL.dbArticleUnreadable', { articleId: id }, { articleId: id });
  return parsed.data;
}

/** One revision's content; undefined when the article has no such revision. */
export async function readRevision(db: Db, id: string, revision: number): Promise<KnowledgeArticle | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .select('document')
    .where('article_id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return row === undefined ? undefined : documentOf(id, row.document);
}

/** Newest first, as the editor lists them. */
export async function listRevisions(db: Db, id: string): Promise<ArticleRevision[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .select(['revision', 'saved_at', 'saved_by', 'note'])
    .where('article_id', '=', id)
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((r) => ({ revision: toNumber(r.revision), at: r.saved_at, by: r.saved_by, note: r.note }));
}

/** Keeps a revision and makes it the newest: the row takes its searchable fields. */
export async function insertRevision(
  trx: Transaction<Database>,
  article: KnowledgeArticle,
  revision: number,
  by: string,
  note: string | null,
): Promise<void> {
  await trx
    .insertInto('article_revisions')
    .values({
      article_id: article.id,
      revision,
      document: JSON.stringify(article),
      saved_at: article.updatedAt,
      saved_by: by,
      note,
    })
    .execute();
  await trx
    .updateTable('articles')
    .set({
      kind: article.kind,
      product: article.product,
      locale: article.locale,
      title: article.title,
      versions: article.versions,
      revision,
      updated_at: article.updatedAt,
      updated_by: by,
    })
    .where('id', '=', article.id)
    .execute();
}

/** Two revisions say the same when everything but the time of saving is equal. */
function sameContent(a: KnowledgeArticle, b: KnowledgeArticle): boolean {
  return JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });
}

/**
 * Creates or replaces an article (by id) and publishes it, as the demo seed does: a new revision when the content
 * differs from the newest one. Its version range is checked now, so a search never trips over it.
 */
export async function saveArticle(db: Kysely<Database>, article: KnowledgeArticle): Promise<KnowledgeArticle> {
  checkInput(KnowledgeArticleSchema, article, 'knowledge article');
  articleVersionRange(article);
  const content = KnowledgeArticleSchema.parse(article);
  await db.transaction().execute(async (trx) => {
    const existing = await findArticleRow(trx, content.id);
    let revision = existing?.revision ?? 1;
    if (existing === undefined) {
      await trx
        .insertInto('articles')
        .values({
          id: content.id,
          kind: content.kind,
          product: content.product,
          locale: content.locale,
          title: content.title,
          versions: content.versions,
          state: 'draft',
          revision: 1,
          published_revision: null,
          withdrawn_at: null,
          withdrawn_reason: null,
          withdrawn_by: null,
          updated_at: content.updatedAt,
          updated_by: SEED_AUTHOR,
        })
        .execute();
      await insertRevision(trx, content, 1, SEED_AUTHOR, null);
    } else {
      const newest = await readRevision(trx, content.id, existing.revision);
      if (newest === undefined || !sameContent(newest, content)) {
        revision = existing.revision + 1;
        await insertRevision(trx, content, revision, SEED_AUTHOR, null);
      } else if (existing.state === 'published' && existing.publishedRevision === revision) {
        return;
      }
    }
    await markPublished(trx, content.id, revision, content.updatedAt, SEED_AUTHOR);
  });
  return article;
}

/** Makes `revision` the one readers see (clearing any withdrawal) and tells every portal's index to rebuild. */
export async function markPublished(
  trx: Transaction<Database>,
  id: string,
  revision: number,
  at: string,
  by: string,
): Promise<void> {
  await trx
    .updateTable('articles')
    .set({
      state: 'published',
      published_revision: revision,
      withdrawn_at: null,
      withdrawn_reason: null,
      withdrawn_by: null,
      updated_at: at,
      updated_by: by,
    })
    .where('id', '=', id)
    .execute();
  await bumpKbGeneration(trx);
}

/** Published articles, each at its published revision, in id order. */
export async function listArticles(db: Db): Promise<KnowledgeArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .innerJoin('article_revisions', (join) =>
      join
        .onRef('article_revisions.article_id', '=', 'articles.id')
        .onRef('article_revisions.revision', '=', 'articles.published_revision'),
    )
    .select(['articles.id as id', 'article_revisions.document as document'])
    .where('articles.state', '=', 'published')
    .execute();
  return rows.map((row) => documentOf(row.id, row.document)).sort((a, b) => compareText(a.id, b.id));
}

/** What a reader's link to an article finds: its published revision, the notice of its withdrawal, or nothing. */
export type PublishedLookup =
  { article: KnowledgeArticle; revision: number } | { withdrawn: { title: string; at: string; reason: string } } | null;

export async function publishedArticle(db: Db, id: string): Promise<PublishedLookup> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined || row.published_revision === null) return null;
  const revision = toNumber(row.published_revision);
  if (row.state === 'withdrawn') {
    // Readers knew the article by the title they saw, not by a newer draft's.
    const seen = await readRevision(db, id, revision);
    return {
      withdrawn: {
        title: seen?.title ?? row.title,
        at: row.withdrawn_at ?? row.updated_at,
        reason: row.withdrawn_reason ?? '',
      },
    };
  }
  if (row.state !== 'published') return null;
  const article = await readRevision(db, id, revision);
  return article === undefined ? null : { article, revision };
}
