/**
 * The community's routes (DESIGN.md §3.5): questions, answers, verification, acceptance and hiding. Reading is in
 * ./listing.ts and ./views.ts, writing in ./posting.ts and ./moderation.ts; this file only connects them to the
 * shared route table.
 */
import type { communityApi } from '../../shared/contracts/selfhelp/community.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import { markReplayed } from '../http/endpoints.js';
import type { JsonHandlers } from '../http/route-table.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from '../requests/idempotency.js';
import { listCommunityQuestions } from './listing.js';
import { accept, moderate, verify } from './moderation.js';
import { answerQuestion, askQuestion, type PostOutcome } from './posting.js';
import { currentThread, readerOf } from './views.js';

function answered(reply: Parameters<typeof markReplayed>[0], outcome: PostOutcome) {
  if (outcome.replayed) markReplayed(reply);
  return outcome.thread;
}

export function communityHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof communityApi> {
  return {
    communityQuestions: async ({ caller, query }) => listCommunityQuestions(ctx, caller.account, query),
    communityQuestion: async ({ caller, params }) => currentThread(ctx.db, params.id, readerOf(caller.account)),
    communityAsk: async ({ caller, body, request, reply }) => {
      const key = idempotencyKeyOf(request.headers[IDEMPOTENCY_HEADER]);
      return answered(reply, await askQuestion(ctx, caller.account, body, key));
    },
    communityAnswer: async ({ caller, params, body, request, reply }) => {
      const key = idempotencyKeyOf(request.headers[IDEMPOTENCY_HEADER]);
      return answered(reply, await answerQuestion(ctx, caller.account, params.id, body, key));
    },
    communityVerify: async ({ caller, params }) => verify(ctx, caller.account, params.id),
    communityAccept: async ({ caller, params }) => accept(ctx, caller.account, params.id),
    communityHide: async ({ caller, params, body }) => moderate(ctx, caller.account, params, body.reason),
    communityUnhide: async ({ caller, params }) => moderate(ctx, caller.account, params, null),
  };
}
