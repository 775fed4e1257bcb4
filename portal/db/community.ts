/**
 * The community's questions and answers as stored (migration 0019), read with their authors' names and companies.
 * Who sees what is decided by shared/domain/post-author.ts when a reply is built; these reads return everything.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { QuestionState } from '../../shared/domain/community-thread.js';
import type { Database } from './schema.js';
import { containsText } from './text-search.js';
import { toNumber } from './support.js';

export interface HiddenRecord {
  at: string;
  reason: string;
}

interface PostRecord {
  id: string;
  accountId: string;
  accountName: string;
  customerId: string | null;
  customerName: string | null;
  body: string;
  showCompany: boolean;
  createdAt: string;
  bodyHash: string;
  hidden: HiddenRecord | null;
}

export interface QuestionRecord extends PostRecord {
  customerId: string;
  title: string;
  product: string;
  version: string | null;
}

export interface AnswerRecord extends PostRecord {
  questionId: string;
  verified: { at: string; by: string } | null;
  acceptedAt: string | null;
}

/** A question that self-help searches: not hidden, with its accepted or verified answers (not hidden), best first. */
export interface SearchableThread {
  id: string;
  title: string;
  body: string;
  product: string;
  version: string | null;
  /** The answers search and the assistant quote: accepted first, then verified. */
  answers: { id: string; body: string; accepted: boolean; verified: boolean }[];
  updatedAt: string;
}

type QuestionRow = Awaited<ReturnType<ReturnType<typeof questionQuery>['executeTakeFirstOrThrow']>>;
type AnswerRow = Awaited<ReturnType<ReturnType<typeof answerQuery>['executeTakeFirstOrThrow']>>;

function hiddenOf(row: { hidden_at: string | null; hidden_reason: string | null }): HiddenRecord | null {
  return row.hidden_at === null ? null : { at: row.hidden_at, reason: row.hidden_reason ?? '' };
}

function questionQuery(db: Kysely<Database>) {
  return db
    .selectFrom('community_questions as q')
    .innerJoin('accounts as author', 'author.id', 'q.account_id')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .selectAll('q')
    .select(['author.name as account_name', 'c.name as customer_name']);
}

function answerQuery(db: Kysely<Database>) {
  return db
    .selectFrom('community_answers as a')
    .innerJoin('accounts as author', 'author.id', 'a.account_id')
    .leftJoin('customers as c', 'c.id', 'a.customer_id')
    .leftJoin('accounts as verifier', 'verifier.id', 'a.verified_by')
    .selectAll('a')
    .select(['author.name as account_name', 'c.name as customer_name', 'verifier.name as verifier_name']);
}

function toQuestion(row: QuestionRow): QuestionRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    title: row.title,
    body: row.body,
    product: row.product,
    version: row.version,
    showCompany: toNumber(row.show_company) === 1,
    createdAt: row.created_at,
    bodyHash: row.body_hash,
    hidden: hiddenOf(row),
  };
}

function toAnswer(row: AnswerRow): AnswerRecord {
  return {
    id: row.id,
    questionId: row.question_id,
    accountId: row.account_id,
    accountName: row.account_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    body: row.body,
    showCompany: toNumber(row.show_company) === 1,
    createdAt: row.created_at,
    bodyHash: row.body_hash,
    verified: row.verified_at === null ? null : { at: row.verified_at, by: row.verifier_name ?? '' },
    acceptedAt: row.accepted_at,
    hidden: hiddenOf(row),
  };
}

export async function getQuestion(db: Kysely<Database>, id: string): Promise<QuestionRecord | undefined> {
  const row = await questionQuery(db).where('q.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toQuestion(row);
}

export async function getAnswer(db: Kysely<Database>, id: string): Promise<AnswerRecord | undefined> {
  const row = await answerQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toAnswer(row);
}

/** Every answer of a question, hidden ones included, oldest first. */
export async function listAnswers(db: Kysely<Database>, questionId: string): Promise<AnswerRecord[]> {
  const rows = await answerQuery(db)
    .where('a.question_id', '=', questionId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(toAnswer);
}

export async function findQuestionByKey(
  db: Kysely<Database>,
  accountId: string,
  key: string,
): Promise<QuestionRecord | undefined> {
  const row = await questionQuery(db)
    .where('q.account_id', '=', accountId)
    .where('q.idempotency_key', '=', key)
    .executeTakeFirst();
  return row === undefined ? undefined : toQuestion(row);
}

export async function findAnswerByKey(
  db: Kysely<Database>,
  accountId: string,
  key: string,
): Promise<AnswerRecord | undefined> {
  const row = await answerQuery(db)
    .where('a.account_id', '=', accountId)
    .where('a.idempotency_key', '=', key)
    .executeTakeFirst();
  return row === undefined ? undefined : toAnswer(row);
}

/** When the account posted, questions and answers alike, since `since` (ISO): what the rate limit counts. */
export async function postTimesSince(db: Kysely<Database>, accountId: string, since: string): Promise<number[]> {
  const [questions, answers] = await Promise.all([
    db
      .selectFrom('community_questions')
      .select('created_at')
      .where('account_id', '=', accountId)
      .where('created_at', '>', since)
      .execute(),
    db
      .selectFrom('community_answers')
      .select('created_at')
      .where('account_id', '=', accountId)
      .where('created_at', '>', since)
      .execute(),
  ]);
  return [...questions, ...answers].map((r) => Date.parse(r.created_at));
}

export interface QuestionFilter {
  q?: string | undefined;
  product?: string | undefined;
  state?: QuestionState | undefined;
  /** Only this account's questions. */
  askedBy?: string | undefined;
  includeHidden: boolean;
  offset: number;
  limit: number;
}

export interface QuestionListing {
  items: { question: QuestionRecord; answers: number; accepted: boolean }[];
  total: number;
}

type QuestionScope = ExpressionBuilder<Database & { q: Database['community_questions'] }, 'q'>;

function visibleAnswers(eb: QuestionScope) {
  return eb
    .selectFrom('community_answers as va')
    .whereRef('va.question_id', '=', 'q.id')
    .where('va.hidden_at', 'is', null);
}

function stateIs(eb: QuestionScope, state: QuestionState) {
  const answered = eb.exists(visibleAnswers(eb).select('va.id'));
  const accepted = eb.exists(visibleAnswers(eb).select('va.id').where('va.accepted_at', 'is not', null));
  if (state === 'open') return eb.not(answered);
  if (state === 'accepted') return accepted;
  return eb.and([answered, eb.not(accepted)]);
}

/** Questions newest first, with how many answers are shown and whether one is accepted. */
export async function listQuestions(db: Kysely<Database>, filter: QuestionFilter): Promise<QuestionListing> {
  const base = db.selectFrom('community_questions as q').where((eb) => {
    const conditions = [containsText(eb, ['q.title', 'q.body'], filter.q)];
    if (filter.product !== undefined) conditions.push(eb('q.product', '=', filter.product));
    if (filter.askedBy !== undefined) conditions.push(eb('q.account_id', '=', filter.askedBy));
    if (!filter.includeHidden) conditions.push(eb('q.hidden_at', 'is', null));
    if (filter.state !== undefined) conditions.push(stateIs(eb, filter.state));
    return eb.and(conditions);
  });
  const [page, count] = await Promise.all([
    base
      .select('q.id')
      .select((eb) => [
        visibleAnswers(eb)
          .select((e) => e.fn.countAll<number | string>().as('n'))
          .as('answer_count'),
        eb.exists(visibleAnswers(eb).select('va.id').where('va.accepted_at', 'is not', null)).as('has_accepted'),
      ])
      .orderBy('q.created_at', 'desc')
      .orderBy('q.id', 'desc')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = page.map((r) => r.id);
  const rows = ids.length === 0 ? [] : await questionQuery(db).where('q.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toQuestion(r)]));
  const items = page.flatMap((r) => {
    const question = byId.get(r.id);
    if (question === undefined) return [];
    // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
    const accepted = r.has_accepted === true || toNumber(r.has_accepted as unknown as number) === 1;
    return [{ question, answers: toNumber(r.answer_count ?? 0), accepted }];
  });
  return { items, total: toNumber(count.n) };
}

/**
 * What self-help searches from the community: questions not hidden with at least one answer that is accepted or
 * verified and not hidden, carrying those answers, accepted first. A thread is as new as its last such event.
 */
export async function listSearchableThreads(db: Kysely<Database>): Promise<SearchableThread[]> {
  const answers = await db
    .selectFrom('community_answers as a')
    .innerJoin('community_questions as q', 'q.id', 'a.question_id')
    .select([
      'a.id',
      'a.question_id',
      'a.body',
      'a.created_at',
      'a.accepted_at',
      'a.verified_at',
      'q.title',
      'q.body as question_body',
      'q.product',
      'q.version',
      'q.created_at as asked_at',
    ])
    .where('q.hidden_at', 'is', null)
    .where('a.hidden_at', 'is', null)
    .where((eb) => eb.or([eb('a.accepted_at', 'is not', null), eb('a.verified_at', 'is not', null)]))
    .orderBy('q.created_at')
    .orderBy('q.id')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const threads = new Map<string, SearchableThread>();
  for (const row of answers) {
    const thread = threads.get(row.question_id) ?? {
      id: row.question_id,
      title: row.title,
      body: row.question_body,
      product: row.product,
      version: row.version,
      answers: [],
      updatedAt: row.asked_at,
    };
    thread.answers.push({
      id: row.id,
      body: row.body,
      accepted: row.accepted_at !== null,
      verified: row.verified_at !== null,
    });
    const latest = [row.created_at, row.accepted_at ?? '', row.verified_at ?? ''].reduce((a, b) => (a > b ? a : b));
    if (latest > thread.updatedAt) thread.updatedAt = latest;
    threads.set(row.question_id, thread);
  }
  for (const thread of threads.values()) {
    // A stable sort keeps the verified ones oldest first behind the accepted one.
    thread.answers.sort((a, b) => Number(b.accepted) - Number(a.accepted));
  }
  return [...threads.values()];
}
