/**
 * The `hicare` CLI's exit codes, documented in its help, so scripts can tell a refusal by the contract from a
 * tampered package, a missing target or a dead network without parsing text. Each failure class has one code; an
 * error code belongs to exactly one class.
 */
import type { ErrorCode } from '../../shared/errors.js';
import { VERDICT_REASON_CODES } from '../../shared/domain/verdict.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translate } from '../../shared/i18n/translator.js';

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  notEntitled: 3,
  untrusted: 4,
  installFailed: 5,
  offline: 6,
  notFound: 7,
  doesNotFit: 8,
  refused: 9,
  notConfirmed: 10,
  withdrawn: 11,
  /** `check` found updates to take, as `dnf check-update` says so with 100. */
  updatesAvailable: 100,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Codes by class. Some are added by other parts of the product (an upgrade that skips a hop, a version the catalog
 * does not know); they are listed as strings so the table holds whichever of them exist.
 */
const CLASSES: readonly [ExitCode, readonly string[]][] = [
  [
    EXIT.doesNotFit,
    [
      'PACKAGE_NOT_FOR_SYSTEM',
      'NOT_FOR_PLATFORM',
      'UPGRADE_PATH_REQUIRED',
      'VERSION_NOT_IN_CATALOG',
      'NO_UPGRADE_PATH',
    ],
  ],
  [
    EXIT.untrusted,
    [
      'UNTRUSTED_PORTAL',
      'TRUST_METADATA_INVALID',
      'TARGET_MISMATCH',
      'HASH_MISMATCH',
      'LENGTH_EXCEEDED',
      'TRUST_ROOT_INVALID',
      'TRUST_ROOT_UNSIGNED',
      'TRUST_ROOT_EXPIRED',
      'BUNDLE_INVALID',
      'BUNDLE_UNTRUSTED',
      'BUNDLE_ROLLBACK',
      'BUNDLE_PACKAGE_MISMATCH',
    ],
  ],
  [EXIT.notEntitled, ['STATEMENT_INVALID', 'STATEMENT_EXPIRED']],
  [EXIT.installFailed, ['INSTALL_FAILED', 'INSTALL_TIMEOUT', 'VERSION_NOT_REACHED', 'INSTALLER_UNSUPPORTED']],
  [EXIT.offline, ['OFFLINE', 'TIMEOUT']],
  [EXIT.notFound, ['NOT_FOUND', 'TARGET_UNKNOWN']],
  [
    EXIT.refused,
    ['FORBIDDEN', 'ROLE_NOT_ALLOWED', 'UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'TOKEN_EXPIRED', 'TOKEN_REVOKED'],
  ],
  [EXIT.notConfirmed, ['CONFIRMATION_REQUIRED']],
  [EXIT.withdrawn, ['ARTICLE_WITHDRAWN']],
];

export function exitCodeFor(code: ErrorCode | string): ExitCode {
  const found = CLASSES.find(([, codes]) => codes.includes(code));
  if (found !== undefined) return found[0];
  // The verdict's other reasons are all the contract's: a platform mismatch was taken above as "does not fit".
  if ((VERDICT_REASON_CODES as readonly string[]).includes(code)) return EXIT.notEntitled;
  return EXIT.failed;
}

/** The exit codes as `--help` lists them, in the reader's language. */
export function exitCodesHelp(locale: DisplayLocale = 'en'): string {
  return translate(locale, 'cli.help.exitCodes');
}
