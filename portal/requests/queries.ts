/**
 * Reading requests: the list (a customer's own, newest first; everybody's for the vendor's staff, as the engineers'
 * queue by time left) and one request in detail with its messages, attachments and grants (never a password), and
 * the solutions proposed on it, and the actions the caller may take next.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import type { ServiceRequest, ServiceRequestDetail } from '../../shared/contracts/requests.js';
import { allowedActions, type RequestState } from '../../shared/domain/request-state.js';
import { HicareError } from '../../shared/errors.js';
import { listGrantRecords } from '../db/grants.js';
import { listSolutions } from '../db/solutions.js';
import { listAttachments, listMessages } from '../db/request-activity.js';
import { listRequestRecords } from '../db/requests.js';
import { hasSurveyAnswer } from '../db/surveys.js';
import { visibleRequest } from './access.js';
import type { RequestContext } from './context.js';
import { grantDetails } from './grant-views.js';
import { byTimeLeft, judge, newestFirst } from './views.js';

export async function listRequests(
  ctx: RequestContext,
  caller: Account,
  filter: { state?: RequestState | undefined },
): Promise<ServiceRequest[]> {
  const customer = caller.role === 'customer-admin';
  // A customer account without a customer sees nothing rather than everything.
  if (customer && caller.customerId === null) return [];
  const records = await listRequestRecords(ctx.db, {
    ...(customer && caller.customerId !== null ? { customerId: caller.customerId } : {}),
    ...(filter.state === undefined ? {} : { state: filter.state }),
  });
  const judged = await judge(ctx, records);
  judged.sort(customer ? newestFirst : byTimeLeft);
  return judged.map((j) => j.view);
}

export async function requestDetail(ctx: RequestContext, caller: Account, id: string): Promise<ServiceRequestDetail> {
  const record = await visibleRequest(ctx, caller, id);
  const [judged] = await judge(ctx, [record]);
  const [messages, attachments, grants, solutions, surveyAnswered] = await Promise.all([
    listMessages(ctx.db, record.id),
    listAttachments(ctx.db, record.id),
    listGrantRecords(ctx.db, record.id),
    listSolutions(ctx.db, record.id),
    hasSurveyAnswer(ctx.db, record.id),
  ]);
  if (judged === undefined) throw new HicareError('INTERNAL.requestNotShown');

  return {
    ...judged.view,
    messages,
    attachments,
    grants: await grantDetails(ctx, caller, record, grants),
    solutions,
    surveyAnswered,
    allowedActions: allowedActions(record.state, caller.role),
  };
}
