/**
 * The entitlement verdict: may this system take this release under these contracts, and if not, why and what can
 * be done about it. The portal calls it to enforce (package bytes are served only when it allows) and the app calls
 * it to explain, so both always agree.
 */
import type { z } from 'zod';
import type { VerdictReasonSchema, VerdictSchema } from '../contracts/entitlement.js';
import { HicareError, type ErrorKey } from '../errors.js';
import { codeOfKey } from '../i18n/error-messages.js';
import type { MessageParams } from '../i18n/messages.js';
import { translator } from '../i18n/translator.js';
import { assertInstant, endOfDayExclusive } from './dates.js';
import { contractStanding, coversSystem, type Contract, type ContractStanding } from './contract.js';
import {
  assertRelease,
  classifyRelease,
  isPrerelease,
  lifecycleOf,
  linePhase,
  majorOf,
  parseVersion,
  publishedAfterEndOfMaintenance,
  type LineLifecycle,
  type Release,
} from './release.js';

export const VERDICT_REASON_CODES = [
  'NO_CONTRACT',
  'SYSTEM_NOT_COVERED',
  'CONTRACT_PENDING',
  'CONTRACT_EXPIRED',
  'UPGRADE_REQUIRES_UPGRADE_SUPPORT',
  'RELEASED_AFTER_CONTRACT_END',
  'LINE_PAST_END_OF_MAINTENANCE',
  'LINE_PAST_END_OF_SERVICE',
  'PRERELEASE',
  'NOT_FOR_PLATFORM',
  'RELEASE_WITHDRAWN',
] as const;
export type VerdictReasonCode = (typeof VERDICT_REASON_CODES)[number];

/** A reason and its remedy, as the portal serves it (the type is read off its schema, so the two cannot drift). */
export type VerdictReason = z.infer<typeof VerdictReasonSchema>;

/** What the portal does for releases once a contract has ended: keep what was earned, or nothing. */
export type PostExpiryPolicy = 'earned' | 'none';

export interface VerdictSystem {
  serialNumber: string;
  product: string;
  installedVersion: string;
  /** `linux-x64`, `win-x64`, `mac-arm64`, ...; absent when the system is remote equipment of any platform. */
  platform?: string;
}

export interface VerdictInput {
  contracts: Contract[];
  system: VerdictSystem;
  release: Release;
  lifecycles?: LineLifecycle[];
  now: Date;
  postExpiry?: PostExpiryPolicy;
  /** The user opted into previews: prereleases are shown (never as upgrades under Support). */
  includePrereleases?: boolean;
  /** The vendor withdrew the release: when (an instant) and why, in the vendor's words. */
  withdrawal?: ReleaseWithdrawal;
}

export interface ReleaseWithdrawal {
  at: string;
  reason: string;
}

/** The judgement on one release, as the portal serves it (read off VerdictSchema, so the two cannot drift). */
export type Verdict = z.infer<typeof VerdictSchema>;

/** An errors-catalog key of a verdict reason: the code itself or one of its variants. */
type ReasonKey = Extract<ErrorKey, VerdictReasonCode | `${VerdictReasonCode}.${string}`>;

/**
 * A reason with its catalog key and params, so a reader in another language gets it in theirs, and its English text.
 * Contract dates go as `…Date` params with the contract's `zone`: "31 Mar 2027, Asia/Shanghai".
 */
function reason(key: ReasonKey, params: MessageParams = {}): VerdictReason {
  const { code, message, remedy } = writtenReason(key, params);
  return { code, message, remedy, key, params: { ...params } };
}

/**
 * The code and English texts of reasons already written. An entitlement answer judges every release of a product and
 * repeats the same few reasons with the same params on every request; formatting them through the catalog was a tenth
 * of the request's time. The texts depend on nothing but the key and params, so they are kept, up to a bound.
 */
const writtenReasons = new Map<string, { code: VerdictReasonCode; message: string; remedy: string }>();
const WRITTEN_REASONS_KEPT = 4096;

function writtenReason(
  key: ReasonKey,
  params: MessageParams,
): { code: VerdictReasonCode; message: string; remedy: string } {
  const id = `${key}\u0000${JSON.stringify(params)}`;
  let text = writtenReasons.get(id);
  if (text === undefined) {
    const t = translator('en');
    text = {
      code: codeOfKey<VerdictReasonCode>(key),
      message: t(`errors.${key}.message`, params),
      remedy: t(`errors.${key}.remedy`, params),
    };
    if (writtenReasons.size >= WRITTEN_REASONS_KEPT) writtenReasons.clear();
    writtenReasons.set(id, text);
  }
  return text;
}

/** The major the contract licenses for a product: the contract's own figure, else the installed major. */
export function licensedMajor(contract: Contract, product: string, installedVersion: string): number {
  return contract.licensedMajors[product] ?? majorOf(installedVersion);
}

/** Taking an upgrade under Upgrade Support advances the licensed major to the release's. */
export function licensedMajorsAfter(
  contract: Contract,
  release: Pick<Release, 'product' | 'version'>,
): Record<string, number> {
  const current = contract.licensedMajors[release.product];
  const major = majorOf(release.version);
  if (current !== undefined && current >= major) return contract.licensedMajors;
  return { ...contract.licensedMajors, [release.product]: major };
}

/**
 * What the verdict reads of one system under its contracts, the same for every release judged for it: whether each
 * contract covers the system, and the contract's standing at `now`. Read on first use (so a bad release is still
 * refused before a bad contract, as when judging one pair), then kept for the next release.
 */
interface ContractTerms {
  contract: Contract;
  covered: boolean;
  status: ContractStanding['status'] | undefined;
}

/** The system side of verdicts, prepared once and used for every release judged against it (see prepareVerdict). */
export interface PreparedVerdict {
  /** Judges one release of the system's product: the same answer as `verdict` with these contracts and system. */
  judge(release: Release, withdrawal?: ReleaseWithdrawal): Verdict;
}

export type VerdictSystemInput = Omit<VerdictInput, 'release' | 'withdrawal'>;

/** One (system, release) pair as judged: a VerdictInput whose optional parts are present, perhaps undefined. */
type OnePair = {
  [K in keyof VerdictInput]-?: VerdictInput[K] | (undefined extends VerdictInput[K] ? undefined : never);
};

/**
 * The verdict for many releases of one system: an entitlement answer and a fleet report judge hundreds of releases
 * against the same contracts, system and instant, so what depends only on those is read once. `verdict` below is
 * this with one release, so the two cannot disagree.
 */
export function prepareVerdict(input: VerdictSystemInput): PreparedVerdict {
  let terms: ContractTerms[] | undefined;
  const contractTerms = (): ContractTerms[] => {
    terms ??= input.contracts.map((contract) => ({
      contract,
      covered: coversSystem(contract, input.system.serialNumber, input.system.product),
      status: undefined,
    }));
    return terms;
  };
  return {
    judge(release, withdrawal) {
      // Written out rather than spread: one fixed shape keeps this hot call cheap.
      const pair: OnePair = {
        contracts: input.contracts,
        system: input.system,
        release,
        lifecycles: input.lifecycles,
        now: input.now,
        postExpiry: input.postExpiry,
        includePrereleases: input.includePrereleases,
        withdrawal,
      };
      return judge(pair, contractTerms);
    },
  };
}

function contractReasons(terms: ContractTerms, input: OnePair, requiredRight: 'update' | 'upgrade'): VerdictReason[] {
  const { system, release, now } = input;
  const { contract } = terms;
  if (!terms.covered) {
    return [
      reason('SYSTEM_NOT_COVERED.contract', {
        serialNumber: system.serialNumber,
        product: system.product,
        contractId: contract.id,
      }),
    ];
  }
  const reasons: VerdictReason[] = [];
  terms.status ??= contractStanding(contract, now).status;
  const status = terms.status;
  if (status === 'pending') {
    reasons.push(
      reason('CONTRACT_PENDING.contract', {
        contractId: contract.id,
        startDate: contract.startDate,
        zone: contract.timeZone,
      }),
    );
  }
  // Previews of a new major are never offered under Support, even when the licence already covers that major.
  const previewOfNewMajor =
    isPrerelease(release.version) && majorOf(release.version) > majorOf(system.installedVersion);
  if ((requiredRight === 'upgrade' || previewOfNewMajor) && contract.tier === 'support') {
    reasons.push(reason('UPGRADE_REQUIRES_UPGRADE_SUPPORT.release', { version: release.version }));
  }
  if (status === 'expired') {
    if ((input.postExpiry ?? 'earned') === 'none') {
      reasons.push(
        reason('CONTRACT_EXPIRED.none', {
          contractId: contract.id,
          endDate: contract.endDate,
          zone: contract.timeZone,
        }),
      );
    } else if (Date.parse(release.publishedAt) >= endOfDayExclusive(contract.endDate, contract.timeZone).getTime()) {
      reasons.push(
        reason('RELEASED_AFTER_CONTRACT_END.earned', {
          version: release.version,
          contractId: contract.id,
          endDate: contract.endDate,
          zone: contract.timeZone,
        }),
      );
    }
  }
  return reasons;
}

function releaseReasons(input: OnePair): VerdictReason[] {
  const { release, system, now } = input;
  const reasons: VerdictReason[] = [];
  if (isPrerelease(release.version) && input.includePrereleases !== true) {
    reasons.push(reason('PRERELEASE.release', { version: release.version }));
  }
  if (
    system.platform !== undefined &&
    release.platforms !== undefined &&
    !release.platforms.includes(system.platform)
  ) {
    reasons.push(reason('NOT_FOR_PLATFORM.platform', { version: release.version, platform: system.platform }));
  }
  if (input.withdrawal !== undefined) {
    // Whatever the contract allows, a withdrawn release is offered to no one: not as a release, not as a hop.
    reasons.push(
      reason('RELEASE_WITHDRAWN.release', {
        version: release.version,
        withdrawnAt: input.withdrawal.at,
        reason: input.withdrawal.reason,
      }),
    );
  }
  const major = majorOf(release.version);
  const lifecycle = lifecycleOf(input.lifecycles ?? [], release.product, major);
  if (lifecycle !== undefined && linePhase(lifecycle, now) === 'past-end-of-service') {
    reasons.push(
      reason('LINE_PAST_END_OF_SERVICE.line', { major: String(major), endOfServiceDate: lifecycle.endOfService ?? '' }),
    );
  } else if (publishedAfterEndOfMaintenance(release, lifecycle)) {
    reasons.push(
      reason('LINE_PAST_END_OF_MAINTENANCE.line', {
        major: String(major),
        endOfMaintenanceDate: lifecycle?.endOfMaintenance ?? '',
      }),
    );
  }
  return reasons;
}

function assertVerdictInput(input: OnePair): void {
  assertInstant(input.now);
  if (input.withdrawal !== undefined) assertInstant(new Date(input.withdrawal.at));
  assertRelease(input.release);
  parseVersion(input.system.installedVersion);
  if (input.release.product !== input.system.product) {
    throw new HicareError('INVALID_INPUT.releaseOfOtherProduct', {
      product: input.release.product,
      version: input.release.version,
      systemProduct: input.system.product,
    });
  }
}

export function verdict(input: VerdictInput): Verdict {
  const { release, withdrawal, ...system } = input;
  return prepareVerdict(system).judge(release, withdrawal);
}

function judge(input: OnePair, contractTerms: () => ContractTerms[]): Verdict {
  assertVerdictInput(input);
  const { system, release } = input;
  const kind = classifyRelease(system.installedVersion, release.version);
  const common = releaseReasons(input);
  const releaseMajor = majorOf(release.version);

  if (input.contracts.length === 0) {
    return {
      allowed: false,
      kind,
      requiredRight: releaseMajor > majorOf(system.installedVersion) ? 'upgrade' : 'update',
      reasons: [reason('NO_CONTRACT'), ...common],
      contractId: null,
    };
  }

  // Several contracts may cover one system (renewals, overlaps): take the best. Ties prefer the later end date.
  let best: { contract: Contract; reasons: VerdictReason[]; right: 'update' | 'upgrade' } | undefined;
  for (const terms of contractTerms()) {
    const { contract } = terms;
    const right =
      releaseMajor > licensedMajor(contract, release.product, system.installedVersion) ? 'upgrade' : 'update';
    const reasons = contractReasons(terms, input, right);
    const better =
      best === undefined ||
      reasons.length < best.reasons.length ||
      (reasons.length === best.reasons.length && contract.endDate > best.contract.endDate);
    if (better) best = { contract, reasons, right };
  }
  if (best === undefined) throw new HicareError('INTERNAL.noContractEvaluated');
  const reasons = [...best.reasons, ...common];
  return { allowed: reasons.length === 0, kind, requiredRight: best.right, reasons, contractId: best.contract.id };
}

/** Whether a new remote-guidance request may be opened for a system: only while a covering contract is in service. */
export function requestEntitlement(
  contracts: Contract[],
  serialNumber: string,
  product: string,
  now: Date,
): { allowed: boolean; reasons: VerdictReason[] } {
  const covering = contracts.filter((c) => coversSystem(c, serialNumber, product));
  if (covering.length === 0) {
    return {
      allowed: false,
      reasons: [reason('SYSTEM_NOT_COVERED.anyContract', { serialNumber })],
    };
  }
  const standings = covering.map((c) => ({ c, s: contractStanding(c, now) }));
  if (standings.some(({ s }) => s.status === 'active' || s.status === 'expiring'))
    return { allowed: true, reasons: [] };
  const pending = standings.find(({ s }) => s.status === 'pending');
  if (pending !== undefined) {
    return {
      allowed: false,
      reasons: [reason('CONTRACT_PENDING.requests', { startDate: pending.c.startDate, zone: pending.c.timeZone })],
    };
  }
  const last = covering.reduce((a, b) => (b.endDate > a.endDate ? b : a));
  return {
    allowed: false,
    reasons: [reason('CONTRACT_EXPIRED.requests', { endDate: last.endDate, zone: last.timeZone })],
  };
}
