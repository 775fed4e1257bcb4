/** Knowledge-base articles: product documents and known issues with the error signatures that identify them. */
import { z } from 'zod';
import { IdSchema, InstantSchema, NonBlankSchema, ProductIdSchema, TextSchema } from './common.js';

export const ErrorSignatureSchema = z.object({
  /** Matches when the installer exited with one of these codes (empty: any code). */
  exitCodes: z.array(z.number().int()).max(32).default([]),
  /** Matches when the installer log contains this text (case-insensitive, literal). */
  logContains: z.string().max(500).optional(),
});

export const KnowledgeArticleSchema = z.object({
  id: IdSchema,
  kind: z.enum(['document', 'known-issue']),
  product: ProductIdSchema.nullable(),
  /** The versions it applies to, as a semver range. */
  versions: z.string().max(200).nullable(),
  title: NonBlankSchema(300),
  body: TextSchema(100_000),
  signatures: z.array(ErrorSignatureSchema).max(32).default([]),
  updatedAt: InstantSchema,
});

export const KnowledgeSearchSchema = z
  .object({
    q: z.string().max(200).default(''),
    product: ProductIdSchema.optional(),
    exitCode: z.coerce.number().int().optional(),
    log: z.string().max(200_000).optional(),
  })
  .strict();

export type KnowledgeArticle = z.infer<typeof KnowledgeArticleSchema>;

/** A failed installation, sent in a body because installer logs outgrow any URL. */
export const KnownIssueQuerySchema = z
  .object({
    product: ProductIdSchema,
    version: z.string().max(64).optional(),
    exitCode: z.number().int().optional(),
    log: z.string().max(2_000_000).optional(),
  })
  .strict();
