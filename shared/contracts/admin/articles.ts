/**
 * The back office's articles (DESIGN.md §3.5): the vendor writes, revises, publishes and withdraws knowledge articles.
 * Every save is a new revision and earlier ones are kept; readers see the published revision while the next one is
 * drafted, and publishing any revision (an earlier one included) makes it the one readers see.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, NonBlankSchema, ProductIdSchema, TextSchema } from '../common.js';
import { endpoint, vendorAdmin } from '../endpoint.js';
import {
  ArticleKindSchema,
  ArticleLocaleSchema,
  ArticleStateSchema,
  ErrorSignatureSchema,
  KnowledgeArticleSchema,
} from '../knowledge.js';
import { ListQuerySchema, pageOf } from './paging.js';

/** An article's content as the vendor writes it; the portal checks the version range and the Markdown's links. */
export const ArticleContentSchema = z
  .object({
    kind: ArticleKindSchema,
    product: ProductIdSchema.nullable(),
    versions: z.string().trim().min(1).max(200).nullable(),
    locale: ArticleLocaleSchema.default('en'),
    title: NonBlankSchema(300),
    body: TextSchema(100_000),
    signatures: z.array(ErrorSignatureSchema).max(32).default([]),
    /** What this revision changed, for the revision list. */
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type ArticleContent = z.infer<typeof ArticleContentSchema>;

export const ArticleCreateSchema = ArticleContentSchema.extend({ id: IdSchema }).strict();
/** `baseRevision`: the revision the editor started from; a save over a newer one is refused rather than lost. */
export const ArticleUpdateSchema = ArticleContentSchema.extend({ baseRevision: z.number().int().min(1) }).strict();

export const ArticleRevisionSchema = z.object({
  revision: z.number().int().min(1),
  at: InstantSchema,
  by: z.string(),
  note: z.string().nullable(),
});

export const AdminArticleRowSchema = z.object({
  id: IdSchema,
  kind: ArticleKindSchema,
  product: ProductIdSchema.nullable(),
  versions: z.string().nullable(),
  locale: ArticleLocaleSchema,
  title: z.string(),
  state: ArticleStateSchema,
  /** The newest revision. */
  revision: z.number().int().min(1),
  /** The revision readers see; null while the article has never been published. */
  publishedRevision: z.number().int().min(1).nullable(),
  updatedAt: InstantSchema,
  updatedBy: z.string(),
});

export const AdminArticleSchema = z.object({
  row: AdminArticleRowSchema,
  /** The newest revision's content. */
  article: KnowledgeArticleSchema,
  revisions: z.array(ArticleRevisionSchema),
  withdrawn: z.object({ at: InstantSchema, reason: z.string() }).nullable(),
});
export type AdminArticle = z.infer<typeof AdminArticleSchema>;

export const AdminArticleListQuerySchema = ListQuerySchema.extend({
  state: ArticleStateSchema.optional(),
  kind: ArticleKindSchema.optional(),
  product: ProductIdSchema.optional(),
}).strict();

const IdParams = z.object({ id: IdSchema }).strict();

export const articlesApi = {
  adminArticles: endpoint({
    method: 'GET',
    path: '/api/v1/admin/articles',
    summary: 'Knowledge articles in every state, by text, state, kind and product',
    auth: vendorAdmin,
    query: AdminArticleListQuerySchema,
    response: pageOf(AdminArticleRowSchema),
  }),
  adminArticle: endpoint({
    method: 'GET',
    path: '/api/v1/admin/articles/:id',
    summary: 'One article: its newest revision, its state and its revisions',
    auth: vendorAdmin,
    params: IdParams,
    response: AdminArticleSchema,
  }),
  adminArticleRevision: endpoint({
    method: 'GET',
    path: '/api/v1/admin/articles/:id/revisions/:revision',
    summary: 'One revision of an article, as it was saved',
    auth: vendorAdmin,
    params: z.object({ id: IdSchema, revision: z.coerce.number().int().min(1) }).strict(),
    response: KnowledgeArticleSchema.extend({ revision: z.number().int().min(1) }),
  }),
  adminArticleCreate: endpoint({
    method: 'POST',
    path: '/api/v1/admin/articles',
    summary: 'Write a new article, as a draft',
    auth: vendorAdmin,
    body: ArticleCreateSchema,
    response: AdminArticleSchema,
  }),
  adminArticleUpdate: endpoint({
    method: 'PUT',
    path: '/api/v1/admin/articles/:id',
    summary: 'Save a new revision of an article (readers keep the published one until it is published)',
    auth: vendorAdmin,
    params: IdParams,
    body: ArticleUpdateSchema,
    response: AdminArticleSchema,
  }),
  adminArticlePublish: endpoint({
    method: 'POST',
    path: '/api/v1/admin/articles/:id/publish',
    summary: 'Publish the newest revision, or the one named',
    auth: vendorAdmin,
    params: IdParams,
    body: z.object({ revision: z.number().int().min(1).optional() }).strict(),
    response: AdminArticleSchema,
  }),
  adminArticleWithdraw: endpoint({
    method: 'POST',
    path: '/api/v1/admin/articles/:id/withdraw',
    summary: 'Withdraw a published article, saying why; its link then answers with the reason',
    auth: vendorAdmin,
    params: IdParams,
    body: z.object({ reason: NonBlankSchema(500) }).strict(),
    response: AdminArticleSchema,
  }),
} as const;
