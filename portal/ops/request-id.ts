/**
 * The id that ties together every log line of one request, and that an operator quotes when a customer reports a
 * failure. A load balancer's `X-Request-Id` is kept so that its log and ours line up; anything long or unusual is
 * replaced, since the id goes verbatim into every log line and a response header.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's id when it is bounded and made of safe characters, a fresh one otherwise. */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
