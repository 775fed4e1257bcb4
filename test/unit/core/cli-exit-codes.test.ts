import { describe, expect, it } from 'vitest';
import { EXIT, exitCodesHelp, exitCodeFor } from '../../../electron/cli/exit-codes.js';
import { ERROR_CODES } from '../../../shared/errors.js';

describe('hicare exit codes: one meaning per failure class', () => {
  it.each([
    ['INTERNAL', EXIT.failed],
    ['INVALID_INPUT', EXIT.failed],
    ['ILLEGAL_TRANSITION', EXIT.failed],
    ['CONTRACT_EXPIRED', EXIT.notEntitled],
    ['UPGRADE_REQUIRES_UPGRADE_SUPPORT', EXIT.notEntitled],
    ['PRERELEASE', EXIT.notEntitled],
    ['UNTRUSTED_PORTAL', EXIT.untrusted],
    ['TRUST_METADATA_INVALID', EXIT.untrusted],
    ['TARGET_MISMATCH', EXIT.untrusted],
    ['HASH_MISMATCH', EXIT.untrusted],
    ['LENGTH_EXCEEDED', EXIT.untrusted],
    ['TRUST_ROOT_EXPIRED', EXIT.untrusted],
    ['TRUST_ROOT_UNSIGNED', EXIT.untrusted],
    ['TRUST_ROOT_INVALID', EXIT.untrusted],
    ['INSTALL_FAILED', EXIT.installFailed],
    ['VERSION_NOT_REACHED', EXIT.installFailed],
    ['OFFLINE', EXIT.offline],
    ['TIMEOUT', EXIT.offline],
    ['NOT_FOUND', EXIT.notFound],
    ['TARGET_UNKNOWN', EXIT.notFound],
    ['PACKAGE_NOT_FOR_SYSTEM', EXIT.doesNotFit],
    ['NOT_FOR_PLATFORM', EXIT.doesNotFit],
    ['UPGRADE_PATH_REQUIRED', EXIT.doesNotFit],
    ['VERSION_NOT_IN_CATALOG', EXIT.doesNotFit],
    ['NO_UPGRADE_PATH', EXIT.doesNotFit],
    ['FORBIDDEN', EXIT.refused],
    ['ROLE_NOT_ALLOWED', EXIT.refused],
    ['UNAUTHENTICATED', EXIT.refused],
    ['TOKEN_EXPIRED', EXIT.refused],
    ['INVALID_CREDENTIALS', EXIT.refused],
    ['CONFIRMATION_REQUIRED', EXIT.notConfirmed],
    ['A_CODE_NOBODY_KNOWS', EXIT.failed],
  ])('%s → %i', (code, exit) => {
    expect(exitCodeFor(code)).toBe(exit);
  });

  it.each(['en', 'zh-CN'] as const)('--help documents every exit code the CLI can return, once (%s)', (locale) => {
    const help = exitCodesHelp(locale);
    for (const exit of Object.values(EXIT)) expect(help).toMatch(new RegExp(`^ {0,2}${exit}  \\S`, 'm'));
    expect(new Set(ERROR_CODES.map(exitCodeFor))).toEqual(
      new Set(Object.values(EXIT).filter((e) => e !== EXIT.ok && e !== EXIT.usage && e !== EXIT.updatesAvailable)),
    );
  });
});
