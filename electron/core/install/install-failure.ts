/**
 * A failed installation as one typed error: the code and plain-words message the customer sees, and in `details`
 * everything a support request needs (DESIGN.md §3.4), so the request can be filled in without asking again.
 */
import type { ErrorCode } from '../../../shared/errors.js';
import { HicareError } from '../../../shared/errors.js';
import type { SystemInfo } from './system-info.js';

export type InstallFailureDetails = {
  product: string;
  fromVersion: string | null;
  toVersion: string;
  targetName: string;
  packageSha256: string;
  packageLength: number;
  installerType: string;
  /** What was run (empty for `archive`, which runs nothing). */
  argv: string[];
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** stdout and stderr interleaved, stamped, capped (head and tail kept). */
  log: string;
  logTruncated: boolean;
  /** The line the installer gave as its cause (its last stderr line), or ''. */
  cause: string;
  /** What detection found afterwards, when it got that far. */
  detectedVersion: string | null;
  startedAt: string;
  system: SystemInfo;
  serialNumber: string;
  location: string;
  /** The details of the underlying error when a step before or after the installer failed (e.g. the refused entry). */
  problem: Record<string, unknown> | null;
};

export class InstallFailure extends HicareError {
  declare readonly details: InstallFailureDetails;

  constructor(code: ErrorCode, message: string, remedy: string, details: InstallFailureDetails) {
    super(code, message, remedy, details);
    this.name = 'InstallFailure';
  }
}

export function isInstallFailure(value: unknown): value is InstallFailure {
  return value instanceof InstallFailure;
}
