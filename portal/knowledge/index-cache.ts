/**
 * The knowledge index of one portal instance. Every change to what self-help searches raises the generation counter
 * in the same transaction (portal/db/kb-generation.ts), so each request reads that one number and the index is
 * rebuilt only when it moved: instances behind a load balancer converge without talking to each other. Concurrent
 * requests that find it moved share one rebuild instead of each loading every article.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { readKbGeneration } from '../db/kb-generation.js';
import { loadKbDocuments, type KbDocuments } from './documents.js';
import { KnowledgeIndex } from './kb-index.js';

export interface IndexCacheOptions {
  /** What the index is built from (tests count the loads). */
  load?: (db: Kysely<Database>) => Promise<KbDocuments>;
  readGeneration?: (db: Kysely<Database>) => Promise<number>;
}

export class KnowledgeIndexCache {
  private built: { generation: number; index: KnowledgeIndex } | null = null;
  private building: { generation: number; index: Promise<KnowledgeIndex> } | null = null;
  private readonly load: (db: Kysely<Database>) => Promise<KbDocuments>;
  private readonly readGeneration: (db: Kysely<Database>) => Promise<number>;
  /** How many times the index was built, for tests and the bench. */
  builds = 0;

  constructor(options: IndexCacheOptions = {}) {
    this.load = options.load ?? loadKbDocuments;
    this.readGeneration = options.readGeneration ?? readKbGeneration;
  }

  /** The index for the current generation, built now if it is not the one held. */
  async get(db: Kysely<Database>): Promise<KnowledgeIndex> {
    const generation = await this.readGeneration(db);
    if (this.built?.generation === generation) return this.built.index;
    if (this.building?.generation === generation) return this.building.index;
    // Content read after the generation is at least that new; if it is newer, the next request rebuilds once more.
    const index = this.load(db).then((documents) => {
      this.builds++;
      return KnowledgeIndex.build(documents);
    });
    const attempt = { generation, index };
    this.building = attempt;
    try {
      const ready = await index;
      if (this.building === attempt) {
        this.built = { generation, index: ready };
        this.building = null;
      }
      return ready;
    } catch (e) {
      // a failed build is not remembered: the next request tries again
      if (this.building === attempt) this.building = null;
      throw e;
    }
  }
}
