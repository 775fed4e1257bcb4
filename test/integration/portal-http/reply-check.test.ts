/**
 * Answers are held to their declared schema before they leave the portal: a wrong one becomes a coded INTERNAL error
 * for the caller and a log line naming the route and the issues for the operator; fields the contract does not name
 * are never sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { portalApi } from '../../../shared/contracts/portal-api.js';
import type { Account } from '../../../shared/contracts/accounts.js';
import { createPortalApp } from '../../../portal/http/app.js';
import { registerEndpoint, type Authenticate } from '../../../portal/http/endpoints.js';

const engineer: Account = {
  id: 'eng-1',
  email: 'eng@vendor.example',
  name: 'Eve Engineer',
  role: 'engineer',
  customerId: null,
};

const authenticate: Authenticate = async () => ({ account: engineer, tokenId: 't1' });

const logLines: Record<string, unknown>[] = [];
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  const destination = { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) };
  app = createPortalApp({ version: '0.1.0', logger: { level: 'info', destination } });
  // The planted bug: a role the contract does not know, and no e-mail address.
  registerEndpoint(
    app,
    portalApi.me,
    authenticate,
    async () => ({ ...engineer, role: 'wizard', email: undefined }) as unknown as Account,
  );
  // A handler that hands over more than the contract names, as a careless query might.
  registerEndpoint(app, portalApi.signOut, authenticate, async () => ({
    ok: true as const,
    tokenHash: 'secret-bytes',
  }));
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
});

describe('answers checked against their schema', () => {
  it('answers a wrong reply with a coded INTERNAL error that gives away nothing of it', async () => {
    const res = await fetch(`${base}/api/v1/me`, { headers: { authorization: 'Bearer any' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      code: 'INTERNAL',
      message: expect.any(String) as string,
      remedy: expect.any(String) as string,
      key: 'INTERNAL.portalAnswer',
    });
    for (const leak of ['wizard', 'eng-1', 'role', 'email', 'Invalid']) expect(text).not.toContain(leak);
  });

  it('logs the route and each issue for the operator', async () => {
    await fetch(`${base}/api/v1/me`, { headers: { authorization: 'Bearer any' } });
    const line = logLines.find((l) => l['msg'] === 'an answer does not match its declared schema');
    expect(line?.['route']).toBe('GET /api/v1/me');
    const paths = (line?.['issues'] as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['email', 'role']);
  });

  it('sends only the fields the contract names', async () => {
    const res = await fetch(`${base}/api/v1/sessions/current`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer any' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
