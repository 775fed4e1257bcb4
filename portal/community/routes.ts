/**
 * The community's routes (DESIGN.md §3.5): questions, answers, verification, acceptance and hiding.
 */
import type { communityApi } from '../../shared/contracts/selfhelp/community.js';
import { HicareError } from '../../shared/errors.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';

export function communityHandlers(_ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof communityApi> {
  const missing = () => Promise.reject(new HicareError('NOT_FOUND'));
  return {
    communityQuestions: missing,
    communityQuestion: missing,
    communityAsk: missing,
    communityAnswer: missing,
    communityVerify: missing,
    communityAccept: missing,
    communityHide: missing,
    communityUnhide: missing,
  };
}
