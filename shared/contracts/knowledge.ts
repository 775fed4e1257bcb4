/**
 * The knowledge base (DESIGN.md §3.5): the vendor's articles — product documents, configuration guides, maintenance
 * cases and known issues with the error signatures that identify them — and what search and the assistant answer
 * with. Article bodies are Markdown; readers render them through shared/markdown, never as HTML.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, NonBlankSchema, ProductIdSchema, TextSchema } from './common.js';

export const ARTICLE_KINDS = ['document', 'configuration-guide', 'maintenance-case', 'known-issue'] as const;
export const ArticleKindSchema = z.enum(ARTICLE_KINDS);
export type ArticleKind = z.infer<typeof ArticleKindSchema>;

/** A draft is the vendor's only; a published article is everyone's; a withdrawn one answers its link with a notice. */
export const ARTICLE_STATES = ['draft', 'published', 'withdrawn'] as const;
export const ArticleStateSchema = z.enum(ARTICLE_STATES);
export type ArticleState = z.infer<typeof ArticleStateSchema>;

/** The language an article is written in; search finds articles in every language, the reader's first. */
export const ARTICLE_LOCALES = ['en', 'zh-CN'] as const;
export const ArticleLocaleSchema = z.enum(ARTICLE_LOCALES);

export const ErrorSignatureSchema = z.object({
  /** Matches when the installer exited with one of these codes (empty: any code). */
  exitCodes: z.array(z.number().int()).max(32).default([]),
  /** Matches when the installer log contains this text (case-insensitive, literal). */
  logContains: z.string().max(500).optional(),
});

/** One published revision of an article, as readers get it. */
export const KnowledgeArticleSchema = z.object({
  id: IdSchema,
  kind: ArticleKindSchema,
  product: ProductIdSchema.nullable(),
  /** The versions it applies to, as a semver range; null: every version. */
  versions: z.string().max(200).nullable(),
  locale: ArticleLocaleSchema.default('en'),
  title: NonBlankSchema(300),
  /** Markdown. */
  body: TextSchema(100_000),
  signatures: z.array(ErrorSignatureSchema).max(32).default([]),
  updatedAt: InstantSchema,
});
export type KnowledgeArticle = z.infer<typeof KnowledgeArticleSchema>;

/** What a list shows of an article: everything but its body and signatures. */
export const ArticleSummarySchema = KnowledgeArticleSchema.omit({ body: true, signatures: true });
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const KnowledgeSearchSchema = z
  .object({
    q: z.string().max(200).default(''),
    product: ProductIdSchema.optional(),
    exitCode: z.coerce.number().int().optional(),
    log: z.string().max(200_000).optional(),
  })
  .strict();

/** A failed installation, sent in a body because installer logs outgrow any URL. */
export const KnownIssueQuerySchema = z
  .object({
    product: ProductIdSchema,
    version: z.string().max(64).optional(),
    exitCode: z.number().int().optional(),
    log: z.string().max(2_000_000).optional(),
  })
  .strict();

/**
 * Text with the query's terms marked, as runs rather than HTML, so no reader ever has to trust markup from the
 * portal: `[{text:'Upgrade failed: ', hit:false}, {text:'database', hit:true}, …]`.
 */
export const HighlightSchema = z.array(z.object({ text: z.string(), hit: z.boolean() })).max(200);
export type Highlight = z.infer<typeof HighlightSchema>;

/** Where a hit or a passage comes from: a published article, or a community question with an accepted answer. */
export const KB_SOURCES = ['article', 'community'] as const;
export const KbSourceSchema = z.enum(KB_SOURCES);
export type KbSource = z.infer<typeof KbSourceSchema>;
