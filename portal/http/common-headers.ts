/**
 * The headers every portal answer carries. Set by the app's onSend hook, and by the few routes that write their
 * body to the connection themselves (which Fastify's hooks never see).
 */
import type { FastifyReply } from 'fastify';

export function setCommonHeaders(reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  // An answer that says nothing about caching is not cached: most are per caller.
  reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
}
