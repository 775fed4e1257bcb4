/**
 * Coded errors shared by every layer. A code is stable (tests, the portal's JSON error body and the UI key off it),
 * the message says what happened in plain words, and the remedy says the one thing the user can do about it.
 */
import type { Catalog } from './i18n/catalogs/en/index.js';
import { codeOfKey, type ErrorKeyOf } from './i18n/error-messages.js';
import type { DisplayLocale } from './i18n/locales.js';
import type { MessageParams } from './i18n/messages.js';
import { hasMessage, translator, type CatalogKey } from './i18n/translator.js';

export const ERROR_CODES = [
  // malformed input to a domain function or an API
  'INVALID_INPUT',
  'INVALID_VERSION',
  'INVALID_VERSION_RANGE',
  'INVALID_DATE',
  'INVALID_INSTANT',
  'UNKNOWN_TIME_ZONE',
  'END_BEFORE_START',
  'UNKNOWN_PRIORITY',
  'UNKNOWN_TIER',
  'UNKNOWN_ROLE',
  'UNKNOWN_REQUEST_STATE',
  'INVALID_LIFECYCLE',
  'MISSING_START_DATE_BASIS',
  // two contracts of one customer covering the same system on the same day
  'CONTRACT_OVERLAP',
  // service requests
  'ILLEGAL_TRANSITION',
  'ROLE_NOT_ALLOWED',
  'REQUEST_FIELD_MISSING',
  'IDEMPOTENCY_CONFLICT',
  'ALREADY_ASSIGNED',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_REFUSED',
  'GRANT_EXPIRED',
  'GRANT_REVOKED',
  // requests opened from the desktop: one the portal refused is kept for the customer to correct or discard
  'REQUEST_REFUSED',
  // upgrade paths
  'NO_UPGRADE_PATH',
  // upgrade paths enforced: a release installed only over what its minUpgradeFrom allows, a path run hop by hop
  'UPGRADE_PATH_REQUIRED',
  // the signed catalog (TUF repository and its keys)
  'INVALID_TARGET_NAME',
  'TARGET_CONFLICT',
  'TUF_KEYS_MISSING',
  'TUF_ALREADY_INITIALIZED',
  // the portal as a service: a busy signer, a database or store that is behind, full, unreachable or damaged
  'TUF_REPOSITORY_BUSY',
  'DATABASE_BEHIND',
  'DATABASE_AHEAD',
  'DATABASE_DAMAGED',
  'STORE_UNAVAILABLE',
  'GRANT_KEY_MISSING',
  'GRANT_KEY_MISMATCH',
  'PUBLISH_FAILED',
  // package delivery
  'RANGE_NOT_SATISFIABLE',
  // client: transport, trust, downloads, installs and the operation log
  'OFFLINE',
  'TIMEOUT',
  'PORTAL_ERROR',
  'UNTRUSTED_PORTAL',
  'TRUST_METADATA_INVALID',
  'TARGET_UNKNOWN',
  'TARGET_MISMATCH',
  'HASH_MISMATCH',
  'LENGTH_EXCEEDED',
  'INSUFFICIENT_SPACE',
  'DOWNLOAD_CANCELLED',
  'DOWNLOAD_FAILED',
  'INSTALLER_UNSUPPORTED',
  'INSTALL_FAILED',
  'INSTALL_TIMEOUT',
  'VERSION_NOT_REACHED',
  'INSTALL_IN_PROGRESS',
  'DETECTION_FAILED',
  'OPERATION_LOG_TAMPERED',
  // the desktop: no OS keyring to encrypt the sign-in with, so it is kept for the session only
  'KEYRING_UNAVAILABLE',
  // entered versions: only the catalog's, or one confirmed to be outside it
  'VERSION_NOT_IN_CATALOG',
  // entitlement verdict reasons (a refused download answers with the first of them)
  'NO_CONTRACT',
  'CONTRACT_PENDING',
  'CONTRACT_EXPIRED',
  'SYSTEM_NOT_COVERED',
  'UPGRADE_REQUIRES_UPGRADE_SUPPORT',
  'RELEASED_AFTER_CONTRACT_END',
  'LINE_PAST_END_OF_MAINTENANCE',
  'LINE_PAST_END_OF_SERVICE',
  'PRERELEASE',
  'NOT_FOR_PLATFORM',
  'RELEASE_WITHDRAWN',
  // a knowledge article the vendor withdrew: its link answers with the reason
  'ARTICLE_WITHDRAWN',
  // transport and authorization
  'UNKNOWN_METHOD',
  'METHOD_NOT_ALLOWED',
  'HEADERS_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOKEN_EXPIRED',
  'TOKEN_REVOKED',
  'RATE_LIMITED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  // a one-use link from an e-mail (the survey) after its time
  'LINK_EXPIRED',
  // a request's solution: proposed with its text, rejected with a reason
  'SOLUTION_REQUIRED',
  'REJECTION_REASON_REQUIRED',
  'ACTION_NOTE_NOT_EXPECTED',
  'INTERNAL',
  // what a person at the command line or in a form gets wrong: unanswered prompts, files, trust roots, packages
  'CONFIRMATION_REQUIRED',
  'FILE_NOT_ACCESSIBLE',
  'PACKAGE_NOT_FOR_SYSTEM',
  'TRUST_ROOT_INVALID',
  'TRUST_ROOT_UNSIGNED',
  'TRUST_ROOT_EXPIRED',
  // offline bundles and site mirrors: the carrier's framing, the chain to the trusted root, rollback, the packages,
  // and the portal-signed entitlement statement
  'BUNDLE_INVALID',
  'BUNDLE_UNTRUSTED',
  'BUNDLE_ROLLBACK',
  'BUNDLE_PACKAGE_MISMATCH',
  'STATEMENT_INVALID',
  'STATEMENT_EXPIRED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every key the errors catalog can render: `CODE` or `CODE.variant`. A key not in the catalog fails to compile. */
export type ErrorKey = ErrorKeyOf<Catalog['errors']>;

export interface ErrorBody {
  code: ErrorCode;
  /** In the language the reply was asked for (English where none was). */
  message: string;
  remedy: string;
  /** The catalog key and its params, so a reader in another language can render the same error in theirs. */
  key?: string;
  params?: Record<string, string | number>;
  details?: Record<string, unknown>;
}

/**
 * A coded error. It is raised with a catalog key and the values its text needs; `message` and `remedy` are the
 * English text (what logs keep), and `toBody(locale)` writes both in the reader's language.
 */
export class HicareError extends Error {
  readonly code: ErrorCode;
  readonly key: string | undefined;
  readonly params: MessageParams;
  readonly remedy: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(key: ErrorKey, params: MessageParams = {}, details?: Record<string, unknown>) {
    const t = translator('en');
    super(t(`errors.${key}.message` as CatalogKey, params));
    this.name = 'HicareError';
    this.code = codeOfKey<ErrorCode>(key);
    this.key = key;
    this.params = params;
    this.remedy = t(`errors.${key}.remedy` as CatalogKey, params);
    this.details = details;
  }

  /**
   * An error another party answered with (the portal, the app's host), passed on as it came: its text was written
   * for the user, and its key (when it has one) lets a reader in another language render it again.
   */
  static fromBody(body: ErrorBody, details?: Record<string, unknown>): HicareError {
    const merged = body.details === undefined && details === undefined ? undefined : { ...body.details, ...details };
    const error = new HicareError('INTERNAL', {}, merged);
    Object.defineProperty(error, 'message', { value: body.message, writable: true, configurable: true });
    Object.assign(error, { code: body.code, remedy: body.remedy, key: body.key, params: body.params ?? {} });
    return error;
  }

  /** The error as a reply body, written in `locale`. */
  toBody(locale: DisplayLocale = 'en'): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message, remedy: this.remedy };
    // A key this build's catalog does not have (a newer portal's) keeps the text it came with.
    if (this.key !== undefined && hasMessage(locale, `errors.${this.key}.message`)) {
      const t = translator(locale);
      body.message = t(`errors.${this.key}.message` as CatalogKey, this.params);
      body.remedy = t(`errors.${this.key}.remedy` as CatalogKey, this.params);
      body.key = this.key;
      if (Object.keys(this.params).length > 0) body.params = { ...this.params };
    }
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function isHicareError(value: unknown): value is HicareError {
  return value instanceof HicareError;
}

/** Exhaustiveness check for discriminated unions: a new member that is not handled fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new HicareError('INTERNAL.unexpected', {}, { what, value: JSON.stringify(value) ?? 'undefined' });
}
