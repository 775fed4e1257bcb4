/**
 * Self-help search over the knowledge base (DESIGN.md §3.5). A small in-memory ranking is enough for a vendor's few
 * hundred articles and behaves the same on SQLite and PostgreSQL: a title hit weighs more than a body hit, rare
 * terms more than common ones, and an article that covers all of the question beats one that repeats part of it.
 */
import type { KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import { HicareError } from '../../shared/errors.js';
import { compareScored, type Scored } from './order.js';
import { queryTerms, tokenize } from './tokenize.js';

export interface ArticleSearchQuery {
  q: string;
  /** Only this product's articles, plus those that apply to every product. */
  product?: string;
  /** At most this many articles (default 20, at most 100). */
  limit?: number;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const MAX_QUERY_CHARS = 200;
const TITLE_WEIGHT = 3;
/** A term that only starts a word ("install" in "installer") counts for this much of an exact hit. */
const PREFIX_FACTOR = 0.5;
const MIN_PREFIX_CHARS = 3;

interface Indexed {
  article: KnowledgeArticle;
  title: Map<string, number>;
  body: Map<string, number>;
}

function counts(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const t of tokenize(text)) map.set(t, (map.get(t) ?? 0) + 1);
  return map;
}

/** Exact occurrences, or PREFIX_FACTOR when the term only begins some word, or 0. */
function hits(field: Map<string, number>, term: string): number {
  const exact = field.get(term);
  if (exact !== undefined) return exact;
  if (term.length < MIN_PREFIX_CHARS) return 0;
  for (const token of field.keys()) if (token.startsWith(term)) return PREFIX_FACTOR;
  return 0;
}

function assertQuery(query: ArticleSearchQuery): void {
  if (typeof query !== 'object' || query === null || typeof query.q !== 'string') {
    throw new HicareError('INVALID_INPUT.searchTextMissing');
  }
  if (query.q.length > MAX_QUERY_CHARS) {
    throw new HicareError('INVALID_INPUT.searchTextTooLong', { maxChars: MAX_QUERY_CHARS });
  }
  if (query.product !== undefined && (typeof query.product !== 'string' || query.product.length === 0)) {
    throw new HicareError('INVALID_INPUT.searchProductEmpty');
  }
  if (query.limit !== undefined && (!Number.isSafeInteger(query.limit) || query.limit < 1)) {
    throw new HicareError('INVALID_INPUT.articleLimit', { limit: String(query.limit), maxLimit: MAX_LIMIT });
  }
}

/**
 * Articles ranked by relevance to `q`, best first. An empty query browses: the newest articles first. Articles that
 * share no term with the query are left out.
 */
export function searchArticles(articles: readonly KnowledgeArticle[], query: ArticleSearchQuery): KnowledgeArticle[] {
  assertQuery(query);
  const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const inScope = articles.filter(
    (a) => query.product === undefined || a.product === null || a.product === query.product,
  );
  const terms = queryTerms(query.q);
  if (terms.length === 0) {
    return inScope
      .map((article) => ({ article, score: 0 }))
      .sort(compareScored)
      .slice(0, limit)
      .map((s) => s.article);
  }

  const indexed: Indexed[] = inScope.map((article) => ({
    article,
    title: counts(article.title),
    body: counts(article.body),
  }));
  // inverse document frequency over the articles in scope: a term every article has decides nothing
  const idf = new Map<string, number>();
  for (const term of terms) {
    const df = indexed.filter((d) => hits(d.title, term) > 0 || hits(d.body, term) > 0).length;
    idf.set(term, Math.log(1 + indexed.length / (1 + df)));
  }

  const scored: Scored[] = [];
  for (const doc of indexed) {
    let sum = 0;
    let matched = 0;
    for (const term of terms) {
      const inTitle = hits(doc.title, term);
      const inBody = hits(doc.body, term);
      if (inTitle === 0 && inBody === 0) continue;
      matched++;
      // repeats in the body help, but only logarithmically, so keyword stuffing does not win
      const body = inBody >= 1 ? 1 + Math.log(inBody) : inBody;
      const title = inTitle > 0 ? TITLE_WEIGHT * Math.min(inTitle, 1) : 0;
      sum += (idf.get(term) ?? 0) * (title + body);
    }
    if (matched === 0) continue;
    scored.push({ article: doc.article, score: sum * (matched / terms.length) });
  }
  return scored
    .sort(compareScored)
    .slice(0, limit)
    .map((s) => s.article);
}
