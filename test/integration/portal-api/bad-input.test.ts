/**
 * Bad input against the whole portal: broken, oversize and hostile bodies, wrong content types, unknown fields and
 * routes, and SQL-looking text in every field the API takes. Each gets a coded 4xx (or an ordinary empty answer),
 * and none changes a row.
 */
import { beforeAll, expect, it } from 'vitest';
import { packagePath } from '../../../shared/contracts/portal-api.js';
import { createAccount } from '../../../portal/accounts/index.js';
import { MAX_JSON_BODY_BYTES } from '../../../portal/http/app.js';
import { registeredRoutes } from '../../../portal/http/route-list.js';
import { coded, describePortal, NW_ADMIN, NW_IT, type Reply, type TestPortal } from './harness.js';

/** `/a/:id` and `/files/*` as OpenAPI paths, named the way the documents name them. */
function fastifyToOpenApi(url: string): string {
  const rest: Record<string, string> = { '/api/v1/packages/*': 'target', '/tuf/*': 'file', '/app-updates/*': 'file' };
  return url.replace(/:([A-Za-z]+)/g, '{$1}').replace(/\*$/, `{${rest[url] ?? 'rest'}}`);
}

const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE customers; --",
  '1; DELETE FROM accounts',
  '" OR 1=1 --',
  "admin'--",
  "x' UNION SELECT password_hash FROM accounts --",
];

const SQL_TARGET_ACCOUNT = 'sql-target@hicare.example';

async function tableCounts(t: TestPortal): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['customers', 'accounts', 'contracts', 'systems', 'tokens', 'downloads', 'articles'] as const) {
    const row = await t.portal.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** A coded 4xx, or a 200 whose list is empty (or, for free-text search, any ordinary list). */
function harmless(reply: Reply, list?: string): void {
  if (reply.status === 200 && list !== undefined) {
    expect(Array.isArray((reply.body as Record<string, unknown>)[list])).toBe(true);
    return;
  }
  expect(reply.status).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  coded(reply);
}

const signInBody = (password: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ email: NW_ADMIN, password, ...extra });

describePortal('bad input', (t) => {
  let token = '';
  beforeAll(async () => {
    token = await t.signIn(NW_IT);
  });

  it.each<[string, string, string | undefined, number]>([
    ['malformed JSON', '{"email": "admin@northwind.example", "password": ', 'application/json', 400],
    ['a JSON array', '[]', 'application/json', 400],
    ['JSON null', 'null', 'application/json', 400],
    ['an empty body', '', 'application/json', 400],
    ['an unknown field', signInBody('x', { role: 'portal-admin' }), 'application/json', 400],
    [
      'a __proto__ key',
      '{"email":"admin@northwind.example","password":"x","__proto__":{"role":"portal-admin"}}',
      'application/json',
      400,
    ],
    [
      'a constructor.prototype key',
      '{"email":"admin@northwind.example","password":"x","constructor":{"prototype":{"role":"portal-admin"}}}',
      'application/json',
      400,
    ],
    ['deeply nested JSON', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, 'application/json', 400],
    ['a number where text belongs', '{"email":"admin@northwind.example","password":12345678}', 'application/json', 400],
    ['an oversize body', signInBody('x'.repeat(MAX_JSON_BODY_BYTES + 10)), 'application/json', 413],
    ['an XML body', '<signIn><email>admin@northwind.example</email></signIn>', 'application/xml', 415],
    ['a form body', 'email=admin%40northwind.example&password=x', 'application/x-www-form-urlencoded', 415],
    ['a plain-text body', signInBody('x'), 'text/plain', 415],
  ])('refuses %s on sign-in with a coded error', async (_, rawBody, type, status) => {
    const reply = await t.request('POST', '/api/v1/sessions', {
      rawBody,
      headers: type === undefined ? {} : { 'content-type': type },
    });
    expect(reply.status).toBe(status);
    expect(coded(reply).code).toBe('INVALID_INPUT');
  });

  it('refuses unknown query fields on every query the API takes', async () => {
    const paths = [
      '/api/v1/systems/NW-ATL-0001/entitlement?installedVersion=1.4.2&sort=asc',
      '/api/v1/knowledge?q=upgrade&limit=1000',
      `${packagePath('atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz')}?serialNumber=NW-ATL-0001&as=admin`,
    ];
    for (const path of paths) {
      const reply = await t.request('GET', path, { token });
      expect(reply.status, path).toBe(400);
      expect(coded(reply).code).toBe('INVALID_INPUT');
    }
  });

  it('keeps SQL-looking text inert in every field, and every table intact', async () => {
    await createAccount(
      t.portal.db,
      { email: SQL_TARGET_ACCOUNT, name: 'Sign-in target', role: 'engineer', password: 'a long and proper password' },
      t.clock.now,
    );
    const before = await tableCounts(t);
    const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
    for (const text of SQL) {
      harmless(
        await t.request('POST', '/api/v1/sessions', {
          body: { email: `${text}@northwind.example`, password: 'whatever it is' },
        }),
      );
      harmless(await t.request('POST', '/api/v1/sessions', { body: { email: text, password: 'whatever it is' } }));
      harmless(await t.request('POST', '/api/v1/sessions', { body: { email: SQL_TARGET_ACCOUNT, password: text } }));
      harmless(await t.request('GET', `/api/v1/systems/${encodeURIComponent(text)}/entitlement`, { token }));
      harmless(
        await t.request('GET', `/api/v1/systems/NW-ATL-0001/entitlement${q({ installedVersion: text })}`, { token }),
      );
      harmless(
        await t.request('GET', `/api/v1/systems/NW-ATL-0001/entitlement${q({ platform: text })}`, { token }),
        'releases',
      );
      harmless(await t.request('GET', `/api/v1/products/${encodeURIComponent(text)}/releases`, { token }), 'releases');
      harmless(await t.request('GET', `/api/v1/knowledge${q({ q: text })}`, { token }), 'articles');
      harmless(await t.request('GET', `/api/v1/knowledge${q({ q: 'upgrade', product: text })}`, { token }));
      harmless(
        await t.request('GET', `/api/v1/knowledge${q({ product: 'cobalt', exitCode: '3', log: text })}`, { token }),
        'articles',
      );
      const pkg = packagePath('atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz');
      harmless(await t.request('GET', `${pkg}${q({ serialNumber: text })}`, { token }));
      harmless(await t.request('GET', `${pkg}${q({ installedVersion: text })}`, { token }));
      harmless(await t.request('GET', `${pkg}${q({ previews: text })}`, { token }));
      harmless(await t.request('GET', `/api/v1/packages/atlas/${encodeURIComponent(text)}`, { token }));
    }
    // A platform no system has is an ordinary, empty answer.
    const platform = await t.request<{ releases: unknown[] }>(
      'GET',
      `/api/v1/systems/NW-ATL-0001/entitlement${q({ platform: SQL[0] ?? '' })}`,
      { token },
    );
    expect(platform.status).toBe(200);
    expect(platform.body.releases).toEqual([]);

    expect(await tableCounts(t)).toEqual(before);
    // The demo still works as before: its customer signs in and sees its contract.
    const contracts = await t.request<{ contracts: { id: string }[] }>('GET', '/api/v1/contracts', {
      token: await t.signIn(NW_ADMIN),
    });
    expect(contracts.body.contracts.map((c) => c.id)).toEqual(['NW-SUP-2026']);
  });

  it.each([
    ['GET', '/api/v1/nothing-here'],
    ['GET', '/admin'],
    ['GET', '/api/v2/me'],
    ['GET', '/portal.sqlite'],
  ])('answers %s %s with a coded 404', async (method, path) => {
    const reply = await t.request(method, path, { token });
    expect(reply.status).toBe(404);
    expect(coded(reply).code).toBe('NOT_FOUND');
  });

  it.each([
    ['POST', '/api/v1/me', 'GET, HEAD'],
    ['DELETE', '/api/v1/contracts', 'GET, HEAD'],
    ['PUT', '/api/v1/requests', 'GET, HEAD, POST'],
  ])('answers %s %s, a known path, with a coded 405 and what it allows', async (method, path, allow) => {
    const reply = await t.request(method, path, { token });
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe(allow);
    expect(coded(reply).code).toBe('METHOD_NOT_ALLOWED');
  });

  it('documents in /openapi.json every route the portal registered, with its methods, and nothing it did not', async () => {
    const reply = await t.request<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/openapi.json',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toMatch(/^3\./);
    // Fastify's own HEAD beside each GET answers like the GET: the GET's entry documents it.
    const registered = registeredRoutes(t.portal.app)
      .filter((r) => !r.impliedHead)
      .flatMap((r) => r.methods.map((m) => `${m} ${fastifyToOpenApi(r.url)}`));
    const documented = Object.entries(reply.body.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(registered.sort());
    for (const expected of [
      'GET /api/v1/packages/{target}',
      'HEAD /tuf/{file}',
      'GET /app-updates/{file}',
      'GET /api/v1/events',
      'GET /api/v1/attachments/{id}',
    ]) {
      expect(documented).toContain(expected);
    }
  });

  it('documents the live events as a server-sent event stream and package bytes as octet streams', async () => {
    const reply = await t.request<{
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    }>('GET', '/openapi.json');
    expect(Object.keys(reply.body.paths['/api/v1/events']?.get?.responses['200']?.content ?? {})).toEqual([
      'text/event-stream',
    ]);
    expect(Object.keys(reply.body.paths['/api/v1/packages/{target}']?.get?.responses['206']?.content ?? {})).toEqual([
      'application/octet-stream',
    ]);
  });
});
