/** The community's questions and answers (migration 0019). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A question that self-help searches: not hidden, with its accepted or verified answers (not hidden), best first. */
export interface SearchableThread {
  id: string;
  title: string;
  body: string;
  product: string;
  version: string | null;
  /** The answers search and the assistant quote: accepted first, then verified. */
  answers: { id: string; body: string; accepted: boolean; verified: boolean }[];
  updatedAt: string;
}

export function listSearchableThreads(_db: Kysely<Database>): Promise<SearchableThread[]> {
  return Promise.resolve([]);
}
