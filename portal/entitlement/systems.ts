/**
 * The caller's side of entitlement: which contracts and covered systems belong to the signed-in customer, and what
 * version a system runs. Another customer's system is reported exactly like a system that does not exist (404), so
 * that serial numbers cannot be probed.
 */
import type { Kysely } from 'kysely';
import type { Account } from '../../shared/contracts/accounts.js';
import { coversSystem, type Contract, type CoveredSystem } from '../../shared/domain/contract.js';
import { majorOf, parseVersion } from '../../shared/domain/release.js';
import { HicareError } from '../../shared/errors.js';
import { listContracts } from '../db/contracts.js';
import { listInstalledVersions, type InstalledVersion } from '../db/installed-versions.js';
import type { Database } from '../db/schema.js';
import type { ContractCache } from './contract-cache.js';

export function customerOf(account: Account): string {
  if (account.customerId === null) {
    throw new HicareError('FORBIDDEN.notCustomer');
  }
  return account.customerId;
}

export function systemNotFound(serialNumber: string): HicareError {
  return new HicareError('NOT_FOUND.coveredSystem', { serialNumber }, { serialNumber });
}

export interface CustomerSystem {
  system: CoveredSystem;
  /** Every one of the customer's contracts that lists this system (renewals mean there can be several). */
  contracts: Contract[];
  /** As detected on the customer's desktop or entered by the admin; null when never reported. */
  installedVersion: string | null;
  platform: string | null;
  /** The admin confirmed the recorded version is not one of the vendor's catalog. */
  notInCatalog: boolean;
}

/** The customer's systems of one product, or one system by serial number; from `cache` when given. */
export async function customerSystems(
  db: Kysely<Database>,
  customerId: string,
  filter: { serialNumber?: string; product?: string },
  cache?: ContractCache,
): Promise<{ contracts: Contract[]; systems: CustomerSystem[] }> {
  const load = (): Promise<Contract[]> => listContracts(db, { customerId });
  const contracts = cache === undefined ? await load() : await cache.contractsOf(customerId, load);
  const bySerial = new Map<string, CoveredSystem>();
  for (const contract of contracts) {
    for (const s of contract.systems) {
      if (filter.serialNumber !== undefined && s.serialNumber !== filter.serialNumber) continue;
      if (filter.product !== undefined && s.product !== filter.product) continue;
      if (!bySerial.has(s.serialNumber)) bySerial.set(s.serialNumber, s);
    }
  }
  const serials = [...bySerial.keys()];
  const loadInstalled = (): Promise<InstalledVersion[]> => listInstalledVersions(db, serials);
  const installed =
    cache === undefined ? await loadInstalled() : await cache.installedOf(customerId, serials, loadInstalled);
  const systems = [...bySerial.values()].map((system) => {
    const known = installed.find((i) => i.serialNumber === system.serialNumber && i.product === system.product);
    return {
      system,
      contracts: contracts.filter((c) => coversSystem(c, system.serialNumber, system.product)),
      installedVersion: known?.installedVersion ?? null,
      platform: known?.platform ?? null,
      notInCatalog: known?.notInCatalog ?? false,
    };
  });
  return { contracts, systems };
}

/**
 * The version to judge releases against. What the caller reports wins (the desktop detects it); then what the
 * portal last recorded; failing both, the first release of the licensed major, so that the verdicts still tell
 * updates from upgrades for a system nobody has reported yet.
 */
export function baselineVersion(
  entry: CustomerSystem,
  reported: string | undefined,
  knownMajors: readonly number[],
): string {
  if (reported !== undefined) {
    parseVersion(reported);
    return reported;
  }
  if (entry.installedVersion !== null) return entry.installedVersion;
  const licensed = entry.contracts.map((c) => c.licensedMajors[entry.system.product]).find((m) => m !== undefined);
  const major = licensed ?? (knownMajors.length === 0 ? 0 : Math.min(...knownMajors));
  return `${major}.0.0`;
}

export function majorsOf(versions: readonly string[]): number[] {
  return [...new Set(versions.map(majorOf))];
}
