/** The back office's handlers: Articles: writing, revising, publishing and withdrawing knowledge articles. */
import type { articlesApi } from '../../shared/contracts/admin/articles.js';
import { HicareError } from '../../shared/errors.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';

export function articleHandlers(_ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof articlesApi> {
  const missing = () => Promise.reject(new HicareError('NOT_FOUND'));
  return {
    adminArticles: missing,
    adminArticle: missing,
    adminArticleRevision: missing,
    adminArticleCreate: missing,
    adminArticleUpdate: missing,
    adminArticlePublish: missing,
    adminArticleWithdraw: missing,
  };
}
