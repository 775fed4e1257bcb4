/**
 * The back office's articles: write a draft, save revisions, publish one (the newest or an earlier one) and withdraw
 * a published article with a reason. The console's routes and the `hicare-portal article` commands both call these;
 * each change is audited in the transaction that makes it, and the knowledge index's generation is raised whenever
 * what readers see changes.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import {
  AdminArticleListQuerySchema,
  ArticleCreateSchema,
  ArticleUpdateSchema,
  type AdminArticle,
  type ArticleContent,
} from '../../shared/contracts/admin/articles.js';
import type { Page } from '../../shared/contracts/admin/paging.js';
import { IdSchema, NonBlankSchema } from '../../shared/contracts/common.js';
import type { KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import { invalidValues, plainIssues, safeParsePlain } from '../../shared/api/plain-issues.js';
import { assertSaveBase, assertWithdrawable, revisionToPublish } from '../../shared/domain/article-publishing.js';
import { HicareError } from '../../shared/errors.js';
import {
  articleRowOf,
  findArticleRow,
  insertRevision,
  listRevisions,
  markPublished,
  readRevision,
  type AdminArticleRow,
} from '../db/articles.js';
import { bumpKbGeneration } from '../db/kb-generation.js';
import type { Database } from '../db/schema.js';
import { isUniqueViolation, toIso } from '../db/support.js';
import { containsText } from '../db/text-search.js';
import { articleVersionRange } from '../knowledge/match.js';
import { recordChange, type AdminActor } from './audit.js';
import { byText } from './customers/text-order.js';

/** The API checked its input already; the command line has not, so each change checks it here, once for both. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = safeParsePlain(schema, value);
  if (!r.success) throw invalidValues(plainIssues(r.error), 'INVALID_INPUT.values');
  return r.data;
}

export function articleNotFound(id: string): HicareError {
  return new HicareError('NOT_FOUND.article', { id }, { article: id });
}

/** By id; `q` matches the id or the title; filters by state, kind and product. */
export async function listAdminArticles(
  db: Kysely<Database>,
  input: z.input<typeof AdminArticleListQuerySchema>,
): Promise<Page<AdminArticleRow>> {
  const filter = parsed(AdminArticleListQuerySchema, input);
  let query = db.selectFrom('articles').where((eb) => containsText(eb, ['id', 'title'], filter.q));
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.product !== undefined) query = query.where('product', '=', filter.product);
  const [{ total }] = (await query.select((eb) => eb.fn.countAll<number | string>().as('total')).execute()) as [
    { total: number | string },
  ];
  const rows = await query.selectAll().orderBy(byText(db, 'id')).limit(filter.limit).offset(filter.offset).execute();
  return { items: rows.map(articleRowOf), total: Number(total), offset: filter.offset, limit: filter.limit };
}

async function adminView(db: Kysely<Database> | Transaction<Database>, id: string): Promise<AdminArticle> {
  const raw = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (raw === undefined) throw articleNotFound(id);
  const row = articleRowOf(raw);
  const [article, revisions] = await Promise.all([readRevision(db, id, row.revision), listRevisions(db, id)]);
  if (article === undefined) throw articleNotFound(id);
  return {
    row,
    article,
    revisions,
    withdrawn:
      row.state === 'withdrawn' ? { at: raw.withdrawn_at ?? row.updatedAt, reason: raw.withdrawn_reason ?? '' } : null,
  };
}

export async function getAdminArticle(db: Kysely<Database>, id: string): Promise<AdminArticle> {
  return adminView(db, parsed(IdSchema, id));
}

export async function getArticleRevision(
  db: Kysely<Database>,
  id: string,
  revision: number,
): Promise<KnowledgeArticle & { revision: number }> {
  const articleId = parsed(IdSchema, id);
  if ((await findArticleRow(db, articleId)) === undefined) throw articleNotFound(articleId);
  const article = await readRevision(db, articleId, revision);
  if (article === undefined) {
    throw new HicareError(
      'NOT_FOUND.articleRevision',
      { id: articleId, revision: String(revision) },
      { article: articleId, revision },
    );
  }
  return { ...article, revision };
}

/** The content as readers will get it; the version range is checked here so search never meets a bad one. */
function documentOf(id: string, content: ArticleContent, at: string): KnowledgeArticle {
  const article: KnowledgeArticle = {
    id,
    kind: content.kind,
    product: content.product,
    versions: content.versions,
    locale: content.locale,
    title: content.title,
    body: content.body,
    signatures: content.signatures,
    updatedAt: at,
  };
  articleVersionRange(article);
  return article;
}

function contentChanges(content: ArticleContent): Record<string, unknown> {
  // The body can be long; the trail says it changed and how long it is, the revision keeps the text.
  const { body, ...rest } = content;
  return { ...rest, bodyLength: body.length };
}

export async function createArticle(
  db: Kysely<Database>,
  actor: AdminActor,
  input: z.input<typeof ArticleCreateSchema>,
  now: Date,
): Promise<AdminArticle> {
  const { id, ...content } = parsed(ArticleCreateSchema, input);
  const at = toIso(now);
  const article = documentOf(id, content, at);
  const taken = () => new HicareError('ALREADY_EXISTS.article', { id }, { article: id });
  try {
    await db.transaction().execute(async (trx) => {
      if ((await findArticleRow(trx, id)) !== undefined) throw taken();
      await trx
        .insertInto('articles')
        .values({
          id,
          kind: article.kind,
          product: article.product,
          locale: article.locale,
          title: article.title,
          versions: article.versions,
          state: 'draft',
          revision: 1,
          published_revision: null,
          withdrawn_at: null,
          withdrawn_reason: null,
          withdrawn_by: null,
          updated_at: at,
          updated_by: actor.label,
        })
        .execute();
      await insertRevision(trx, article, 1, actor.label, content.note ?? null);
      await recordChange(
        trx,
        actor,
        { action: 'article.create', subject: 'article', subjectId: id, changes: contentChanges(content) },
        now,
      );
    });
  } catch (error) {
    // Two writers creating the same id at once: the loser hears what the check above would have said.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return adminView(db, id);
}

export async function updateArticle(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  input: z.input<typeof ArticleUpdateSchema>,
  now: Date,
): Promise<AdminArticle> {
  const articleId = parsed(IdSchema, id);
  const { baseRevision, ...content } = parsed(ArticleUpdateSchema, input);
  const at = toIso(now);
  const article = documentOf(articleId, content, at);
  try {
    await db.transaction().execute(async (trx) => {
      const row = await findArticleRow(trx, articleId);
      if (row === undefined) throw articleNotFound(articleId);
      assertSaveBase(row, baseRevision);
      const revision = row.revision + 1;
      await insertRevision(trx, article, revision, actor.label, content.note ?? null);
      await recordChange(
        trx,
        actor,
        {
          action: 'article.update',
          subject: 'article',
          subjectId: articleId,
          changes: { ...contentChanges(content), revision },
        },
        now,
      );
    });
  } catch (error) {
    // Two saves from the same base at once: the second one's revision number is taken, so it was stale too.
    if (isUniqueViolation(error)) {
      const latest = (await findArticleRow(db, articleId))?.revision ?? baseRevision;
      throw new HicareError(
        'ILLEGAL_TRANSITION.articleStaleRevision',
        { id: articleId, base: baseRevision, latest },
        { article: articleId, baseRevision, revision: latest },
      );
    }
    throw error;
  }
  return adminView(db, articleId);
}

export async function publishArticle(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  revision: number | undefined,
  now: Date,
): Promise<AdminArticle> {
  const articleId = parsed(IdSchema, id);
  await db.transaction().execute(async (trx) => {
    const row = await findArticleRow(trx, articleId);
    if (row === undefined) throw articleNotFound(articleId);
    const target = revisionToPublish(row, revision);
    await markPublished(trx, articleId, target, toIso(now), actor.label);
    await recordChange(
      trx,
      actor,
      {
        action: row.state === 'withdrawn' ? 'article.restore' : 'article.publish',
        subject: 'article',
        subjectId: articleId,
        changes: { revision: target },
      },
      now,
    );
  });
  return adminView(db, articleId);
}

export async function withdrawArticle(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  reasonInput: string,
  now: Date,
): Promise<AdminArticle> {
  const articleId = parsed(IdSchema, id);
  const reason = parsed(NonBlankSchema(500), reasonInput);
  const at = toIso(now);
  await db.transaction().execute(async (trx) => {
    const row = await findArticleRow(trx, articleId);
    if (row === undefined) throw articleNotFound(articleId);
    assertWithdrawable(row);
    await trx
      .updateTable('articles')
      .set({
        state: 'withdrawn',
        withdrawn_at: at,
        withdrawn_reason: reason,
        withdrawn_by: actor.label,
        updated_at: at,
        updated_by: actor.label,
      })
      .where('id', '=', articleId)
      .execute();
    await bumpKbGeneration(trx);
    await recordChange(
      trx,
      actor,
      { action: 'article.withdraw', subject: 'article', subjectId: articleId, changes: { reason } },
      now,
    );
  });
  return adminView(db, articleId);
}
