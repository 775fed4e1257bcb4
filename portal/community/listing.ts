/** The community's list: newest questions first, by text, product, state and "mine", hidden ones only for moderators. */
import type { z } from 'zod';
import type { Account } from '../../shared/contracts/accounts.js';
import type { Page } from '../../shared/contracts/admin/paging.js';
import type { CommunityListQuerySchema, CommunityQuestion } from '../../shared/contracts/selfhelp/community.js';
import { seesHidden } from '../../shared/domain/post-author.js';
import { hasControlCharacter } from '../../shared/domain/post-text.js';
import { HicareError } from '../../shared/errors.js';
import { listQuestions } from '../db/community.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import { questionView, readerOf } from './views.js';

export async function listCommunityQuestions(
  ctx: EntitlementContext,
  account: Account,
  query: z.output<typeof CommunityListQuerySchema>,
): Promise<Page<CommunityQuestion>> {
  const reader = readerOf(account);
  // PostgreSQL cannot compare text holding NUL; refusing control characters answers alike on both dialects.
  if (query.q !== undefined && hasControlCharacter(query.q)) {
    throw new HicareError('INVALID_INPUT.communityControlCharacters', { field: 'search' }, { field: 'search' });
  }
  const { items, total } = await listQuestions(ctx.db, {
    q: query.q,
    product: query.product,
    state: query.state,
    askedBy: query.mine === true ? account.id : undefined,
    includeHidden: seesHidden(reader.role),
    offset: query.offset,
    limit: query.limit,
  });
  return {
    items: items.map(({ question, answers, accepted }) => questionView(question, { answers, accepted }, reader)),
    total,
    offset: query.offset,
    limit: query.limit,
  };
}
