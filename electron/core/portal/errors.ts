/**
 * Every way a portal call can fail, as one coded error: the portal's own coded body passed through as it is (its
 * text was written for the customer, its key lets the app write it again in the language chosen now), and
 * transport failures named for what the user can do about them — offline, too slow, or a portal that answered
 * something that is not the API.
 */
import { ErrorBodySchema } from '../../../shared/contracts/common.js';
import { connectionCause, offlineCause } from '../../../shared/connection-words.js';
import { HicareError, type ErrorBody, type ErrorCode } from '../../../shared/errors.js';

/** A coded problem as it was parsed (its optional parts possibly undefined), as the error body it is. */
export function errorBodyOf(problem: {
  code: ErrorCode;
  message: string;
  remedy: string;
  key?: string | undefined;
  params?: Record<string, string | number> | undefined;
  details?: Record<string, unknown> | undefined;
}): ErrorBody {
  const { code, message, remedy, key, params, details } = problem;
  return {
    code,
    message,
    remedy,
    ...(key === undefined ? {} : { key }),
    ...(params === undefined ? {} : { params }),
    ...(details === undefined ? {} : { details }),
  };
}

export function portalErrorFromBody(status: number, body: unknown, portal: string): HicareError {
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) return HicareError.fromBody(errorBodyOf(parsed.data), { status });
  return new HicareError('PORTAL_ERROR.portalUnexplained', { portal, status }, { status });
}

export function transportError(error: unknown, portal: string): HicareError {
  if (error instanceof HicareError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ETIMEDOUT' || (error as { name?: string }).name === 'TimeoutError') {
    return new HicareError('TIMEOUT.portalSlow', { portal }, { cause: code });
  }
  const offline = offlineCause(code) ?? (code === 'ECONNRESET' || code === 'EPIPE' ? connectionCause(code) : undefined);
  if (offline !== undefined) {
    return new HicareError('OFFLINE.portalUnreachable', { portal, cause: offline }, { cause: code });
  }
  if (/^(ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)) {
    return new HicareError('PORTAL_ERROR.portalCertificate', { portal }, { cause: code });
  }
  // Anything else is internal text (a library's message): it goes to details for the log, never into the sentence.
  const message = error instanceof Error ? error.message : String(error);
  return new HicareError('PORTAL_ERROR.portalTalkFailed', { portal }, { cause: code, internal: message });
}
