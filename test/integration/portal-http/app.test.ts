/** The portal's shared HTTP behaviour on a real loopback listener: coded errors for every kind of bad request. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { HicareError } from '../../../shared/errors.js';
import { portalApi } from '../../../shared/contracts/portal-api.js';
import { portalOpsRoutes, portalRawRoutes } from '../../../shared/contracts/portal-raw-routes.js';
import type { Account } from '../../../shared/contracts/accounts.js';
import { createPortalApp, MAX_JSON_BODY_BYTES } from '../../../portal/http/app.js';
import { registerEndpoint, type Authenticate } from '../../../portal/http/endpoints.js';

const engineer: Account = {
  id: 'eng-1',
  email: 'eng@vendor.example',
  name: 'Eve Engineer',
  role: 'engineer',
  customerId: null,
};
const admin: Account = {
  id: 'adm-1',
  email: 'admin@acme.example',
  name: 'Ada Admin',
  role: 'customer-admin',
  customerId: 'acme',
};

// The accounts module is exercised on its own; here tokens map to accounts so that only the HTTP layer is under test.
const authenticate: Authenticate = async (bearer) => {
  if (bearer === 'engineer-token') return { account: engineer, tokenId: 't1' };
  if (bearer === 'admin-token') return { account: admin, tokenId: 't2' };
  throw new HicareError('UNAUTHENTICATED');
};

let app: FastifyInstance;
let base: string;
const created: unknown[] = [];

beforeAll(async () => {
  app = createPortalApp({ version: '0.1.0' });
  registerEndpoint(app, portalApi.me, authenticate, async ({ caller }) => caller.account);
  registerEndpoint(app, portalApi.createRequest, authenticate, async ({ body, caller }) => {
    created.push(body);
    return {
      ...body,
      id: 'r1',
      number: 'SR-1',
      customerId: caller.account.customerId ?? '',
      product: 'atlas',
      state: 'submitted' as const,
      assignedEngineerId: null,
      submittedAt: '2026-06-01T00:00:00Z',
      acceptedAt: null,
      firstContactAt: null,
      updatedAt: '2026-06-01T00:00:00Z',
      sla: { state: 'awaiting-acceptance' as const, dueAt: null, msLeft: null },
    };
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
});

const validRequest = {
  serialNumber: 'SN-1',
  location: 'Berlin DC1',
  faultDescription: 'Install fails',
  priority: 'P2',
};

async function post(path: string, body: string, token = 'admin-token', headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('portal HTTP layer', () => {
  it('answers a valid creation with 201 and the stored body', async () => {
    const before = created.length;
    const r = await post('/api/v1/requests', JSON.stringify(validRequest));
    expect(r.status).toBe(201);
    expect(r.body.state).toBe('submitted');
    expect(created.length).toBe(before + 1);
  });

  it.each<[string, string, number, string]>([
    ['malformed JSON', '{"serialNumber": "SN-1",', 400, 'INVALID_INPUT'],
    ['an unknown field', JSON.stringify({ ...validRequest, isAdmin: true }), 400, 'INVALID_INPUT'],
    ['a missing required field', JSON.stringify({ ...validRequest, location: undefined }), 400, 'INVALID_INPUT'],
    [
      'an oversize body',
      JSON.stringify({ ...validRequest, faultDescription: 'x'.repeat(MAX_JSON_BODY_BYTES + 10) }),
      413,
      'INVALID_INPUT',
    ],
  ])('refuses %s with a coded error and stores nothing', async (_, body, status, code) => {
    const before = created.length;
    const r = await post('/api/v1/requests', body);
    expect(r.status).toBe(status);
    expect(r.body.code).toBe(code);
    expect(typeof r.body.remedy).toBe('string');
    expect(created.length).toBe(before);
  });

  it.each([["'; DROP TABLE requests; --"], ['" OR 1=1 --'], ["Robert'); DELETE FROM contracts;--"]])(
    'keeps SQL-looking text verbatim: %s',
    async (text) => {
      const r = await post(
        '/api/v1/requests',
        JSON.stringify({ ...validRequest, location: text, faultDescription: text }),
      );
      expect(r.status).toBe(201);
      expect(r.body.location).toBe(text);
      expect(r.body.faultDescription).toBe(text);
    },
  );

  it.each<[string, string | undefined, number, string]>([
    ['no token', undefined, 401, 'UNAUTHENTICATED'],
    ['a forged token', 'forged-token', 401, 'UNAUTHENTICATED'],
    ['the wrong role (an engineer creating a customer request)', 'engineer-token', 403, 'FORBIDDEN'],
  ])('refuses %s', async (_, token, status, code) => {
    const res = await fetch(`${base}/api/v1/requests`, {
      method: 'POST',
      body: JSON.stringify(validRequest),
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
    });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { code: string }).code).toBe(code);
  });

  it('answers unknown routes with a coded 404', async () => {
    const res = await fetch(`${base}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('serves an OpenAPI document with every route of the shared tables and the operations routes', async () => {
    const res = await fetch(`${base}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    const raw = Object.entries({ ...portalRawRoutes, ...portalOpsRoutes }).flatMap(([name, r]) =>
      r.methods.map((m) => (m === 'HEAD' ? `${name}Head` : name)),
    );
    expect(operations.sort()).toEqual([...Object.keys(portalApi), ...raw].sort());
    expect(doc.paths['/api/v1/requests/{id}']?.get).toBeDefined();
    expect(doc.paths['/api/v1/events']?.get).toBeDefined();
  });

  it('sends security headers', async () => {
    const res = await fetch(`${base}/api/v1/me`, { headers: { authorization: 'Bearer engineer-token' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
