/** /openapi.json, generated from the same zod schemas that validate the requests. */
import { z } from 'zod';
import { ErrorBodySchema } from '../../shared/contracts/common.js';
import { PackageQuerySchema, type Endpoint } from '../../shared/contracts/portal-api.js';

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
  paths['/api/v1/packages/{target}'] = {
    get: {
      operationId: 'downloadPackage',
      summary: 'The bytes of a signed target, when the entitlement verdict allows its release (supports Range and If-Range)',
      security: [{ bearer: [] }],
      'x-roles': ['customer-admin', 'it-staff'],
      parameters: [
        { name: 'target', in: 'path', required: true, description: 'The TUF target name; "/" kept between segments', schema: { type: 'string' } },
        ...parameters(PackageQuerySchema, 'query'),
        { name: 'Range', in: 'header', required: false, schema: { type: 'string' } },
        { name: 'If-Range', in: 'header', required: false, schema: { type: 'string' } },
      ],
      responses: {
        '200': { description: 'The whole package', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        '206': { description: 'The requested range', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        '403': { ...error, description: 'The verdict refuses the release; the code is its first reason, details.reasons lists all' },
        '416': { ...error, description: 'The range starts past the end of the package' },
        default: error,
      },
    },
  };
  paths['/tuf/{file}'] = {
    get: {
      operationId: 'tufMetadata',
      summary: 'Signed TUF metadata: timestamp.json, root.json, N.root.json, N.snapshot.json, N.targets.json',
      security: [],
      parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'Signed metadata', content: { 'application/json': { schema: { type: 'object' } } } }, default: error },
    },
  };
  // For load balancers and monitoring: no token, nothing about customers.
  paths['/healthz'] = {
    get: { operationId: 'liveness', summary: 'The process answers (no dependency is asked)', security: [], responses: { '200': { description: '{"ok": true}' } } },
  };
  paths['/readyz'] = {
    get: {
      operationId: 'readiness',
      summary: 'Whether this instance can serve: database reachable, migrations current, store reachable, signed catalog not expired',
      security: [],
      responses: {
        '200': { description: 'Ready; every check listed', content: { 'application/json': { schema: { type: 'object' } } } },
        '503': { ...error, description: 'Not ready; details.checks names the failing checks in plain words' },
      },
    },
  };
  paths['/metrics'] = {
    get: {
      operationId: 'metrics',
      summary: 'Prometheus metrics (a bearer token when the portal is configured with one)',
      security: [],
      responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } }, default: error },
    },
  };
  return {
    openapi: '3.1.0',
    info,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
