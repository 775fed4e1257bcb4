/**
 * A verdict in plain words: the one-line answer a customer reads first ("Included in your Support contract",
 * "Needs Upgrade Support"), chosen from the verdict's coded reasons; the reasons and remedies are shown beneath it.
 */
import type { VerdictView } from '../../../shared/contracts/entitlement.js';
import type { Tier } from '../../../shared/domain/contract.js';
import type { VerdictReasonCode } from '../../../shared/domain/verdict.js';

export type Tone = 'ok' | 'warn' | 'blocked' | 'info';

export interface VerdictWords {
  headline: string;
  tone: Tone;
}

const SHORT_TIER: Record<Tier, string> = { support: 'Support', 'upgrade-support': 'Upgrade Support' };

// When several reasons apply, the headline names the one that decides the most: with no coverage nothing else
// matters; a missing tier matters more than a preview flag.
const HEADLINES: readonly [VerdictReasonCode, VerdictWords][] = [
  ['NO_CONTRACT', { headline: 'Not covered: no maintenance contract', tone: 'blocked' }],
  ['SYSTEM_NOT_COVERED', { headline: 'Not covered by your contract', tone: 'blocked' }],
  ['CONTRACT_PENDING', { headline: 'Available once your service starts', tone: 'warn' }],
  ['CONTRACT_EXPIRED', { headline: 'Needs a renewed contract', tone: 'blocked' }],
  ['UPGRADE_REQUIRES_UPGRADE_SUPPORT', { headline: 'Needs Upgrade Support', tone: 'blocked' }],
  ['RELEASED_AFTER_CONTRACT_END', { headline: 'Needs a renewed contract', tone: 'blocked' }],
  ['LINE_PAST_END_OF_SERVICE', { headline: 'Line past end of service', tone: 'blocked' }],
  ['LINE_PAST_END_OF_MAINTENANCE', { headline: 'Line past end of maintenance', tone: 'blocked' }],
  ['NOT_FOR_PLATFORM', { headline: 'Not built for this platform', tone: 'blocked' }],
  ['PRERELEASE', { headline: 'Preview: not generally available', tone: 'info' }],
];

export function verdictWords(verdict: Pick<VerdictView, 'allowed' | 'reasons'>, tier: Tier | undefined): VerdictWords {
  if (verdict.allowed) {
    return {
      headline: tier === undefined ? 'Included in your contract' : `Included in your ${SHORT_TIER[tier]} contract`,
      tone: 'ok',
    };
  }
  for (const [code, words] of HEADLINES) {
    if (verdict.reasons.some((r) => r.code === code)) return words;
  }
  return { headline: 'Not included in your contract', tone: 'blocked' };
}

export function shortTierName(tier: Tier): string {
  return SHORT_TIER[tier];
}

/** What a kind of release is, in words: updates fix, upgrades move to a new major version. */
export function kindLabel(kind: VerdictView['kind']): string {
  switch (kind) {
    case 'update':
      return 'Update';
    case 'upgrade':
      return 'Upgrade';
    case 'current':
      return 'Installed';
    case 'older':
      return 'Older';
  }
}
