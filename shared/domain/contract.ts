/**
 * Maintenance contracts: tier, service period and status. Dates are calendar dates in the contract's time zone,
 * so a contract "ending 2027-03-31" in Asia/Shanghai runs until 2027-03-31T16:00Z.
 */
import { HicareError } from '../errors.js';
import type { DisplayLocale } from '../i18n/locales.js';
import { translate } from '../i18n/translator.js';
import {
  addDays,
  assertCalendarDate,
  assertInstant,
  assertTimeZone,
  calendarDateAt,
  daysBetween,
  endOfDayExclusive,
  startOfDay,
  type CalendarDate,
} from './dates.js';
import type { z } from 'zod';
import type { ContractSchema, CoveredSystemSchema } from '../contracts/entitlement.js';

export const TIERS = ['support', 'upgrade-support'] as const;
export type Tier = (typeof TIERS)[number];

/** The rights each tier carries (the service description's table). */
export const TIER_RIGHTS: Record<Tier, { updates: boolean; upgrades: boolean; tac: '24x7'; selfHelp: '24x7' }> = {
  support: { updates: true, upgrades: false, tac: '24x7', selfHelp: '24x7' },
  'upgrade-support': { updates: true, upgrades: true, tac: '24x7', selfHelp: '24x7' },
};

/** A tier's name as the service description writes it ("Application Software Support"), in `locale`. */
export function tierName(tier: Tier, locale: DisplayLocale = 'en'): string {
  return translate(locale, `sla.tierName.${tier}`);
}

/** A tier's short name, for a badge or a table header ("Upgrade Support"), in `locale`. */
export function tierShortName(tier: Tier, locale: DisplayLocale = 'en'): string {
  return translate(locale, `sla.tier.${tier}`);
}

/** The tiers' names in English; a reader's language goes through tierName(). */
export const TIER_NAMES: Record<Tier, string> = {
  support: tierName('support'),
  'upgrade-support': tierName('upgrade-support'),
};

/** A contract counts as expiring when this many days of service or fewer remain. */
export const EXPIRING_WITHIN_DAYS = 60;

/*
 * A contract is what the portal's contract data says it is: the types are read off the schemas that check that
 * data (shared/contracts/entitlement.ts), so the rules here cannot drift from what the portal stores and serves.
 */
export type CoveredSystem = z.infer<typeof CoveredSystemSchema>;
export type Contract = z.infer<typeof ContractSchema>;

/** Where the service start date comes from when the purchase order does not state one. */
export type StartDateBasis =
  | { kind: 'on-contract'; startDate: CalendarDate }
  | { kind: 'new-with-product'; shipmentDate: CalendarDate; installationOrCommissioning?: { pacDate?: CalendarDate } }
  | { kind: 'renewal'; previousEndDate: CalendarDate };

export const NEW_SERVICE_START_AFTER_SHIPMENT_DAYS = 90;

export function assertTier(value: unknown): Tier {
  if (typeof value === 'string' && (TIERS as readonly string[]).includes(value)) return value as Tier;
  throw new HicareError('UNKNOWN_TIER.value', { value: String(value) }, { tier: value });
}

export function serviceStartDate(basis: StartDateBasis): CalendarDate {
  switch (basis.kind) {
    case 'on-contract':
      assertCalendarDate(basis.startDate);
      return basis.startDate;
    case 'new-with-product': {
      assertCalendarDate(basis.shipmentDate);
      const install = basis.installationOrCommissioning;
      if (install === undefined) return addDays(basis.shipmentDate, NEW_SERVICE_START_AFTER_SHIPMENT_DAYS);
      // When the vendor also installs or commissions, service starts at preliminary acceptance, not shipment + 90.
      if (install.pacDate === undefined) {
        throw new HicareError('MISSING_START_DATE_BASIS.pac');
      }
      assertCalendarDate(install.pacDate);
      return install.pacDate;
    }
    case 'renewal':
      return addDays(basis.previousEndDate, 1);
    default: {
      const unknownBasis: unknown = (basis as { kind?: unknown }).kind;
      throw new HicareError('MISSING_START_DATE_BASIS.unknownBasis', { basis: String(unknownBasis) });
    }
  }
}

export function assertServicePeriod(startDate: CalendarDate, endDate: CalendarDate): void {
  if (daysBetween(startDate, endDate) < 0) {
    // Named `start`/`end`, not `…Date`: the text shows the dates exactly as they were entered.
    throw new HicareError('END_BEFORE_START.servicePeriod', { start: startDate, end: endDate }, { startDate, endDate });
  }
}

export function assertContractShape(contract: Pick<Contract, 'tier' | 'timeZone' | 'startDate' | 'endDate'>): void {
  assertTier(contract.tier);
  assertTimeZone(contract.timeZone);
  assertServicePeriod(contract.startDate, contract.endDate);
}

export type ContractStatus = 'pending' | 'active' | 'expiring' | 'expired';

export interface ContractStanding {
  status: ContractStatus;
  /** Calendar days of service left including today (0 once expired; the full period while pending). */
  daysLeft: number;
  /** Calendar days until the service starts (0 unless pending). */
  daysUntilStart: number;
  startsAt: Date;
  endsAt: Date;
}

type StandingTerms = Pick<Contract, 'tier' | 'timeZone' | 'startDate' | 'endDate'>;

/*
 * An entitlement answer or a fleet report asks the standing of the same contract at the same `now` once per release
 * judged: the last answer is kept per contract object, and reused only while the terms it was read from and the
 * instant are the same (a caller may edit a contract in place). Each caller gets its own copy.
 */
const lastStandings = new WeakMap<object, { at: number; terms: StandingTerms; standing: ContractStanding }>();

export function contractStanding(contract: StandingTerms, now: Date): ContractStanding {
  const last = lastStandings.get(contract);
  if (
    last !== undefined &&
    now instanceof Date &&
    last.at === now.getTime() &&
    last.terms.tier === contract.tier &&
    last.terms.timeZone === contract.timeZone &&
    last.terms.startDate === contract.startDate &&
    last.terms.endDate === contract.endDate
  ) {
    return copyOf(last.standing);
  }
  const standing = readStanding(contract, now);
  const { tier, timeZone, startDate, endDate } = contract;
  lastStandings.set(contract, { at: now.getTime(), terms: { tier, timeZone, startDate, endDate }, standing });
  return copyOf(standing);
}

function copyOf(standing: ContractStanding): ContractStanding {
  return { ...standing, startsAt: new Date(standing.startsAt), endsAt: new Date(standing.endsAt) };
}

function readStanding(contract: StandingTerms, now: Date): ContractStanding {
  assertContractShape(contract);
  const t = assertInstant(now);
  const startsAt = startOfDay(contract.startDate, contract.timeZone);
  const endsAt = endOfDayExclusive(contract.endDate, contract.timeZone);
  const today = calendarDateAt(now, contract.timeZone);
  if (t < startsAt.getTime()) {
    return {
      status: 'pending',
      daysLeft: daysBetween(contract.startDate, contract.endDate) + 1,
      daysUntilStart: daysBetween(today, contract.startDate),
      startsAt,
      endsAt,
    };
  }
  if (t >= endsAt.getTime()) return { status: 'expired', daysLeft: 0, daysUntilStart: 0, startsAt, endsAt };
  const daysLeft = daysBetween(today, contract.endDate) + 1;
  return {
    status: daysLeft <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'active',
    daysLeft,
    daysUntilStart: 0,
    startsAt,
    endsAt,
  };
}

export function contractStatus(
  contract: Pick<Contract, 'tier' | 'timeZone' | 'startDate' | 'endDate'>,
  now: Date,
): ContractStatus {
  return contractStanding(contract, now).status;
}

/** True when the service covers `now` (active or expiring). */
export function isInService(status: ContractStatus): boolean {
  return status === 'active' || status === 'expiring';
}

export function coversSystem(contract: Pick<Contract, 'systems'>, serialNumber: string, product: string): boolean {
  return contract.systems.some((s) => s.serialNumber === serialNumber && s.product === product);
}
