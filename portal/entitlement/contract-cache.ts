/**
 * A customer's contracts (with their covered systems and licence advances) and the versions recorded for its systems,
 * for a few seconds: every entitlement check and package request needs them, and on PostgreSQL each read is a
 * network round trip. Adding a contract or a system, a licence advance or a desktop's installation report announces
 * the customer; the cache forgets it on every instance.
 */
import type { Contract } from '../../shared/domain/contract.js';
import { BriefCache } from '../db/brief-cache.js';
import type { InstalledVersion } from '../db/installed-versions.js';
import type { Revocation } from '../db/revocations.js';

export const CONTRACT_CACHE_TTL_MS = 5_000;
export const CONTRACT_CACHE_MAX_CUSTOMERS = 10_000;

export class ContractCache {
  private readonly cache: BriefCache<Contract[]>;
  private readonly installed: BriefCache<InstalledVersion[]>;

  constructor(options: { ttlMs?: number; maxCustomers?: number; clock?: () => number } = {}) {
    this.cache = new BriefCache({
      ttlMs: options.ttlMs ?? CONTRACT_CACHE_TTL_MS,
      maxEntries: options.maxCustomers ?? CONTRACT_CACHE_MAX_CUSTOMERS,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
    this.installed = new BriefCache({
      ttlMs: options.ttlMs ?? CONTRACT_CACHE_TTL_MS,
      maxEntries: options.maxCustomers ?? CONTRACT_CACHE_MAX_CUSTOMERS,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  }

  async contractsOf(customerId: string, load: () => Promise<Contract[]>): Promise<Contract[]> {
    return (await this.cache.lookup(customerId, load)) ?? [];
  }

  /** The recorded versions of some of the customer's systems (`serialNumbers` in the order asked). */
  async installedOf(
    customerId: string,
    serialNumbers: readonly string[],
    load: () => Promise<InstalledVersion[]>,
  ): Promise<InstalledVersion[]> {
    return (await this.installed.lookup(`${customerId}\u0000${serialNumbers.join('\u0000')}`, load)) ?? [];
  }

  forget(revocation: Revocation): void {
    if (revocation.kind !== 'customer') return;
    this.cache.forget((_contracts, customerId) => customerId === revocation.id);
    this.installed.forget((_versions, key) => key.startsWith(`${revocation.id}\u0000`));
  }

  clear(): void {
    this.cache.clear();
    this.installed.clear();
  }
}
