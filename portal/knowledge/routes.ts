/**
 * Self-help's routes (DESIGN.md §3.5): search, one article, the assistant, and known issues for a failed installation,
 * all answered from the one knowledge index this portal instance holds.
 */
import type { kbApi } from '../../shared/contracts/selfhelp/kb.js';
import { HicareError } from '../../shared/errors.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import { publishedArticle } from '../db/articles.js';
import { checkAskQuestion, checkSearchText } from './input.js';
import { KnowledgeIndexCache } from './index-cache.js';
import type { KnowledgeIndex } from './kb-index.js';

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** The list the old search route answers with: at most this many articles. */
const LIST_LIMIT = 20;

/** What the handlers read besides the database; tests put fakes in. */
export interface KnowledgeDeps {
  cache?: KnowledgeIndexCache;
  lookup?: typeof publishedArticle;
}

export function knowledgeHandlers(
  ctx: Pick<EntitlementContext, 'db'>,
  deps: KnowledgeDeps = {},
): Pick<JsonHandlers, 'knowledge' | 'knownIssues' | keyof typeof kbApi> {
  const { db } = ctx;
  const cache = deps.cache ?? new KnowledgeIndexCache();
  const lookup = deps.lookup ?? publishedArticle;
  const index = (): Promise<KnowledgeIndex> => cache.get(db);
  return {
    kbSearch: async ({ query }) => {
      const q = checkSearchText(query.q);
      return (await index()).search({
        q,
        product: query.product,
        version: query.version,
        kind: query.kind,
        community: query.community,
        offset: query.offset,
        limit: query.limit,
      });
    },
    kbArticle: async ({ params }) => {
      const found = await lookup(db, params.id);
      if (found === null) throw new HicareError('NOT_FOUND.publishedArticle', { id: params.id }, { id: params.id });
      if ('withdrawn' in found) {
        const { title, at, reason } = found.withdrawn;
        throw new HicareError(
          'ARTICLE_WITHDRAWN.article',
          { title, withdrawnAt: at, reason },
          { id: params.id, title, withdrawnAt: at, reason },
        );
      }
      const related = (await index()).relatedArticles(found.article.id);
      return { article: found.article, revision: found.revision, related };
    },
    kbAsk: async ({ body }) => {
      const question = checkAskQuestion(body.question);
      const { passages, answered } = (await index()).ask({ question, product: body.product, version: body.version });
      return { passages, answered };
    },
    knownIssues: async ({ body }) => ({
      articles: (await index()).matchKnownIssues({
        product: body.product,
        ...optional('version', body.version),
        ...optional('exitCode', body.exitCode),
        ...optional('log', body.log),
      }),
    }),
    knowledge: async ({ query }) => {
      const q = checkSearchText(query.q);
      const kb = await index();
      // A failure (exit code or log) asks for known issues; plain text asks for a search.
      if (query.product !== undefined && (query.exitCode !== undefined || query.log !== undefined)) {
        return {
          articles: kb.matchKnownIssues({
            product: query.product,
            ...optional('exitCode', query.exitCode),
            ...optional('log', query.log),
          }),
        };
      }
      const found = kb.search({
        q,
        product: query.product,
        community: false,
        limit: LIST_LIMIT,
      });
      const byId = new Map(kb.articles.map((a) => [a.id, a]));
      return { articles: found.hits.flatMap((h) => byId.get(h.id) ?? []) };
    },
  };
}
