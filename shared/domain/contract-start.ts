/**
 * The service description's rules for when a contract's service starts, how a renewal follows its predecessor and
 * how a tier change mid-term splits a contract into two periods (DESIGN.md §3.1). Pure: the portal's service, the
 * console's forms and the CLI all decide through these, and every screen words the start with startSentence().
 */
import type { StartBasis } from '../contracts/entitlement.js';
import { HicareError } from '../errors.js';
import type { CatalogKey } from '../i18n/translator.js';
import {
  assertServicePeriod,
  NEW_SERVICE_START_AFTER_SHIPMENT_DAYS,
  serviceStartDate,
  type Contract,
} from './contract.js';
import { addDays, assertCalendarDate, daysBetween, type CalendarDate } from './dates.js';

export type { StartBasis };

/** What an administrator gives to say where the start comes from; exactly one of start, shippedOn and renews. */
export interface StartGiven {
  /** The purchase order's start date. */
  start?: CalendarDate | undefined;
  shippedOn?: CalendarDate | undefined;
  installationServices?: boolean | undefined;
  pacOn?: CalendarDate | undefined;
  renews?: string | undefined;
}

type ContractPeriod = Pick<Contract, 'id' | 'customerId' | 'startDate' | 'endDate'>;

/**
 * The start date and the basis to keep with it. `previous` is the contract named by `renews` (the caller looks it up
 * and refuses an unknown id); it must belong to `customerId`.
 */
export function resolveContractStart(
  given: StartGiven,
  customerId: string,
  previous?: ContractPeriod,
): { startDate: CalendarDate; startBasis: StartBasis } {
  const named = [given.start, given.shippedOn, given.renews].filter((v) => v !== undefined && v !== '').length;
  if (named === 0) throw new HicareError('MISSING_START_DATE_BASIS.none');
  if (named > 1) throw new HicareError('MISSING_START_DATE_BASIS.several');
  if (given.start !== undefined && given.start !== '') {
    const startDate = serviceStartDate({ kind: 'on-contract', startDate: given.start });
    return { startDate, startBasis: { kind: 'purchase-order' } };
  }
  if (given.shippedOn !== undefined && given.shippedOn !== '') {
    const installationServices = given.installationServices === true;
    const startDate = serviceStartDate({
      kind: 'new-with-product',
      shipmentDate: given.shippedOn,
      ...(installationServices
        ? { installationOrCommissioning: given.pacOn === undefined ? {} : { pacDate: given.pacOn } }
        : {}),
    });
    if (installationServices && daysBetween(given.shippedOn, startDate) < 0) {
      throw new HicareError(
        'INVALID_INPUT.pacBeforeShipment',
        { pacDate: startDate, shippedDate: given.shippedOn },
        { pacOn: startDate, shippedOn: given.shippedOn },
      );
    }
    const startBasis: StartBasis = { kind: 'shipment', shippedOn: given.shippedOn, installationServices };
    if (installationServices && given.pacOn !== undefined) startBasis.pacOn = given.pacOn;
    return { startDate, startBasis };
  }
  const renews = given.renews ?? '';
  if (previous === undefined || previous.id !== renews) {
    throw new HicareError('NOT_FOUND.dbContract', { contractId: renews }, { contractId: renews });
  }
  if (previous.customerId !== customerId) {
    throw new HicareError(
      'INVALID_INPUT.renewsOtherCustomer',
      { contractId: previous.id, customerId },
      { contractId: previous.id, customerId },
    );
  }
  return {
    startDate: serviceStartDate({ kind: 'renewal', previousEndDate: previous.endDate }),
    startBasis: { kind: 'renewal', renewsContractId: previous.id, previousEndDate: previous.endDate },
  };
}

type CoverPeriod = Pick<Contract, 'id' | 'customerId' | 'startDate' | 'endDate' | 'systems'>;

function periodsOverlap(a: Pick<Contract, 'startDate' | 'endDate'>, b: Pick<Contract, 'startDate' | 'endDate'>) {
  return daysBetween(a.startDate, b.endDate) >= 0 && daysBetween(b.startDate, a.endDate) >= 0;
}

/**
 * The first other contract of the same customer that covers one of the candidate's systems on a day the candidate
 * also covers: two periods of one system would make its rights depend on which contract is read first.
 */
export function overlappingContract<C extends CoverPeriod>(
  candidate: CoverPeriod,
  others: readonly C[],
): { contract: C; serialNumber: string } | undefined {
  const serials = new Set(candidate.systems.map((s) => s.serialNumber));
  for (const other of others) {
    if (other.id === candidate.id || other.customerId !== candidate.customerId) continue;
    if (!periodsOverlap(candidate, other)) continue;
    const shared = other.systems.find((s) => serials.has(s.serialNumber));
    if (shared !== undefined) return { contract: other, serialNumber: shared.serialNumber };
  }
  return undefined;
}

/** Refuses a period that overlaps another contract of the customer on a shared system. */
export function assertNoOverlap(candidate: CoverPeriod, others: readonly CoverPeriod[]): void {
  const clash = overlappingContract(candidate, others);
  if (clash === undefined) return;
  throw new HicareError(
    'CONTRACT_OVERLAP.systems',
    {
      contractId: clash.contract.id,
      serialNumber: clash.serialNumber,
      startDate: clash.contract.startDate,
      endDate: clash.contract.endDate,
    },
    { contractId: clash.contract.id, serialNumber: clash.serialNumber },
  );
}

export interface TierChangePlan {
  /** The old contract's new end: the day before the change. */
  previousEndDate: CalendarDate;
  next: Pick<Contract, 'tier' | 'startDate' | 'endDate'> & { startBasis: StartBasis };
}

/**
 * A tier change on `on` ends the contract the day before and starts a new period on `on` running to the old end.
 * The change must fall after the first day of the period (a change on the first day is a different contract, not a
 * change) and on or before its last.
 */
export function planTierChange(
  contract: Pick<Contract, 'id' | 'tier' | 'startDate' | 'endDate'>,
  tier: Contract['tier'],
  on: CalendarDate,
): TierChangePlan {
  assertCalendarDate(on);
  if (tier === contract.tier) {
    throw new HicareError('INVALID_INPUT.sameTier', { contractId: contract.id, tier }, { tier });
  }
  if (daysBetween(contract.startDate, on) < 1 || daysBetween(on, contract.endDate) < 0) {
    throw new HicareError(
      'INVALID_INPUT.tierChangeOutside',
      { changeDate: on, startDate: addDays(contract.startDate, 1), endDate: contract.endDate },
      { on, startDate: contract.startDate, endDate: contract.endDate },
    );
  }
  const previousEndDate = addDays(on, -1);
  assertServicePeriod(contract.startDate, previousEndDate);
  return {
    previousEndDate,
    next: {
      tier,
      startDate: on,
      endDate: contract.endDate,
      startBasis: { kind: 'tier-change', changedFromContractId: contract.id, previousTier: contract.tier },
    },
  };
}

/** The contract this one follows (renewed or changed tier from), if any. */
export function predecessorId(contract: Pick<Contract, 'startBasis'>): string | undefined {
  const basis = contract.startBasis;
  if (basis?.kind === 'renewal') return basis.renewsContractId;
  if (basis?.kind === 'tier-change') return basis.changedFromContractId;
  return undefined;
}

/**
 * The contracts linked to `contract` by renewals and tier changes, oldest first, the contract itself included. A
 * contract followed by two (a renewal refused later, an operator's mistake) shows the earliest successor only.
 */
export function contractChain<C extends Pick<Contract, 'id' | 'startDate' | 'startBasis'>>(
  contract: C,
  all: readonly C[],
): C[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const chain: C[] = [contract];
  const seen = new Set([contract.id]);
  for (let id = predecessorId(contract); id !== undefined && !seen.has(id);) {
    const previous = byId.get(id);
    if (previous === undefined) break;
    chain.unshift(previous);
    seen.add(id);
    id = predecessorId(previous);
  }
  for (let current: C | undefined = contract; current !== undefined;) {
    const from: string = current.id;
    const next = all
      .filter((c) => !seen.has(c.id) && predecessorId(c) === from)
      .sort((a, b) => daysBetween(b.startDate, a.startDate))[0];
    if (next !== undefined) {
      chain.push(next);
      seen.add(next.id);
    }
    current = next;
  }
  return chain;
}

export type StartSentenceKey = Extract<CatalogKey, `admin.contracts.started.${string}`>;

/**
 * Says when a contract's service started and where that date came from, as a catalog key and its params: dates
 * end in `Date` so the reader's language writes them; `timeZone` names the contract's zone once.
 */
export function startSentence(contract: Pick<Contract, 'startDate' | 'timeZone' | 'startBasis'>): {
  key: StartSentenceKey;
  params: Record<string, string | number>;
} {
  const basis = contract.startBasis ?? { kind: 'purchase-order' };
  const base = { startDate: contract.startDate, timeZone: contract.timeZone };
  switch (basis.kind) {
    case 'purchase-order':
      return { key: 'admin.contracts.started.purchaseOrder', params: base };
    case 'shipment':
      return basis.installationServices
        ? { key: 'admin.contracts.started.pac', params: { ...base, shippedDate: basis.shippedOn } }
        : {
            key: 'admin.contracts.started.shipment',
            params: { ...base, shippedDate: basis.shippedOn, days: NEW_SERVICE_START_AFTER_SHIPMENT_DAYS },
          };
    case 'renewal':
      return {
        key: 'admin.contracts.started.renewal',
        params: { ...base, contractId: basis.renewsContractId, previousEndDate: basis.previousEndDate },
      };
    case 'tier-change':
      return {
        key: 'admin.contracts.started.tierChange',
        params: {
          ...base,
          contractId: basis.changedFromContractId,
          // Select keys cannot hold a hyphen.
          previousTier: basis.previousTier === 'upgrade-support' ? 'upgradeSupport' : 'support',
        },
      };
  }
}
