/**
 * Tokens seen in the last few seconds, with their accounts, so that the hot path (an entitlement check, a package
 * HEAD) authenticates without a database round trip. What can make a cached token wrong is told to the cache
 * (`forget`): a revocation or a disabled account, heard on this instance at once and from the others by NOTIFY.
 * Expiry needs no telling: it is judged on every use against the cached expiry.
 */
import type { TokenWithAccount } from '../db/tokens.js';
import type { Revocation } from '../db/revocations.js';

export const TOKEN_CACHE_TTL_MS = 5_000;
export const TOKEN_CACHE_MAX_ENTRIES = 10_000;

export interface TokenCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Milliseconds, only ever compared with each other (a monotonic clock; tests may pass their own). */
  clock?: () => number;
}

interface Entry {
  token: TokenWithAccount;
  storedAt: number;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => number;
  /** Bumped by every `forget`: a lookup that began before it must not cache what it read. */
  private generation = 0;

  constructor(options: TokenCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? TOKEN_CACHE_TTL_MS;
    this.maxEntries = options.maxEntries ?? TOKEN_CACHE_MAX_ENTRIES;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** The token with this hash, from the cache while it is fresh, else from `load` (misses are not cached). */
  async lookup(tokenHash: string, load: () => Promise<TokenWithAccount | undefined>): Promise<TokenWithAccount | undefined> {
    const entry = this.entries.get(tokenHash);
    if (entry !== undefined && this.clock() - entry.storedAt < this.ttlMs) return entry.token;
    if (entry !== undefined) this.entries.delete(tokenHash);
    const generation = this.generation;
    const token = await load();
    // Unknown tokens are not remembered: random guesses would otherwise fill the cache.
    if (token !== undefined && generation === this.generation) this.store(tokenHash, token);
    return token;
  }

  /** Keeps a changed copy of a cached token (its last use), without making it fresher. */
  update(tokenHash: string, token: TokenWithAccount): void {
    const entry = this.entries.get(tokenHash);
    if (entry !== undefined) entry.token = token;
  }

  forget(revocation: Revocation): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) {
      const id = revocation.kind === 'token' ? entry.token.id : entry.token.accountId;
      if (id === revocation.id) this.entries.delete(hash);
    }
  }

  /** Forgets everything (the instance lost touch with the others and may have missed revocations). */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private store(tokenHash: string, token: TokenWithAccount): void {
    // Maps keep insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(tokenHash, { token, storedAt: this.clock() });
  }
}
