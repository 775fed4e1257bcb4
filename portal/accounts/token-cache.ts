/**
 * Tokens seen in the last few seconds, with their accounts, so that the hot path (an entitlement check, a package
 * HEAD) authenticates without a database round trip. What can make a cached token wrong is told to the cache
 * (`forget`): a revocation or a disabled account, heard on this instance at once and from the others by NOTIFY.
 * Expiry needs no telling: it is judged on every use against the cached expiry.
 */
import { BriefCache } from '../db/brief-cache.js';
import type { Revocation } from '../db/revocations.js';
import type { TokenWithAccount } from '../db/tokens.js';

export const TOKEN_CACHE_TTL_MS = 5_000;
export const TOKEN_CACHE_MAX_ENTRIES = 10_000;

export interface TokenCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  clock?: () => number;
}

export class TokenCache {
  private readonly cache: BriefCache<TokenWithAccount>;

  constructor(options: TokenCacheOptions = {}) {
    this.cache = new BriefCache({
      ttlMs: options.ttlMs ?? TOKEN_CACHE_TTL_MS,
      maxEntries: options.maxEntries ?? TOKEN_CACHE_MAX_ENTRIES,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  }

  /** The token with this hash, from the cache while it is fresh, else from `load`. Unknown tokens are not kept:
   * random guesses would otherwise fill the cache. */
  lookup(tokenHash: string, load: () => Promise<TokenWithAccount | undefined>): Promise<TokenWithAccount | undefined> {
    return this.cache.lookup(tokenHash, load);
  }

  /** Keeps a changed copy of a cached token (its last use), without making it fresher. */
  update(tokenHash: string, token: TokenWithAccount): void {
    this.cache.update(tokenHash, token);
  }

  forget(revocation: Revocation): void {
    if (revocation.kind === 'token') this.cache.forget((token) => token.id === revocation.id);
    else if (revocation.kind === 'account') this.cache.forget((token) => token.accountId === revocation.id);
  }

  /** Forgets everything (the instance lost touch with the others and may have missed revocations). */
  clear(): void {
    this.cache.clear();
  }

  get size(): number {
    return this.cache.size;
  }
}
