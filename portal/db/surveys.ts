/**
 * Satisfaction surveys: one answer per request (the primary key makes that hold even when two answers race). The
 * vendor's summary is the surveys report (../admin/reports.ts).
 */
import type { Kysely } from 'kysely';
import { HicareError } from '../../shared/errors.js';
import type { Database } from './schema.js';
import { isUniqueViolation, toIso } from './support.js';

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
