/**
 * Requests that never reach a route: Node's HTTP parser refuses them (headers too large, a bad Content-Length, not
 * HTTP at all) or Fastify's router cannot read their address. Both would answer in Fastify's own words; here they
 * answer with the portal's coded error body like every other failure, and never echo what the client sent.
 */
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HicareError } from '../../shared/errors.js';
import { answerIn, requestLocale } from '../http/locale.js';

interface ParserRefusal {
  status: number;
  reason: string;
  error: HicareError;
}

function refusalFor(code: string | undefined): ParserRefusal {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        error: new HicareError('HEADERS_TOO_LARGE.portalRequest'),
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        reason: 'Request Timeout',
        error: new HicareError('TIMEOUT.requestArrival'),
      };
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return {
        status: 400,
        reason: 'Bad Request',
        error: new HicareError('INVALID_INPUT.badContentLength'),
      };
    case 'HPE_INVALID_METHOD':
      return {
        status: 400,
        reason: 'Bad Request',
        error: new HicareError('INVALID_INPUT.badHttpMethod'),
      };
    case 'HPE_INVALID_HEADER_TOKEN':
      return {
        status: 400,
        reason: 'Bad Request',
        error: new HicareError('INVALID_INPUT.malformedHeader'),
      };
    default:
      return {
        status: 400,
        reason: 'Bad Request',
        error: new HicareError('INVALID_INPUT.notHttp'),
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
    // The parser gave up before the headers were read: there is no Accept-Language to follow, so English.
    const body = JSON.stringify(coded.toBody('en'));
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Language: en\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** For Fastify's `frameworkErrors`: mostly an address the router cannot decode (bad percent-encoding, say). */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const locale = requestLocale(request);
  if (error.code === 'FST_ERR_BAD_URL') {
    const body = new HicareError('INVALID_INPUT.badUrl').toBody(locale);
    void answerIn(reply, locale).code(400).type('application/json').send(body);
    return;
  }
  request.log.error({ err: error }, 'the router failed on a request');
  const body = new HicareError('INTERNAL.portalFailed').toBody(locale);
  void answerIn(reply, locale).code(500).type('application/json').send(body);
}
