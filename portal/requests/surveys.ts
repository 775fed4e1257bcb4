/**
 * The satisfaction survey a customer answers once a request is closed (1–5 and a comment), once per request. The
 * vendor reads the answers in the surveys report (../admin/reports.ts).
 */
import type { Account } from '../../shared/contracts/accounts.js';
import { SurveySchema, type Survey } from '../../shared/contracts/requests.js';
import { canAnswerSurvey } from '../../shared/domain/request-state.js';
import { HicareError } from '../../shared/errors.js';
import { hasSurveyAnswer, insertSurveyAnswer, surveyAlreadyAnswered } from '../db/surveys.js';
import { checkInput } from '../db/support.js';
import { visibleRequest } from './access.js';
import type { RequestContext } from './context.js';
import { selectKey } from './select-key.js';

export async function answerSurvey(
  ctx: RequestContext,
  caller: Account,
  requestId: string,
  survey: Survey,
): Promise<Survey> {
  checkInput(SurveySchema, survey, 'survey answer');
  const record = await visibleRequest(ctx, caller, requestId);
  const answered = await hasSurveyAnswer(ctx.db, record.id);
  if (!canAnswerSurvey(record.state, answered)) {
    if (answered) throw surveyAlreadyAnswered(record.id);
    throw new HicareError(
      'ILLEGAL_TRANSITION.requestSurveyNotClosed',
      { number: record.number, state: selectKey(record.state) },
      {
        state: record.state,
      },
    );
  }
  // The primary key settles two answers sent at once: the second gets the same ALREADY_EXISTS.
  await insertSurveyAnswer(
    ctx.db,
    {
      requestId: record.id,
      customerId: record.customerId,
      accountId: caller.id,
      rating: survey.rating,
      comment: survey.comment,
    },
    ctx.now(),
  );
  return { rating: survey.rating, comment: survey.comment };
}
