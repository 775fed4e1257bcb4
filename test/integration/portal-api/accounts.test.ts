/**
 * Accounts over HTTP: signing in and out, who a token says you are, and every way a token or password can be wrong —
 * revoked, expired, forged, malformed, or guessed too often.
 */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Account, Session } from '../../../shared/contracts/accounts.js';
import type { SystemEntitlement } from '../../../shared/contracts/entitlement.js';
import { createAccount, createApiKey } from '../../../portal/accounts/index.js';
import { coded, describePortal, ENGINEER, NW_ADMIN, NW_IT, type TestPortal } from './harness.js';

const HOUR = 3_600_000;

async function signInAs(t: TestPortal, email: string, password: string) {
  return t.request<Session>('POST', '/api/v1/sessions', { body: { email, password } });
}

/** Runs `fn` with the portal's clock moved on, and always puts the clock back. */
async function later<T>(t: TestPortal, ms: number, fn: () => Promise<T>): Promise<T> {
  const before = t.clock.now;
  t.clock.now = new Date(before.getTime() + ms);
  try {
    return await fn();
  } finally {
    t.clock.now = before;
  }
}

describePortal('accounts and tokens', (t) => {
  it('signs in with e-mail and password, and the token says who the caller is', async () => {
    const reply = await signInAs(t, NW_ADMIN, t.password(NW_ADMIN));
    expect(reply.status).toBe(200);
    expect(reply.body.token.length).toBeGreaterThanOrEqual(20);
    // A session lasts 12 hours from the moment of sign-in.
    expect(Date.parse(reply.body.expiresAt)).toBe(t.clock.now.getTime() + 12 * HOUR);
    expect(reply.body.account).toMatchObject({ email: NW_ADMIN, role: 'customer-admin', customerId: 'northwind' });

    const me = await t.request<Account>('GET', '/api/v1/me', { token: reply.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(reply.body.account);
    expect(me.headers.get('cache-control')).toBe('no-store');

    const engineer = await t.request<Account>('GET', '/api/v1/me', { token: await t.signIn(ENGINEER) });
    expect(engineer.body).toMatchObject({ email: ENGINEER, role: 'engineer', customerId: null });
  });

  it('signs out: that token is revoked at once, the account’s other sessions keep working', async () => {
    const token = await t.signIn(NW_IT);
    const other = await t.signIn(NW_IT);
    const out = await t.request('DELETE', '/api/v1/sessions/current', { token });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });

    const after = await t.request('GET', '/api/v1/me', { token });
    expect(after.status).toBe(401);
    expect(coded(after).code).toBe('TOKEN_REVOKED');
    expect(coded(after).remedy).toMatch(/sign in/i);
    // Signing out twice is refused the same way, not an error of the portal.
    const again = await t.request('DELETE', '/api/v1/sessions/current', { token });
    expect(again.status).toBe(401);
    expect(coded(again).code).toBe('TOKEN_REVOKED');

    expect((await t.request('GET', '/api/v1/me', { token: other })).status).toBe(200);
  });

  it('refuses a wrong password and an unknown e-mail with the same 401, saying nothing about which was wrong', async () => {
    const wrong = await signInAs(t, NW_ADMIN, 'not-the-password-at-all');
    expect(wrong.status).toBe(401);
    expect(coded(wrong).code).toBe('INVALID_CREDENTIALS');
    const unknown = await signInAs(t, 'nobody@northwind.example', 'not-the-password-at-all');
    expect(unknown.status).toBe(401);
    expect(coded(unknown)).toEqual(coded(wrong));
    // The failure was counted, not fatal: the right password still works.
    expect((await signInAs(t, NW_ADMIN, t.password(NW_ADMIN))).status).toBe(200);
  });

  it('pauses sign-in for an account from one address after 3 failed attempts, briefly, and only for that account', async () => {
    const email = `guessed-${randomBytes(4).toString('hex')}@hicare.example`;
    const password = 'the right password, long enough';
    await createAccount(t.portal.db, { email, name: 'Guessed account', role: 'engineer', password }, t.clock.now);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const reply = await signInAs(t, email, `wrong guess ${attempt}`);
      expect(reply.status, `attempt ${attempt}`).toBe(401);
      expect(coded(reply).code).toBe('INVALID_CREDENTIALS');
    }
    const limited = await signInAs(t, email, password);
    expect(limited.status).toBe(429);
    const body = coded(limited);
    expect(body.code).toBe('RATE_LIMITED');
    expect(body.remedy).toMatch(/try again after/i);
    expect(body.details).toMatchObject({ retryAfterSeconds: 1 });
    expect(limited.headers.get('retry-after')).toBe('1');

    // Another account from the same address is not held back by someone guessing this one.
    expect((await signInAs(t, ENGINEER, t.password(ENGINEER))).status).toBe(200);
    // Once the wait is over, the right password works.
    const afterWait = await later(t, 1000, () => signInAs(t, email, password));
    expect(afterWait.status).toBe(200);
  });

  it('counts failed sign-ins per real address: a forged X-Forwarded-For does not get around the limit', async () => {
    // Two days back, so the attempts stay out of the window the other tests sign in within.
    await later(t, -48 * HOUR, async () => {
      // Each guess claims another address and tries another account: were the header believed, none would wait.
      // The other tests' failures from this address count too, so the pause may come a little before the 21st.
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 21 && !statuses.includes(429); attempt++) {
        const reply = await t.request('POST', '/api/v1/sessions', {
          body: {
            email: `nobody-${attempt}-${randomBytes(3).toString('hex')}@example.com`,
            password: 'a wrong password',
          },
          headers: { 'x-forwarded-for': `203.0.113.${attempt}` },
        });
        statuses.push(reply.status);
      }
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
      // An account never signed in from this address waits, whatever address the header claims.
      const next = await t.request('POST', '/api/v1/sessions', {
        body: { email: `fresh-${randomBytes(3).toString('hex')}@example.com`, password: 'a wrong password' },
        headers: { 'x-forwarded-for': '198.51.100.7' },
      });
      expect(next.status).toBe(429);
      expect(coded(next).code).toBe('RATE_LIMITED');
      expect(coded(next).message).toContain('from your address');
    });
  });

  it('refuses a session token once its 12 hours are over', async () => {
    const token = await t.signIn(NW_ADMIN);
    const expired = await later(t, 13 * HOUR, () => t.request('GET', '/api/v1/me', { token }));
    expect(expired.status).toBe(401);
    expect(coded(expired).code).toBe('TOKEN_EXPIRED');
    expect(coded(expired).remedy).toMatch(/sign in/i);
    // Still good just before the end.
    expect((await later(t, 11 * HOUR, () => t.request('GET', '/api/v1/me', { token }))).status).toBe(200);
  });

  it('refuses forged tokens: a random string, and a real token with one character changed', async () => {
    const real = await t.signIn(NW_ADMIN);
    const last = real.at(-1) ?? 'A';
    const tampered = real.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    const forgeries = [randomBytes(32).toString('base64url'), tampered, `hck_${randomBytes(32).toString('base64url')}`];
    for (const token of forgeries) {
      const reply = await t.request('GET', '/api/v1/me', { token });
      expect(reply.status, token).toBe(401);
      expect(coded(reply).code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(reply.body)).not.toContain(NW_ADMIN);
    }
    // The real one is untouched by the attempts.
    expect((await t.request('GET', '/api/v1/me', { token: real })).status).toBe(200);
  });

  it.each([
    ['no Authorization header', undefined],
    ['another scheme', 'Basic YWRtaW46YWRtaW4='],
    ['a bare "Bearer"', 'Bearer'],
    ['"Bearer" and a space', 'Bearer '],
    ['a token with spaces', 'Bearer abc def ghi'],
    ['a token with characters no token has', 'Bearer abc<script>"\''],
    ['a 600-character token', `Bearer ${'a'.repeat(600)}`],
    ['two tokens', 'Bearer abcdefghijabcdefghij, Bearer abcdefghijabcdefghij'],
  ])('refuses a malformed Authorization header (%s) with 401 UNAUTHENTICATED', async (_, header) => {
    const reply = await t.request(
      'GET',
      '/api/v1/me',
      header === undefined ? {} : { headers: { authorization: header } },
    );
    expect(reply.status).toBe(401);
    expect(coded(reply).code).toBe('UNAUTHENTICATED');
  });

  it('accepts an API key like a session token, for entitlement and packages, until it is out of date', async () => {
    const session = await signInAs(t, NW_IT, t.password(NW_IT));
    const created = await createApiKey(t.portal.db, session.body.account.id, 'offline site mirror', t.clock.now, {
      expiresAt: new Date(t.clock.now.getTime() + 30 * 24 * HOUR),
    });
    expect(created.key.startsWith('hck_')).toBe(true);

    const entitlement = await t.request<SystemEntitlement>('GET', '/api/v1/systems/NW-ATL-0001/entitlement', {
      token: created.key,
    });
    expect(entitlement.status).toBe(200);
    expect(entitlement.body.releases.find((r) => r.target.custom.version === '1.9.0')?.verdict).toMatchObject({
      allowed: true,
      kind: 'update',
    });
    expect((await t.request<Account>('GET', '/api/v1/me', { token: created.key })).body.email).toBe(NW_IT);

    const expired = await later(t, 31 * 24 * HOUR, () => t.request('GET', '/api/v1/me', { token: created.key }));
    expect(expired.status).toBe(401);
    expect(coded(expired).code).toBe('TOKEN_EXPIRED');
    expect(coded(expired).remedy).toMatch(/API key/);
  });
});
