/**
 * The `hicare` CLI's exit codes, documented in its help, so scripts can tell a refusal by the contract from a
 * tampered package or a dead network without parsing text.
 */
import type { ErrorCode } from '../../shared/errors.js';
import { VERDICT_REASON_CODES } from '../../shared/domain/verdict.js';

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  notEntitled: 3,
  untrusted: 4,
  installFailed: 5,
  offline: 6,
} as const;

const TRUST: readonly string[] = ['UNTRUSTED_PORTAL', 'TRUST_METADATA_INVALID', 'TARGET_UNKNOWN', 'TARGET_MISMATCH', 'HASH_MISMATCH', 'LENGTH_EXCEEDED'];
const INSTALL: readonly string[] = ['INSTALL_FAILED', 'INSTALL_TIMEOUT', 'VERSION_NOT_REACHED', 'INSTALLER_UNSUPPORTED'];
const NETWORK: readonly string[] = ['OFFLINE', 'TIMEOUT'];

export function exitCodeFor(code: ErrorCode | string): number {
  if ((VERDICT_REASON_CODES as readonly string[]).includes(code)) return EXIT.notEntitled;
  if (TRUST.includes(code)) return EXIT.untrusted;
  if (INSTALL.includes(code)) return EXIT.installFailed;
  if (NETWORK.includes(code)) return EXIT.offline;
  return EXIT.failed;
}

export const EXIT_CODES_HELP = `Exit codes:
  0  done
  1  failed (the error's code and remedy are printed)
  2  wrong usage
  3  not entitled: the contract does not allow it (code is the verdict's reason)
  4  not trusted: signed catalog, package hash or length check failed — nothing was installed
  5  the installer failed (its log and exit code are printed; a service request can be opened)
  6  offline or the portal did not answer`;
