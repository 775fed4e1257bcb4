import { describe, expect, it } from 'vitest';
import { openedByUpgradeSupport } from '../../../shared/domain/contract-offers.js';
import type { VerdictReasonCode } from '../../../shared/domain/verdict.js';

describe('openedByUpgradeSupport: what "Upgrade Support would add" may list', () => {
  it.each<[string, string, VerdictReasonCode[], boolean]>([
    ['a generally available major upgrade refused for the tier', '2.3.1', ['UPGRADE_REQUIRES_UPGRADE_SUPPORT'], true],
    [
      'a preview of a new major, refused for the tier and as a preview',
      '3.0.0-rc.1',
      ['UPGRADE_REQUIRES_UPGRADE_SUPPORT', 'PRERELEASE'],
      false,
    ],
    [
      'a preview the user opted into, refused only for the tier',
      '3.0.0-rc.1',
      ['UPGRADE_REQUIRES_UPGRADE_SUPPORT'],
      false,
    ],
    ['an update refused for another reason', '1.9.1', ['RELEASED_AFTER_CONTRACT_END'], false],
    ['a release refused for nothing', '2.3.1', [], false],
  ])('%s', (_name, version, codes, opened) => {
    expect(
      openedByUpgradeSupport(
        version,
        codes.map((code) => ({ code })),
      ),
    ).toBe(opened);
  });
});
