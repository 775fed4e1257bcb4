/**
 * What a contract change would open on the customer's own systems, for "what Upgrade Support would add". A preview
 * is never part of that offer: prereleases are not generally available, and Upgrade Support promises new majors
 * "when generally available" (DESIGN.md §3.2), so listing 3.0.0-rc.1 there would promise what it does not give.
 */
import { isPrerelease } from './release.js';
import type { VerdictReasonCode } from './verdict.js';

/** Whether moving to Upgrade Support would open a release refused today with these reasons. */
export function openedByUpgradeSupport(version: string, reasons: readonly { code: VerdictReasonCode }[]): boolean {
  if (isPrerelease(version)) return false;
  return (
    reasons.some((r) => r.code === 'UPGRADE_REQUIRES_UPGRADE_SUPPORT') && !reasons.some((r) => r.code === 'PRERELEASE')
  );
}
