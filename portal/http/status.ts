/** The HTTP status for each error code: one table, so every route answers the same failure the same way. */
import type { ErrorCode } from '../../shared/errors.js';
import { VERDICT_REASON_CODES } from '../../shared/domain/verdict.js';

const STATUS: Partial<Record<string, number>> = {
  INVALID_INPUT: 400,
  INVALID_VERSION: 400,
  INVALID_VERSION_RANGE: 400,
  INVALID_DATE: 400,
  INVALID_INSTANT: 400,
  UNKNOWN_TIME_ZONE: 400,
  END_BEFORE_START: 400,
  UNKNOWN_PRIORITY: 400,
  UNKNOWN_TIER: 400,
  UNKNOWN_ROLE: 400,
  UNKNOWN_REQUEST_STATE: 400,
  INVALID_LIFECYCLE: 400,
  REQUEST_FIELD_MISSING: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ROLE_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  INVALID_TARGET_NAME: 404,
  RANGE_NOT_SATISFIABLE: 416,
  ALREADY_EXISTS: 409,
  TARGET_CONFLICT: 409,
  CONTRACT_OVERLAP: 409,
  UNKNOWN_METHOD: 404,
  ILLEGAL_TRANSITION: 409,
  NO_UPGRADE_PATH: 409,
  IDEMPOTENCY_CONFLICT: 409,
  ALREADY_ASSIGNED: 409,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_REFUSED: 415,
  // Gone, not forbidden: the grant existed and nobody can use it any more, whoever asks.
  GRANT_EXPIRED: 410,
  GRANT_REVOKED: 410,
  LINK_EXPIRED: 410,
  ARTICLE_WITHDRAWN: 410,
  METHOD_NOT_ALLOWED: 405,
  HEADERS_TOO_LARGE: 431,
  // The disk or object store the portal writes to is full: the client's request was fine, the portal cannot keep it.
  INSUFFICIENT_SPACE: 507,
  // Waiting for another signer, or for a database or store that is down: try again shortly.
  TUF_REPOSITORY_BUSY: 503,
  STORE_UNAVAILABLE: 503,
  DATABASE_BEHIND: 503,
  DATABASE_AHEAD: 503,
  INTERNAL: 500,
};

for (const code of VERDICT_REASON_CODES) STATUS[code] = 403;

export function httpStatusFor(code: ErrorCode | string): number {
  return STATUS[code] ?? (/^(TOKEN_|INVALID_CREDENTIALS)/.test(code) ? 401 : /LIMITED$/.test(code) ? 429 : 400);
}
