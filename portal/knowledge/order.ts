/** The one order both rankings use, so that equal scores come out the same way on every call and every instance. */
import type { KnowledgeArticle } from '../../shared/contracts/knowledge.js';

export interface Scored {
  article: KnowledgeArticle;
  score: number;
}

function instant(article: KnowledgeArticle): number {
  // updatedAt carries an offset, so compare instants rather than strings
  const ms = Date.parse(article.updatedAt);
  return Number.isFinite(ms) ? ms : 0;
}

/** Higher score first; among equals the most recently updated article, then the id, so ties are stable. */
export function compareScored(a: Scored, b: Scored): number {
  if (a.score !== b.score) return b.score - a.score;
  const recency = instant(b.article) - instant(a.article);
  if (recency !== 0) return recency;
  return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
}
