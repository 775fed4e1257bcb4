/**
 * A verdict in plain words: the one-line answer a customer reads first ("Included in your Support contract",
 * "Needs Upgrade Support"), chosen from the verdict's coded reasons; the reasons and remedies are shown beneath it.
 */
import type { VerdictView } from '../../../shared/contracts/entitlement.js';
import type { Tier } from '../../../shared/domain/contract.js';
import { translator, type Translate } from '../../../shared/i18n/translator.js';
import type { VerdictReasonCode } from '../../../shared/domain/verdict.js';
import { currentLocale } from '../i18n/index.js';

export type Tone = 'ok' | 'warn' | 'blocked' | 'info';

export interface VerdictWords {
  headline: string;
  tone: Tone;
}

// When several reasons apply, the headline names the one that decides the most: with no coverage nothing else
// matters; a missing tier matters more than a preview flag.
const HEADLINES: readonly [VerdictReasonCode, Tone][] = [
  // Withdrawn outranks everything: no contract would make the release installable again.
  ['RELEASE_WITHDRAWN', 'blocked'],
  ['NO_CONTRACT', 'blocked'],
  ['SYSTEM_NOT_COVERED', 'blocked'],
  ['CONTRACT_PENDING', 'warn'],
  ['CONTRACT_EXPIRED', 'blocked'],
  ['UPGRADE_REQUIRES_UPGRADE_SUPPORT', 'blocked'],
  ['RELEASED_AFTER_CONTRACT_END', 'blocked'],
  ['LINE_PAST_END_OF_SERVICE', 'blocked'],
  ['LINE_PAST_END_OF_MAINTENANCE', 'blocked'],
  ['NOT_FOR_PLATFORM', 'blocked'],
  ['PRERELEASE', 'info'],
];

const INCLUDED = {
  support: 'app.systems.verdict.includedSupport',
  'upgrade-support': 'app.systems.verdict.includedUpgradeSupport',
} as const satisfies Record<Tier, string>;

export function verdictWords(
  verdict: Pick<VerdictView, 'allowed' | 'reasons'>,
  tier: Tier | undefined,
  t: Translate = translator(currentLocale()),
): VerdictWords {
  if (verdict.allowed) {
    return { headline: t(tier === undefined ? 'app.systems.verdict.included' : INCLUDED[tier]), tone: 'ok' };
  }
  for (const [code, tone] of HEADLINES) {
    if (verdict.reasons.some((r) => r.code === code)) return { headline: t(`app.systems.verdict.${code}`), tone };
  }
  return { headline: t('app.systems.verdict.notIncluded'), tone: 'blocked' };
}

/** What a kind of release is, in words: updates fix, upgrades move to a new major version. */
export function kindLabel(kind: VerdictView['kind'], t: Translate = translator(currentLocale())): string {
  return t(`app.systems.kind.${kind}`);
}
