/**
 * Registers one route of the shared portal API table on Fastify: each request is authenticated, its role checked,
 * and its params, query and body validated with the endpoint's zod schemas before a handler runs; what the handler
 * answers is checked against the endpoint's response schema before it is sent. Failures answer with the shared coded
 * error body and the status of ./status.ts. ./route-table.ts registers the whole table.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { HicareError, isHicareError, type ErrorBody } from '../../shared/errors.js';
import type { Endpoint } from '../../shared/contracts/portal-api.js';
import type { Account } from '../../shared/contracts/accounts.js';
import { invalidValues, plainIssues, safeParsePlain } from '../../shared/api/plain-issues.js';
import { forbiddenFor, type RefusedAction } from '../../shared/domain/role-names.js';
import { insufficientSpace, isNoSpace } from '../storage/space-error.js';
import type { Locale } from '../../shared/i18n/locales.js';
import { answerIn, requestLocale } from './locale.js';
import { httpStatusFor } from './status.js';

export interface Caller {
  account: Account;
  tokenId: string;
}

export type Authenticate = (bearer: string, request: FastifyRequest) => Promise<Caller>;

export interface HandlerInput<E extends Endpoint> {
  params: E['params'] extends z.ZodType ? z.output<E['params']> : Record<string, never>;
  query: E['query'] extends z.ZodType ? z.output<E['query']> : Record<string, never>;
  body: E['body'] extends z.ZodType ? z.output<E['body']> : undefined;
  caller: E['auth'] extends 'public' ? null : Caller;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Answers with the response (200, or 201 for a creation); a handler sets other headers on `reply` but never sends. */
export type EndpointHandler<E extends Endpoint> = (input: HandlerInput<E>) => Promise<z.input<E['response']>>;

/**
 * Marks an answer to a creation retried with its Idempotency-Key: the first result comes back as 200, not 201,
 * since nothing new was made, and the header tells the client so.
 */
export function markReplayed(reply: FastifyReply): void {
  reply.header(REPLAYED_HEADER, 'true');
}
const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * Answers with the coded body, in the language the request asked for. A 5xx is the portal's failure, not the
 * caller's: it is logged here, once, with its cause and stack, while the body keeps to plain words. `status` is for
 * the few refusals whose status is not their code's (a body too large is INVALID_INPUT, but 413).
 */
export function sendError(reply: FastifyReply, failure: unknown, status?: number): FastifyReply {
  // A full disk is something the operator can fix and the user can retry after, wherever it happened: never a 500.
  const error = !isHicareError(failure) && isNoSpace(failure) ? insufficientSpace('what this request sent') : failure;
  const coded = isHicareError(error) ? error : new HicareError('INTERNAL.portalFailed');
  const locale = requestLocale(reply.request);
  const body: ErrorBody = coded.toBody(locale);
  const answered = status ?? (isHicareError(error) ? httpStatusFor(error.code) : 500);
  if (answered >= 500) reply.request.log.error({ err: failure, status: answered }, 'answered with a server error');
  // HTTP clients and proxies back off on Retry-After without reading the body.
  const wait = coded.code === 'RATE_LIMITED' ? coded.details?.['retryAfterSeconds'] : undefined;
  if (typeof wait === 'number') reply.header('retry-after', String(wait));
  return answerIn(reply, locale).code(answered).type('application/json').send(body);
}

function validate(schema: z.ZodType | undefined, value: unknown, where: string, locale: Locale): unknown {
  if (schema === undefined) return where === 'body' ? undefined : {};
  const r = safeParsePlain(schema, value ?? {});
  if (r.success) return r.data;
  // A body's fields are named as they are; an address's or a query's carry where they were, since a field name
  // alone ("id") would not say which part of the call to correct.
  throw invalidValues(
    plainIssues(r.error, where === 'body' ? [] : [where], locale),
    'INVALID_INPUT.valuesResend',
    {},
    locale,
  );
}

function bearerOf(request: FastifyRequest): string | null {
  const m = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(request.headers.authorization ?? '');
  return m?.[1] ?? null;
}

/** The signed-in caller of a route open to `roles`, or null for a public one; refused in plain words otherwise. */
export async function callerFor(
  request: FastifyRequest,
  auth: Authenticate,
  roles: Endpoint['auth'],
  action: RefusedAction,
): Promise<Caller | null> {
  if (roles === 'public') return null;
  const bearer = bearerOf(request);
  if (bearer === null) throw new HicareError('UNAUTHENTICATED.bearerMissing');
  const caller = await auth(bearer, request);
  if (!roles.includes(caller.account.role)) throw forbiddenFor(caller.account.role, action, roles);
  return caller;
}

/**
 * A handler's answer that its schema refuses is the portal's bug, not something to send: a client checks answers
 * against the same schema and would refuse it anyway, with a vaguer complaint. The operator gets the route and the
 * issues; the caller gets the coded INTERNAL body. What is sent is the parsed answer, as on the app's side: a field
 * the contract does not name never leaves the portal, whatever a query happened to select.
 *
 * Checked on every answer, in production too, since only then does the stripping protect anything. On the busiest
 * JSON route, the entitlement check, parsing its 7 kB answer took about 0.1 ms: an answer given out again unchanged
 * is checked once (answerToReuse below).
 */
function checkedAnswer(endpoint: Endpoint, request: FastifyRequest, value: unknown): unknown {
  const checked = endpoint.response.safeParse(value);
  if (checked.success) return checked.data;
  const issues = checked.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    code: issue.code,
    message: issue.message,
  }));
  request.log.error(
    { route: `${endpoint.method} ${endpoint.path}`, issues },
    'an answer does not match its declared schema',
  );
  throw new HicareError('INTERNAL.portalAnswer');
}

/**
 * Answers a handler gives out again unchanged (a memo of answers whose inputs did not change): each is checked against
 * its schema and written as JSON once, the first time it is sent, and the same text is sent every time after. The
 * guarantee above still holds: nothing leaves unchecked. The answer must not be changed once handed over.
 */
const reusable = new WeakSet<object>();
const written = new WeakMap<object, string>();

export function answerToReuse<T extends object>(answer: T): T {
  reusable.add(answer);
  return answer;
}

/** The answer as sent: the checked value, or the JSON text of a reused answer checked once. */
function answerToSend(endpoint: Endpoint, request: FastifyRequest, reply: FastifyReply, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !reusable.has(value))
    return checkedAnswer(endpoint, request, value);
  let text = written.get(value);
  if (text === undefined) {
    text = JSON.stringify(checkedAnswer(endpoint, request, value));
    written.set(value, text);
  }
  // As Fastify labels the JSON it writes itself.
  reply.type('application/json; charset=utf-8');
  return text;
}

export function registerEndpoint<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  authenticate: Authenticate,
  handler: EndpointHandler<E>,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    handler: async (request, reply) => {
      try {
        const caller = await callerFor(request, authenticate, endpoint.auth, {
          kind: 'use',
          summary: endpoint.summary,
        });
        const locale = requestLocale(request);
        const input = {
          params: validate(endpoint.params, request.params, 'params', locale),
          query: validate(endpoint.query, request.query, 'query', locale),
          body: validate(endpoint.body, request.body, 'body', locale),
          caller,
          request,
          reply,
        } as HandlerInput<E>;
        const answer = answerToSend(endpoint, request, reply, await handler(input));
        const created = endpoint.idempotent === true && reply.statusCode === 200 && !reply.hasHeader(REPLAYED_HEADER);
        return reply.code(created ? 201 : reply.statusCode).send(answer);
      } catch (error) {
        return sendError(reply, error);
      }
    },
  });
}
