/**
 * Registers one route of the raw table (shared/contracts/portal-raw-routes.ts): the caller is authenticated and their
 * role checked as the declaration says, then the handler writes the answer itself (bytes, a stream, signed metadata).
 * Whatever it throws before it has written anything is answered with the coded error body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RawRoute } from '../../shared/contracts/portal-raw-routes.js';
import { callerFor, sendError, type Authenticate, type Caller } from './endpoints.js';

export interface RawInput<R extends RawRoute> {
  caller: R['auth'] extends 'public' ? null : Caller;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type RawHandler<R extends RawRoute> = (input: RawInput<R>) => Promise<unknown>;

/** What follows the route's prefix in a `…/*` address: the target name, the metadata file, the feed's path. */
export function restOf(request: FastifyRequest): string {
  return (request.params as { '*'?: string })['*'] ?? '';
}

export function registerRawRoute<R extends RawRoute>(
  app: FastifyInstance,
  route: R,
  auth: Authenticate,
  handler: RawHandler<R>,
): void {
  const options = {
    method: [...route.methods],
    url: route.path,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const caller = await callerFor(
          request,
          auth,
          route.auth,
          route.action === undefined ? { kind: 'use', summary: route.summary } : { kind: route.action },
        );
        await handler({ caller, request, reply } as RawInput<R>);
        return reply;
      } catch (error) {
        return sendError(reply, error);
      }
    },
  };
  if (!route.methods.includes('POST')) {
    app.route(options);
    return;
  }
  // The only POSTs here are plain HTML forms; their parser stays inside this route's scope, so every JSON route
  // still refuses a form body as before.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16_384 },
      (_, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );
    scope.route(options);
  });
}
