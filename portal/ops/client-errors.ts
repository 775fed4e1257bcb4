/**
 * Requests that never reach a route: Node's HTTP parser refuses them (headers too large, a bad Content-Length, not
 * HTTP at all) or Fastify's router cannot read their address. Both would answer in Fastify's own words; here they
 * answer with the portal's coded error body like every other failure, and never echo what the client sent.
 */
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HicareError } from '../../shared/errors.js';

interface ParserRefusal {
  status: number;
  reason: string;
  error: HicareError;
}

const INVALID_REQUEST = 'Send a well-formed HTTP/1.1 request.';

function refusalFor(code: string | undefined): ParserRefusal {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        error: new HicareError(
          'HEADERS_TOO_LARGE',
          'The request headers are too large.',
          'Send fewer or shorter headers (at most 16 KB in all).',
        ),
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        reason: 'Request Timeout',
        error: new HicareError(
          'TIMEOUT',
          'The request did not arrive in time.',
          'Send the whole request promptly, then try again.',
        ),
      };
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return {
        status: 400,
        reason: 'Bad Request',
        error: new HicareError(
          'INVALID_INPUT',
          'The request has an invalid Content-Length header.',
          'Send one Content-Length with the body’s size in bytes, or chunked encoding without it.',
        ),
      };
    case 'HPE_INVALID_METHOD':
      return {
        status: 400,
        reason: 'Bad Request',
        error: new HicareError(
          'INVALID_INPUT',
          'The request method is not an HTTP method.',
          'Use GET, POST, PUT or DELETE as /openapi.json lists them.',
        ),
      };
    case 'HPE_INVALID_HEADER_TOKEN':
      return {
        status: 400,
        reason: 'Bad Request',
        error: new HicareError('INVALID_INPUT', 'A request header is malformed.', INVALID_REQUEST),
      };
    default:
      return {
        status: 400,
        reason: 'Bad Request',
        error: new HicareError('INVALID_INPUT', 'The request is not valid HTTP.', INVALID_REQUEST),
      };
  }
}

/** For Fastify's `clientErrorHandler`: `this` is the Fastify instance, whose logger notes the refusal at debug. */
export function answerClientError(
  this: { log: FastifyBaseLogger },
  error: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, reason, error: coded } = refusalFor(error.code);
  this.log.debug({ parserError: error.code, status }, 'refused a request the HTTP parser could not accept');
  if (socket.writable) {
    const body = JSON.stringify(coded.toBody());
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** For Fastify's `frameworkErrors`: mostly an address the router cannot decode (bad percent-encoding, say). */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    const body = new HicareError(
      'INVALID_INPUT',
      'The request address is not a valid URL.',
      'Percent-encode the address correctly (see /openapi.json for the paths).',
    ).toBody();
    void reply.code(400).type('application/json').send(body);
    return;
  }
  request.log.error({ err: error }, 'the router failed on a request');
  const body = new HicareError(
    'INTERNAL',
    'The portal failed to handle this request.',
    'Try again later; if it persists, contact the vendor.',
  ).toBody();
  void reply.code(500).type('application/json').send(body);
}
