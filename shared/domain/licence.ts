/**
 * When a reported installation moves a customer's licence (DESIGN.md §3.3): a release whose major exceeds the
 * licensed major, taken while the verdict allowed it, makes that major the licensed one. What the contract never
 * allowed (a Support contract's upgrade, a version outside the catalog) moves nothing, whatever was reported.
 */
import type { Contract } from './contract.js';
import { calendarDateAt } from './dates.js';
import { majorOf } from './release.js';
import { licensedMajor, licensedMajorsAfter, verdict, type VerdictInput } from './verdict.js';
import { productLabel } from './product-label.js';
import type { DisplayLocale } from '../i18n/locales.js';
import { translate } from '../i18n/translator.js';

export interface LicenceAdvance {
  /** The contract whose rights allowed the release. */
  contractId: string;
  product: string;
  major: number;
  /** The contract's licensed majors with the advance applied. */
  licensedMajors: Record<string, number>;
}

/**
 * The advance a reported release makes, or null. `input.system.installedVersion` is the version before the report:
 * judged from the new version, a release would always look like an update of its own major.
 */
export function licenceAdvance(input: VerdictInput): LicenceAdvance | null {
  const judged = verdict(input);
  if (!judged.allowed || judged.contractId === null) return null;
  const contract = input.contracts.find((c) => c.id === judged.contractId);
  if (contract === undefined) return null;
  const { release, system } = input;
  const major = majorOf(release.version);
  if (major <= licensedMajor(contract, release.product, system.installedVersion)) return null;
  return {
    contractId: contract.id,
    product: release.product,
    major,
    licensedMajors: licensedMajorsAfter(contract, release),
  };
}

/**
 * A customer's contracts with the advances recorded for them: each advance counts for every contract of the
 * customer that covers a system of its product, the renewals and tier changes that came later included, so the
 * updates of an earned major stay available under Support.
 */
export function withLicenceAdvances(
  contracts: readonly Contract[],
  advances: readonly { customerId: string; product: string; version: string }[],
): Contract[] {
  return contracts.map((contract) => {
    let licensedMajors = contract.licensedMajors;
    for (const advance of advances) {
      if (advance.customerId !== contract.customerId || !contract.systems.some((s) => s.product === advance.product))
        continue;
      licensedMajors = licensedMajorsAfter({ ...contract, licensedMajors }, advance);
    }
    return licensedMajors === contract.licensedMajors ? contract : { ...contract, licensedMajors };
  });
}

/**
 * One phrase per licensed product in `locale`, as the overview and `hicare entitlement` show it: "Atlas 2.x, since
 * 1 Dec 2026 (CG-ATL-0001)" for a major earned by an upgrade (the day in the contract's time zone), "Beacon 2.x"
 * otherwise.
 */
export function licensedVersionPhrases(
  contract: {
    licensedMajors: Record<string, number>;
    timeZone: string;
    licenceAdvances?: readonly { product: string; major: number; serialNumber: string; at: string }[] | undefined;
  },
  locale: DisplayLocale = 'en',
): string[] {
  return Object.entries(contract.licensedMajors).map(([product, major]) => {
    const earned = contract.licenceAdvances?.find((a) => a.product === product && a.major === major);
    const licence = `${productLabel(product)} ${major}.x`;
    if (earned === undefined) return licence;
    const sinceDate = calendarDateAt(new Date(earned.at), contract.timeZone);
    return translate(locale, 'domain.licence.earned', { licence, sinceDate, serial: earned.serialNumber });
  });
}
