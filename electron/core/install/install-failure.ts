/**
 * A failed installation as one typed error: the code and plain-words message the customer sees, and in `details`
 * everything a support request needs (DESIGN.md §3.4), so the request can be filled in without asking again.
 */
import { HicareError, type ErrorKey } from '../../../shared/errors.js';
import type { MessageParams } from '../../../shared/i18n/messages.js';
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

  /** Raised with its own catalog key, or carrying on an error a step of the installation raised (its key kept). */
  constructor(cause: { key: ErrorKey; params?: MessageParams } | HicareError, details: InstallFailureDetails) {
    super(cause instanceof HicareError ? 'INTERNAL' : cause.key, cause.params ?? {}, details);
    if (cause instanceof HicareError) {
      // The step's own words and key, as it raised them.
      Object.defineProperty(this, 'message', { value: cause.message, writable: true, configurable: true });
      Object.assign(this, { code: cause.code, remedy: cause.remedy, key: cause.key, params: cause.params });
    }
    this.name = 'InstallFailure';
  }
}

export function isInstallFailure(value: unknown): value is InstallFailure {
  return value instanceof InstallFailure;
}
