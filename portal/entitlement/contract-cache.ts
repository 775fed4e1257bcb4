/**
 * A customer's contracts (with their covered systems and licence advances) for a few seconds: every entitlement
 * check and package request needs them, and on PostgreSQL each read is a network round trip. Adding a contract or
 * a system, or a licence advance, announces the customer; the cache forgets it on every instance.
 */
import type { Contract } from '../../shared/domain/contract.js';
import { BriefCache } from '../db/brief-cache.js';
import type { Revocation } from '../db/revocations.js';

export const CONTRACT_CACHE_TTL_MS = 5_000;
export const CONTRACT_CACHE_MAX_CUSTOMERS = 10_000;

export class ContractCache {
  private readonly cache: BriefCache<Contract[]>;

  constructor(options: { ttlMs?: number; maxCustomers?: number; clock?: () => number } = {}) {
    this.cache = new BriefCache({
      ttlMs: options.ttlMs ?? CONTRACT_CACHE_TTL_MS,
      maxEntries: options.maxCustomers ?? CONTRACT_CACHE_MAX_CUSTOMERS,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  }

  async contractsOf(customerId: string, load: () => Promise<Contract[]>): Promise<Contract[]> {
    return (await this.cache.lookup(customerId, load)) ?? [];
  }

  forget(revocation: Revocation): void {
    if (revocation.kind === 'customer') this.cache.forget((_contracts, customerId) => customerId === revocation.id);
  }

  clear(): void {
    this.cache.clear();
  }
}
