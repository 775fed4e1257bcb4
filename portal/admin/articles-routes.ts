/** The back office's handlers: Articles: writing, revising, publishing and withdrawing (./articles.ts does the work). */
import type { articlesApi } from '../../shared/contracts/admin/articles.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import {
  createArticle,
  getAdminArticle,
  getArticleRevision,
  listAdminArticles,
  publishArticle,
  updateArticle,
  withdrawArticle,
} from './articles.js';
import { accountActor } from './audit.js';

export function articleHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof articlesApi> {
  const { db, now } = ctx;
  return {
    adminArticles: async ({ query }) => listAdminArticles(db, query),
    adminArticle: async ({ params }) => getAdminArticle(db, params.id),
    adminArticleRevision: async ({ params }) => getArticleRevision(db, params.id, params.revision),
    adminArticleCreate: async ({ body, caller, reply }) => {
      const article = await createArticle(db, accountActor(caller.account), body, now());
      reply.code(201);
      return article;
    },
    adminArticleUpdate: async ({ params, body, caller }) =>
      updateArticle(db, accountActor(caller.account), params.id, body, now()),
    adminArticlePublish: async ({ params, body, caller }) =>
      publishArticle(db, accountActor(caller.account), params.id, body.revision, now()),
    adminArticleWithdraw: async ({ params, body, caller }) =>
      withdrawArticle(db, accountActor(caller.account), params.id, body.reason, now()),
  };
}
