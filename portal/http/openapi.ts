/**
 * /openapi.json, generated from the declarations the routes are registered from: the JSON table with the zod schemas
 * that validate its requests and answers, the raw table (bytes, signed metadata, the event stream) with its content
 * types, and the operations routes. Nothing here names a route by hand, so the document cannot fall behind.
 */
import { z } from 'zod';
import { ErrorBodySchema } from '../../shared/contracts/common.js';
import { portalApi, type Endpoint } from '../../shared/contracts/portal-api.js';
import { portalOpsRoutes, portalRawRoutes, type RawRoute } from '../../shared/contracts/portal-raw-routes.js';

type Operation = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): unknown[] {
  if (schema === undefined) return [];
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (s.required ?? []).includes(name),
    schema: property,
  }));
}

/** A Fastify path as OpenAPI writes it: `:id` becomes `{id}`, a trailing `*` the named rest of the address. */
export function openApiPath(path: string, rest?: { name: string }): string {
  const named = path.replace(/:([A-Za-z]+)/g, '{$1}');
  return rest === undefined ? named : named.replace(/\*$/, `{${rest.name}}`);
}

const errorAnswer = {
  description: 'A coded error',
  content: { 'application/json': { schema: jsonSchema(ErrorBodySchema, 'output') } },
};

function security(auth: Endpoint['auth']): Operation {
  return { security: auth === 'public' ? [] : [{ bearer: [] }], 'x-roles': auth === 'public' ? [] : auth };
}

function jsonOperation(operationId: string, e: Endpoint): Operation {
  return {
    operationId,
    summary: e.summary,
    ...security(e.auth),
    parameters: [
      ...parameters(e.params, 'path'),
      ...parameters(e.query, 'query'),
      ...(e.idempotent === true
        ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }]
        : []),
    ],
    ...(e.body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(e.body, 'input') } } } }),
    responses: {
      [e.idempotent === true ? '201' : '200']: {
        description: 'OK',
        content: { 'application/json': { schema: jsonSchema(e.response, 'output') } },
      },
      default: errorAnswer,
    },
  };
}

function rawOperation(operationId: string, route: RawRoute): Operation {
  const answers = Object.fromEntries(
    Object.entries(route.answers).map(([status, answer]) => [
      status,
      {
        description: answer.description,
        ...(answer.content === undefined
          ? {}
          : {
              content: {
                [answer.content.type]: {
                  schema:
                    answer.content.schema === undefined
                      ? { type: 'string' }
                      : jsonSchema(answer.content.schema, 'output'),
                },
              },
            }),
      },
    ]),
  );
  return {
    operationId,
    summary: route.summary,
    ...security(route.auth),
    parameters: [
      ...(route.rest === undefined
        ? []
        : [
            {
              name: route.rest.name,
              in: 'path',
              required: true,
              description: route.rest.description,
              schema: { type: 'string' },
            },
          ]),
      ...parameters(route.params, 'path'),
      ...parameters(route.query, 'query'),
      ...(route.headers ?? []).map((h) => ({
        name: h.name,
        in: 'header',
        required: false,
        description: h.description,
        schema: { type: 'string' },
      })),
    ],
    responses: { ...answers, default: errorAnswer },
  };
}

export function openApiDocument(info: { title: string; version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  const add = (path: string, method: string, operation: Operation): void => {
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = operation;
  };
  for (const [name, e] of Object.entries(portalApi) as [string, Endpoint][])
    add(openApiPath(e.path), e.method, jsonOperation(name, e));
  for (const [name, route] of [...Object.entries(portalRawRoutes), ...Object.entries(portalOpsRoutes)] as [
    string,
    RawRoute,
  ][]) {
    // A HEAD is the GET without its body; it gets its own id, since operation ids are unique in a document.
    for (const method of route.methods)
      add(openApiPath(route.path, route.rest), method, rawOperation(method === 'HEAD' ? `${name}Head` : name, route));
  }
  return {
    openapi: '3.1.0',
    info,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
