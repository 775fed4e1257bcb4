/**
 * Remote-access grants: a strong generated password, stored encrypted, readable only by the engineer assigned to the
 * request while the grant lasts, every read audited; revocation and expiry end it for everybody.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Grant, ServiceRequest, ServiceRequestDetail } from '../../../shared/contracts/requests.js';
import { listGrantReads } from '../../../portal/db/grants.js';
import { CG_ADMIN, coded, describePortal, ENGINEER, NW_ADMIN, NW_IT, SEED_TIME } from '../portal-api/harness.js';
import { act, ENGINEER_2, expectOk, openRequest, requestBody, Sessions } from './support.js';

type CreatedGrant = Grant & { password: string };

describePortal('remote-access grants', (t) => {
  const s = new Sessions(t);
  afterEach(() => {
    t.clock.now = new Date(SEED_TIME);
  });

  /** A P2 request accepted by (and so assigned to) the demo engineer. */
  async function assignedRequest(): Promise<ServiceRequest> {
    const created = await openRequest(
      t,
      await s.token(NW_ADMIN),
      requestBody({ faultDescription: 'The engineer needs to look at the server.' }),
    );
    return expectOk(act(t, await s.token(ENGINEER), created.id, 'accept'));
  }

  async function grant(requestId: string, extra: Record<string, unknown> = {}): Promise<CreatedGrant> {
    const body = { channel: 'ssh', address: 'nw-jump.example:22', account: 'hicare-tac', scope: 'diagnose', ...extra };
    return expectOk(
      t.request<CreatedGrant>('POST', `/api/v1/requests/${requestId}/grants`, { token: await s.token(NW_ADMIN), body }),
    );
  }

  const readPassword = async (email: string, grantId: string) =>
    t.request<{ password: string }>('GET', `/api/v1/grants/${grantId}/password`, { token: await s.token(email) });

  it('generates a strong password, lets the assigned engineer read it, and audits the read', async () => {
    const r = await assignedRequest();
    const g = await grant(r.id);
    expect(g.password.length).toBeGreaterThanOrEqual(20);
    expect(g).toMatchObject({
      channel: 'ssh',
      scope: 'diagnose',
      state: 'active',
      revokedAt: null,
      expiresAt: new Date(SEED_TIME.getTime() + 24 * 3600_000).toISOString(),
    });
    expect((await grant(r.id)).password).not.toBe(g.password);

    const read = await readPassword(ENGINEER, g.id);
    expect(read.status).toBe(200);
    expect(read.body.password).toBe(g.password);
    expect(read.headers.get('cache-control')).toBe('no-store');
    const audit = await listGrantReads(t.portal.db, g.id);
    expect(audit).toEqual([
      {
        id: expect.any(String),
        grantId: g.id,
        accountId: await s.accountId(ENGINEER),
        at: SEED_TIME.toISOString(),
        outcome: 'read',
      },
    ]);
    // Reading the password to get onto the customer's system is the engineer's first contact.
    const detail = await expectOk(
      t.request<ServiceRequestDetail>('GET', `/api/v1/requests/${r.id}`, { token: await s.token(NW_ADMIN) }),
    );
    expect(detail.firstContactAt).toBe(SEED_TIME.toISOString());
    // Listed with the request, never with the password.
    expect(detail.grants.map((x) => x.id)).toContain(g.id);
    expect(JSON.stringify(detail)).not.toContain(g.password);
  });

  it('refuses the password to an engineer not assigned to the request (403), to customers and IT staff, and audits the attempt', async () => {
    const r = await assignedRequest();
    const g = await grant(r.id, { password: 'customer-chosen-secret-1' });
    const other = await readPassword(ENGINEER_2, g.id);
    expect(other.status).toBe(403);
    expect(coded(other).code).toBe('FORBIDDEN');
    for (const email of [NW_ADMIN, NW_IT, CG_ADMIN]) {
      const reply = await readPassword(email, g.id);
      expect(reply.status, email).toBe(403);
      expect(reply.bytes.toString('utf8')).not.toContain('customer-chosen-secret-1');
    }
    expect((await listGrantReads(t.portal.db, g.id)).map((a) => a.outcome)).toEqual(['not-assigned']);
    expect((await readPassword(ENGINEER, g.id)).body.password).toBe('customer-chosen-secret-1');
  });

  it('keeps only ciphertext in the database, under a 0600 key file in the data directory', async () => {
    const r = await assignedRequest();
    const g = await grant(r.id);
    const row = await t.portal.db
      .selectFrom('grants')
      .select('password_cipher')
      .where('id', '=', g.id)
      .executeTakeFirstOrThrow();
    expect(row.password_cipher).not.toContain(g.password);
    expect(row.password_cipher).not.toContain(Buffer.from(g.password).toString('base64'));
    expect(row.password_cipher).toMatch(/^v1:/);
    const key = await stat(join(t.portal.layout.dataDirectory, 'keys', 'grant-secrets.key'));
    expect(key.mode & 0o777).toBe(0o600);
  });

  it('ends a revoked grant at once: nobody can read its password (410), and it lists as revoked', async () => {
    const r = await assignedRequest();
    const g = await grant(r.id);
    const revoked = await expectOk(
      t.request<Grant>('POST', `/api/v1/grants/${g.id}/revoke`, { token: await s.token(NW_ADMIN) }),
    );
    expect(revoked).toMatchObject({ id: g.id, state: 'revoked', revokedAt: SEED_TIME.toISOString() });
    for (const email of [ENGINEER, ENGINEER_2]) {
      const reply = await readPassword(email, g.id);
      expect(reply.status, email).toBe(410);
      expect(coded(reply).code).toBe('GRANT_REVOKED');
    }
    // Revoking again changes nothing.
    expect(
      await expectOk(t.request<Grant>('POST', `/api/v1/grants/${g.id}/revoke`, { token: await s.token(NW_ADMIN) })),
    ).toEqual(revoked);
    expect((await listGrantReads(t.portal.db, g.id)).map((a) => a.outcome)).toEqual(['revoked', 'revoked']);
  });

  it('ends a grant by itself when its time is up: nobody can read the password after expiry (410)', async () => {
    const r = await assignedRequest();
    const g = await grant(r.id, { expiresInHours: 1 });
    t.clock.now = new Date(SEED_TIME.getTime() + 59 * 60_000);
    expect((await readPassword(ENGINEER, g.id)).status).toBe(200);
    t.clock.now = new Date(SEED_TIME.getTime() + 60 * 60_000);
    for (const email of [ENGINEER, ENGINEER_2]) {
      const reply = await readPassword(email, g.id);
      expect(reply.status, email).toBe(410);
      expect(coded(reply).code).toBe('GRANT_EXPIRED');
    }
    expect(
      (await expectOk(t.request<Grant>('GET', `/api/v1/grants/${g.id}`, { token: await s.token(ENGINEER) }))).state,
    ).toBe('expired');
  });

  it('refuses grants longer than 72 hours and on requests that have ended', async () => {
    const r = await assignedRequest();
    const long = await t.request('POST', `/api/v1/requests/${r.id}/grants`, {
      token: await s.token(NW_ADMIN),
      body: { channel: 'rdp', address: 'nw-rdp.example', account: 'tac', scope: 'repair', expiresInHours: 73 },
    });
    expect(long.status).toBe(400);
    expect(coded(long).code).toBe('INVALID_INPUT');
    const g = await grant(r.id);
    await expectOk(act(t, await s.token(NW_ADMIN), r.id, 'cancel'));
    // Ending the request revoked its grants.
    expect((await readPassword(ENGINEER, g.id)).status).toBe(410);
    const late = await t.request('POST', `/api/v1/requests/${r.id}/grants`, {
      token: await s.token(NW_ADMIN),
      body: { channel: 'ssh', address: 'x.example', account: 'tac', scope: 'view' },
    });
    expect(late.status).toBe(409);
  });
});
