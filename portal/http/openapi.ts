/** /openapi.json, generated from the same zod schemas that validate the requests. */
import { z } from 'zod';
import { ErrorBodySchema } from '../../shared/contracts/common.js';
import type { Endpoint } from '../../shared/contracts/portal-api.js';

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

export function openApiDocument(endpoints: Record<string, Endpoint>, info: { title: string; version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { description: 'A coded error', content: { 'application/json': { schema: jsonSchema(ErrorBodySchema, 'output') } } };
  for (const [operationId, e] of Object.entries(endpoints)) {
    const path = e.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][e.method.toLowerCase()] = {
      operationId,
      summary: e.summary,
      security: e.auth === 'public' ? [] : [{ bearer: [] }],
      'x-roles': e.auth === 'public' ? [] : e.auth,
      parameters: [
        ...parameters(e.params, 'path'),
        ...parameters(e.query, 'query'),
        ...(e.idempotent === true ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }] : []),
      ],
      ...(e.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(e.body, 'input') } } } }),
      responses: {
        [e.idempotent === true ? '201' : '200']: { description: 'OK', content: { 'application/json': { schema: jsonSchema(e.response, 'output') } } },
        default: error,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
