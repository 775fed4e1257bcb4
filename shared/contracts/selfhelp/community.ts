/**
 * The community (DESIGN.md §3.5): customers ask, anyone signed in answers, engineers verify, the asker accepts, and the
 * vendor hides what does not belong. A customer's author is never named to another customer: only the company, and
 * only when its author chose to show it.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, NonBlankSchema, ProductIdSchema } from '../common.js';
import { customerOrStaff, endpoint, people, vendorAdmin } from '../endpoint.js';
import { ListQuerySchema, pageOf } from '../admin/paging.js';

export const PostAuthorSchema = z.object({
  kind: z.enum(['customer', 'vendor']),
  /** The customer's name: when its author chose to show it, and always to the vendor's staff. */
  company: z.string().nullable(),
  /** Whether the author chose to show the company, so the vendor sees what other customers see. */
  companyShown: z.boolean(),
  /** A vendor engineer's display name; never a customer's. */
  name: z.string().nullable(),
  /** Written by the account reading it. */
  mine: z.boolean(),
});
export type PostAuthor = z.infer<typeof PostAuthorSchema>;

/** Hidden posts are shown to the vendor's administrators only, marked; to everyone else they do not exist. */
export const HiddenSchema = z.object({ at: InstantSchema, reason: z.string() }).nullable();

export const QUESTION_STATES = ['open', 'answered', 'accepted'] as const;
export const QuestionStateSchema = z.enum(QUESTION_STATES);

export const CommunityAnswerSchema = z.object({
  id: IdSchema,
  questionId: IdSchema,
  /** Markdown. */
  body: z.string(),
  author: PostAuthorSchema,
  createdAt: InstantSchema,
  verified: z.object({ at: InstantSchema, by: z.string() }).nullable(),
  accepted: z.boolean(),
  hidden: HiddenSchema,
});
export type CommunityAnswer = z.infer<typeof CommunityAnswerSchema>;

export const CommunityQuestionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** Markdown. */
  body: z.string(),
  product: ProductIdSchema,
  version: z.string().nullable(),
  author: PostAuthorSchema,
  createdAt: InstantSchema,
  state: QuestionStateSchema,
  answers: z.number().int().min(0),
  hidden: HiddenSchema,
});
export type CommunityQuestion = z.infer<typeof CommunityQuestionSchema>;

export const CommunityThreadSchema = z.object({
  question: CommunityQuestionSchema,
  /** Accepted first, then verified, then oldest first. */
  answers: z.array(CommunityAnswerSchema),
});
export type CommunityThread = z.infer<typeof CommunityThreadSchema>;

export const CommunityListQuerySchema = ListQuerySchema.extend({
  product: ProductIdSchema.optional(),
  state: QuestionStateSchema.optional(),
  /** Only the reader's own questions. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
}).strict();

export const QuestionCreateSchema = z
  .object({
    title: NonBlankSchema(200),
    body: NonBlankSchema(20_000),
    product: ProductIdSchema,
    version: z.string().trim().min(1).max(64).optional(),
    showCompany: z.boolean().default(false),
  })
  .strict();
export type QuestionCreate = z.infer<typeof QuestionCreateSchema>;

export const AnswerCreateSchema = z
  .object({ body: NonBlankSchema(20_000), showCompany: z.boolean().default(false) })
  .strict();

export const HideSchema = z.object({ reason: NonBlankSchema(500) }).strict();

const IdParams = z.object({ id: IdSchema }).strict();
/** Both kinds of post are hidden the same way. */
const PostParams = z.object({ post: z.enum(['questions', 'answers']), id: IdSchema }).strict();

export const communityApi = {
  communityQuestions: endpoint({
    method: 'GET',
    path: '/api/v1/community/questions',
    summary: 'Community questions, newest first, by text, product and state',
    auth: people,
    query: CommunityListQuerySchema,
    response: pageOf(CommunityQuestionSchema),
  }),
  communityQuestion: endpoint({
    method: 'GET',
    path: '/api/v1/community/questions/:id',
    summary: 'One community question with its answers',
    auth: people,
    params: IdParams,
    response: CommunityThreadSchema,
  }),
  communityAsk: endpoint({
    method: 'POST',
    path: '/api/v1/community/questions',
    summary: 'Ask the community a question about a product (rate-limited per account)',
    auth: customerOrStaff,
    body: QuestionCreateSchema,
    response: CommunityThreadSchema,
    idempotent: true,
  }),
  communityAnswer: endpoint({
    method: 'POST',
    path: '/api/v1/community/questions/:id/answers',
    summary: 'Answer a community question (rate-limited per account)',
    auth: people,
    params: IdParams,
    body: AnswerCreateSchema,
    response: CommunityThreadSchema,
    idempotent: true,
  }),
  communityVerify: endpoint({
    method: 'POST',
    path: '/api/v1/community/answers/:id/verify',
    summary: 'Mark an answer as verified by the vendor (engineers)',
    auth: ['engineer', 'portal-admin'] as const,
    params: IdParams,
    response: CommunityThreadSchema,
  }),
  communityAccept: endpoint({
    method: 'POST',
    path: '/api/v1/community/answers/:id/accept',
    summary: 'Accept an answer to your own question',
    auth: customerOrStaff,
    params: IdParams,
    response: CommunityThreadSchema,
  }),
  communityHide: endpoint({
    method: 'POST',
    path: '/api/v1/community/:post/:id/hide',
    summary: 'Hide a question or an answer from everyone but the vendor, saying why',
    auth: vendorAdmin,
    params: PostParams,
    body: HideSchema,
    response: CommunityThreadSchema,
  }),
  communityUnhide: endpoint({
    method: 'POST',
    path: '/api/v1/community/:post/:id/unhide',
    summary: 'Show a hidden question or answer again',
    auth: vendorAdmin,
    params: PostParams,
    response: CommunityThreadSchema,
  }),
} as const;
