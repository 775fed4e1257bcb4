/**
 * A product's line lifecycles and withdrawn releases for a moment: every entitlement answer and package request
 * judges against them, and they change a few times a year. Setting a lifecycle, withdrawing or restoring a release
 * announces the product (db/revocations.ts), and the cache forgets it at once in this instance and, on PostgreSQL,
 * in every other. A change no announcement carries (the CLI beside a running SQLite portal) is seen once the entry
 * is older than PRODUCT_RULES_TTL_MS.
 */
import type { LineLifecycle } from '../../shared/domain/release.js';
import { BriefCache } from '../db/brief-cache.js';
import type { Revocation } from '../db/revocations.js';
import type { Withdrawal } from '../db/withdrawals.js';

export const PRODUCT_RULES_TTL_MS = 2_000;
const PRODUCTS_KEPT = 1_000;

export interface ProductRules {
  lifecycles: LineLifecycle[];
  /** Keyed `product\0version` (db/withdrawals.ts withdrawalKey). */
  withdrawals: Map<string, Withdrawal>;
}

export class ProductRulesCache {
  private readonly cache: BriefCache<ProductRules>;

  constructor(options: { ttlMs?: number; clock?: () => number } = {}) {
    this.cache = new BriefCache({
      ttlMs: options.ttlMs ?? PRODUCT_RULES_TTL_MS,
      maxEntries: PRODUCTS_KEPT,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  }

  /** The rules as cached (shared between callers: never to be changed), else as `load` reads them. */
  async rulesOf(product: string, load: () => Promise<ProductRules>): Promise<ProductRules> {
    // `load` always answers, so the lookup does too; the fallback only satisfies the type.
    return (await this.cache.lookup(product, load)) ?? (await load());
  }

  forget(revocation: Revocation): void {
    if (revocation.kind === 'product') this.cache.forget((_rules, product) => product === revocation.id);
  }

  clear(): void {
    this.cache.clear();
  }
}
