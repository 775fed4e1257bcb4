/**
 * What the knowledge index is built from: the published revision of every published article, and every community
 * question that has an accepted or verified answer (not hidden), with that answer. The stores provide them; the index
 * never reads the database itself.
 */
import type { Kysely } from 'kysely';
import type { KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import { listArticles } from '../db/articles.js';
import { listSearchableThreads, type SearchableThread } from '../db/community.js';
import type { Database } from '../db/schema.js';

export interface KbDocuments {
  articles: KnowledgeArticle[];
  threads: SearchableThread[];
}

export async function loadKbDocuments(db: Kysely<Database>): Promise<KbDocuments> {
  const [articles, threads] = await Promise.all([listArticles(db), listSearchableThreads(db)]);
  return { articles, threads };
}
