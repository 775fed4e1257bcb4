/**
 * Every way a portal call can fail, as one coded error: the portal's own coded body passed through as it is (its
 * code, message and remedy were written for the customer), and transport failures named for what the user can do
 * about them — offline, too slow, or a portal that answered something that is not the API.
 */
import { ErrorBodySchema } from '../../../shared/contracts/common.js';
import { connectionWords, offlineWords } from '../../../shared/connection-words.js';
import { HicareError } from '../../../shared/errors.js';

export function portalErrorFromBody(status: number, body: unknown, portal: string): HicareError {
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, remedy, details } = parsed.data;
    return new HicareError(code, message, remedy, { ...details, status });
  }
  return new HicareError(
    'PORTAL_ERROR',
    `The portal at ${portal} answered ${status} without an explanation.`,
    'Check the portal address (Settings → Portal address, or --portal); if it is right, try again later.',
    {
      status,
    },
  );
}

export function transportError(error: unknown, portal: string): HicareError {
  if (error instanceof HicareError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ETIMEDOUT' || (error as { name?: string }).name === 'TimeoutError') {
    return new HicareError(
      'TIMEOUT',
      `The portal at ${portal} did not answer in time.`,
      'Check your network connection and try again.',
      { cause: code },
    );
  }
  const offline = offlineWords(code) ?? (code === 'ECONNRESET' || code === 'EPIPE' ? connectionWords(code) : undefined);
  if (offline !== undefined) {
    return new HicareError(
      'OFFLINE',
      `The portal at ${portal} cannot be reached: ${offline}.`,
      'Check your network connection, proxy settings and the portal address, then try again.',
      {
        cause: code,
      },
    );
  }
  if (/^(ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)) {
    return new HicareError(
      'PORTAL_ERROR',
      `The portal's certificate at ${portal} is not trusted by this computer.`,
      'Add your company CA bundle under Settings → Extra CA bundle, or check the portal address.',
      {
        cause: code,
      },
    );
  }
  // Anything else is internal text (a library's message): it goes to details for the log, never into the sentence.
  const message = error instanceof Error ? error.message : String(error);
  return new HicareError(
    'PORTAL_ERROR',
    `Talking to the portal at ${portal} failed.`,
    'Try again; if it persists, check the portal address and your network.',
    { cause: code, internal: message },
  );
}
