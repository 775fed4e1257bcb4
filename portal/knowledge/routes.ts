/**
 * Self-help's routes (DESIGN.md §3.5): search, one article, the assistant, and known issues for a failed installation,
 * all answered from the one knowledge index.
 */
import type { kbApi } from '../../shared/contracts/selfhelp/kb.js';
import { HicareError } from '../../shared/errors.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import { listArticles } from '../db/articles.js';
import { matchKnownIssues, searchArticles } from './index.js';

export function knowledgeHandlers(
  ctx: EntitlementContext,
): Pick<JsonHandlers, 'knowledge' | 'knownIssues' | keyof typeof kbApi> {
  const { db } = ctx;
  return {
    kbSearch: () => Promise.reject(new HicareError('NOT_FOUND')),
    kbArticle: () => Promise.reject(new HicareError('NOT_FOUND')),
    kbAsk: () => Promise.reject(new HicareError('NOT_FOUND')),
    knownIssues: async ({ body }) => ({
      articles: matchKnownIssues(await listArticles(db), {
        product: body.product,
        ...(body.version === undefined ? {} : { version: body.version }),
        ...(body.exitCode === undefined ? {} : { exitCode: body.exitCode }),
        ...(body.log === undefined ? {} : { log: body.log }),
      }),
    }),
    knowledge: async ({ query }) => {
      const articles = await listArticles(db);
      // A failure (exit code or log) asks for known issues; plain text asks for a search.
      if (query.product !== undefined && (query.exitCode !== undefined || query.log !== undefined)) {
        return {
          articles: matchKnownIssues(articles, {
            product: query.product,
            ...(query.exitCode === undefined ? {} : { exitCode: query.exitCode }),
            ...(query.log === undefined ? {} : { log: query.log }),
          }),
        };
      }
      return {
        articles: searchArticles(articles, {
          q: query.q,
          ...(query.product === undefined ? {} : { product: query.product }),
        }),
      };
    },
  };
}
