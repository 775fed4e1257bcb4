/**
 * Satisfaction surveys: one answer per request (the primary key makes that hold even when two answers race), and the
 * vendor's summary of them.
 */
import type { Kysely } from 'kysely';
import type { SurveyResults } from '../../shared/contracts/requests.js';
import { HicareError } from '../../shared/errors.js';
import type { Database } from './schema.js';
import { compareText, isUniqueViolation, toIso } from './support.js';

export interface NewSurveyAnswer {
  requestId: string;
  customerId: string;
  accountId: string;
  rating: number;
  comment: string;
}

export function surveyAlreadyAnswered(requestId: string): HicareError {
  return new HicareError(
    'ALREADY_EXISTS.dbSurveyAnswered',
    {},
    {
      requestId,
    },
  );
}

export async function insertSurveyAnswer(db: Kysely<Database>, answer: NewSurveyAnswer, now: Date): Promise<void> {
  try {
    await db
      .insertInto('surveys')
      .values({
        request_id: answer.requestId,
        customer_id: answer.customerId,
        account_id: answer.accountId,
        rating: answer.rating,
        comment: answer.comment,
        at: toIso(now),
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw surveyAlreadyAnswered(answer.requestId);
    throw error;
  }
}

export async function hasSurveyAnswer(db: Kysely<Database>, requestId: string): Promise<boolean> {
  const row = await db
    .selectFrom('surveys')
    .select('request_id')
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every answer, summarised; the comments newest first. */
export async function surveyResults(db: Kysely<Database>): Promise<SurveyResults> {
  const rows = await db
    .selectFrom('surveys')
    .innerJoin('requests', 'requests.id', 'surveys.request_id')
    .select([
      'surveys.request_id',
      'requests.number',
      'requests.product',
      'surveys.rating',
      'surveys.comment',
      'surveys.at',
    ])
    .execute();
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let sum = 0;
  for (const r of rows) {
    const key = String(r.rating) as keyof typeof distribution;
    distribution[key] += 1;
    sum += r.rating;
  }
  const comments = rows
    .filter((r) => r.comment.trim() !== '')
    .sort((a, b) => compareText(b.at, a.at) || compareText(b.number, a.number))
    .map((r) => ({
      requestId: r.request_id,
      number: r.number,
      product: r.product,
      rating: r.rating,
      comment: r.comment,
      at: r.at,
    }));
  // Two decimals: enough to compare periods, and the same figure on both dialects.
  const averageRating = rows.length === 0 ? null : Math.round((sum / rows.length) * 100) / 100;
  return { count: rows.length, averageRating, distribution, comments };
}
