/**
 * Self-help for everyone signed in (DESIGN.md §3.5): search over the published articles and the community's accepted
 * and verified answers, one article to read, and the assistant that answers a question with the best passages. One
 * index on the portal serves all three and known-issue matching.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, ProductIdSchema } from '../common.js';
import { endpoint, people } from '../endpoint.js';
import {
  ArticleKindSchema,
  ArticleLocaleSchema,
  ArticleSummarySchema,
  HighlightSchema,
  KbSourceSchema,
  KnowledgeArticleSchema,
} from '../knowledge.js';

/** Queries are checked for length and control characters by the search itself, so the refusal is coded and worded. */
export const KbSearchQuerySchema = z
  .object({
    /** Words to find; empty browses the newest articles in scope. */
    q: z.string().max(10_000).default(''),
    product: ProductIdSchema.optional(),
    /** Only articles that apply to this version (and those for every version). */
    version: z.string().max(64).optional(),
    kind: ArticleKindSchema.optional(),
    /** Also community questions with an accepted or verified answer (default true). */
    community: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

/** One search result: where it is from, its title and a snippet with the query's terms marked. */
export const KbHitSchema = z.object({
  source: KbSourceSchema,
  /** The article's id, or the community question's. */
  id: IdSchema,
  title: HighlightSchema,
  snippet: HighlightSchema,
  /** The heading of the section the snippet is from, when it is not the first. */
  heading: z.string().nullable(),
  /** The section's anchor in the article (`#…`), to open it there. */
  anchor: z.string().nullable(),
  kind: ArticleKindSchema.nullable(),
  product: ProductIdSchema.nullable(),
  versions: z.string().nullable(),
  locale: ArticleLocaleSchema,
  updatedAt: InstantSchema,
  score: z.number(),
});
export type KbHit = z.infer<typeof KbHitSchema>;

export const KbSearchResultSchema = z.object({
  hits: z.array(KbHitSchema),
  /** How many match in all. */
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
});
export type KbSearchResult = z.infer<typeof KbSearchResultSchema>;

export const KbArticleViewSchema = z.object({
  article: KnowledgeArticleSchema,
  /** The published revision's number. */
  revision: z.number().int().min(1),
  /** Other published articles on the same subject, best first. */
  related: z.array(ArticleSummarySchema).max(10),
});
export type KbArticleView = z.infer<typeof KbArticleViewSchema>;

export const KbAskSchema = z
  .object({
    /** The question in the user's words; its length and characters are checked by the assistant (coded refusals). */
    question: z.string().max(20_000),
    product: ProductIdSchema.optional(),
    version: z.string().max(64).optional(),
  })
  .strict();
export type KbAsk = z.infer<typeof KbAskSchema>;

/** One passage of an answer: a section of an article or an accepted answer, with its source. */
export const KbPassageSchema = z.object({
  source: KbSourceSchema,
  id: IdSchema,
  title: z.string(),
  heading: z.string().nullable(),
  anchor: z.string().nullable(),
  text: HighlightSchema,
  score: z.number(),
});
export type KbPassage = z.infer<typeof KbPassageSchema>;

export const KbAnswerSchema = z.object({
  passages: z.array(KbPassageSchema).max(5),
  /** False when nothing scored well enough to show as an answer: the app offers a request instead. */
  answered: z.boolean(),
});
export type KbAnswer = z.infer<typeof KbAnswerSchema>;

export const kbApi = {
  kbSearch: endpoint({
    method: 'GET',
    path: '/api/v1/kb/search',
    summary: 'Search the published articles and accepted community answers, with highlighted snippets',
    auth: people,
    query: KbSearchQuerySchema,
    response: KbSearchResultSchema,
  }),
  kbArticle: endpoint({
    method: 'GET',
    path: '/api/v1/kb/articles/:id',
    summary: 'One published article (Markdown) and related articles; a withdrawn one answers 410',
    auth: people,
    params: z.object({ id: IdSchema }).strict(),
    response: KbArticleViewSchema,
  }),
  kbAsk: endpoint({
    method: 'POST',
    path: '/api/v1/kb/ask',
    summary: 'Answer a question with the best passages of the articles and accepted answers, each with its source',
    auth: people,
    body: KbAskSchema,
    response: KbAnswerSchema,
  }),
} as const;
