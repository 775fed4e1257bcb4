/** Sign-in, sessions and API keys on both dialects: what a token proves, until when, and what it never proves. */
import { randomBytes, scryptSync } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiKey, listApiKeys } from '../../../portal/accounts/api-keys.js';
import { createAccount } from '../../../portal/accounts/create-account.js';
import { tokenHash } from '../../../portal/accounts/secrets.js';
import { authenticate, revokeToken, signIn, SESSION_LIFETIME_MS } from '../../../portal/accounts/sessions.js';
import { disableAccount } from '../../../portal/db/accounts.js';
import { createCustomer } from '../../../portal/db/customers.js';
import type { AccountRecord } from '../../../portal/db/accounts.js';
import { at, codeOf, describeOnBothDialects, failure, uniqueEmail } from './harness.js';

const T0 = at('2026-03-01T08:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
const later = (ms: number): Date => new Date(T0.getTime() + ms);

describeOnBothDialects('sessions and API keys', (t) => {
  let customerId = '';
  beforeAll(async () => {
    customerId = (await createCustomer(t.db, { id: 'customer-for-sessions', name: 'Sessions Inc' })).id;
  });

  async function newAccount(): Promise<AccountRecord> {
    return createAccount(
      t.db,
      { email: uniqueEmail('session'), name: 'Sam Session', role: 'customer-admin', customerId, password: PASSWORD },
      T0,
    );
  }

  it('signs in with email and password and hands out a 12-hour session token whose hash alone is stored', async () => {
    const account = await newAccount();
    const session = await signIn(t.db, account.email, PASSWORD, T0);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt).toBe(later(SESSION_LIFETIME_MS).toISOString());
    expect(session.expiresAt).toBe('2026-03-01T20:00:00.000Z');
    expect(session.account).toEqual({
      id: account.id,
      email: account.email,
      name: account.name,
      role: 'customer-admin',
      customerId,
      // No language: this sign-in did not say which it reads.
      language: null,
    });

    const rows = await t.db.selectFrom('tokens').selectAll().where('account_id', '=', account.id).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(session.token);
    expect(rows[0]?.token_hash).toBe(tokenHash(session.token));
    expect(rows[0]).toMatchObject({
      kind: 'session',
      created_at: T0.toISOString(),
      expires_at: session.expiresAt,
      revoked_at: null,
    });
  });

  it('signs in whatever the case of the email address', async () => {
    const account = await newAccount();
    const session = await signIn(t.db, account.email.toUpperCase(), PASSWORD, T0);
    expect(session.account.id).toBe(account.id);
  });

  it('authenticates the token up to the last millisecond, and from the exact instant of expiry answers TOKEN_EXPIRED', async () => {
    const account = await newAccount();
    const session = await signIn(t.db, account.email, PASSWORD, T0);
    const principal = await authenticate(t.db, session.token, later(1000));
    // A token says who the caller is; the account's language is read where it is needed (/me, mail).
    const { language: _language, ...who } = session.account;
    expect(principal.account).toEqual(who);
    expect(principal.token).toMatchObject({ kind: 'session', expiresAt: session.expiresAt });
    expect((await authenticate(t.db, session.token, later(SESSION_LIFETIME_MS - 1))).account.id).toBe(account.id);
    const expired = await failure(() => authenticate(t.db, session.token, later(SESSION_LIFETIME_MS)));
    expect(expired.code).toBe('TOKEN_EXPIRED');
    expect(expired.remedy).toMatch(/sign in again/i);
  });

  it('records when a token was last used at most once an hour, not on every request', async () => {
    const account = await newAccount();
    const session = await signIn(t.db, account.email, PASSWORD, T0);
    const lastUsed = async (): Promise<string | null> =>
      (
        await t.db
          .selectFrom('tokens')
          .select('last_used_at')
          .where('account_id', '=', account.id)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    await authenticate(t.db, session.token, later(1000));
    expect(await lastUsed()).toBe(later(1000).toISOString());
    await authenticate(t.db, session.token, later(30 * 60_000));
    expect(await lastUsed()).toBe(later(1000).toISOString());
    await authenticate(t.db, session.token, later(1000 + 60 * 60_000 - 1));
    expect(await lastUsed()).toBe(later(1000).toISOString());
    await authenticate(t.db, session.token, later(1000 + 60 * 60_000));
    expect(await lastUsed()).toBe(later(1000 + 60 * 60_000).toISOString());
  });

  it('refuses a revoked token with TOKEN_REVOKED, even before it would expire', async () => {
    const account = await newAccount();
    const session = await signIn(t.db, account.email, PASSWORD, T0);
    const { token } = await authenticate(t.db, session.token, T0);
    await revokeToken(t.db, token.id, later(5000), { accountId: account.id });
    const revoked = await failure(() => authenticate(t.db, session.token, later(6000)));
    expect(revoked.code).toBe('TOKEN_REVOKED');
    expect(revoked.details).toEqual({ revokedAt: later(5000).toISOString() });
    // Revoking again is harmless and keeps the first instant.
    await revokeToken(t.db, token.id, later(9000));
    expect((await failure(() => authenticate(t.db, session.token, later(10_000)))).details).toEqual({
      revokedAt: later(5000).toISOString(),
    });
  });

  it("does not let one account revoke another's token, and reports unknown token ids as NOT_FOUND", async () => {
    const owner = await newAccount();
    const other = await newAccount();
    const session = await signIn(t.db, owner.email, PASSWORD, T0);
    const { token } = await authenticate(t.db, session.token, T0);
    expect(await codeOf(() => revokeToken(t.db, token.id, T0, { accountId: other.id }))).toBe('NOT_FOUND');
    expect((await authenticate(t.db, session.token, T0)).account.id).toBe(owner.id);
    expect(await codeOf(() => revokeToken(t.db, 'no-such-token', T0))).toBe('NOT_FOUND');
  });

  it('answers UNAUTHENTICATED to forged, altered, empty and oversized tokens, and to the stored hash itself', async () => {
    const account = await newAccount();
    const session = await signIn(t.db, account.email, PASSWORD, T0);
    const last = session.token.slice(-1);
    const altered = session.token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    const forged = [
      randomBytes(32).toString('base64url'),
      `hck_${randomBytes(32).toString('base64url')}`,
      altered,
      '',
      'x'.repeat(10_000),
      tokenHash(session.token),
      `' OR 1=1 --`,
    ];
    for (const bearer of forged) {
      const error = await failure(() => authenticate(t.db, bearer, T0));
      expect(error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('gives the same INVALID_CREDENTIALS answer for a wrong password and an unknown email (no account enumeration)', async () => {
    const account = await newAccount();
    const wrongPassword = await failure(() => signIn(t.db, account.email, 'not the password at all', T0));
    const unknownEmail = await failure(() => signIn(t.db, uniqueEmail('nobody'), PASSWORD, T0));
    expect(wrongPassword.code).toBe('INVALID_CREDENTIALS');
    expect(unknownEmail.toBody()).toEqual(wrongPassword.toBody());
  });

  it('stops a disabled account: its tokens no longer work and only the right password learns it is disabled', async () => {
    const account = await newAccount();
    const session = await signIn(t.db, account.email, PASSWORD, T0);
    await disableAccount(t.db, account.id, later(1000));
    expect(await codeOf(() => authenticate(t.db, session.token, later(2000)))).toBe('UNAUTHENTICATED');
    expect(await codeOf(() => signIn(t.db, account.email, 'not the password at all', later(3000)))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(await codeOf(() => signIn(t.db, account.email, PASSWORD, later(4000)))).toBe('FORBIDDEN');
    expect(await codeOf(() => createApiKey(t.db, account.id, 'after disabling', later(5000)))).toBe('FORBIDDEN');
  });

  it('creates API keys: hck_-prefixed, shown once, valid without expiry, listed without the key, revocable', async () => {
    const account = await newAccount();
    const created = await createApiKey(t.db, account.id, 'nightly mirror', T0);
    expect(created.key).toMatch(/^hck_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ label: 'nightly mirror', createdAt: T0.toISOString(), expiresAt: null });

    const tenYearsLater = at('2036-03-01T08:00:00.000Z');
    const principal = await authenticate(t.db, created.key, tenYearsLater);
    expect(principal.account.id).toBe(account.id);
    expect(principal.token).toEqual({ id: created.id, kind: 'api-key', expiresAt: null });

    const listed = await listApiKeys(t.db, account.id);
    expect(listed.map((k) => k.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const row = await t.db.selectFrom('tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.key);

    await revokeToken(t.db, created.id, tenYearsLater, { accountId: account.id });
    expect(await codeOf(() => authenticate(t.db, created.key, tenYearsLater))).toBe('TOKEN_REVOKED');
    expect((await listApiKeys(t.db, account.id))[0]?.revokedAt).toBe(tenYearsLater.toISOString());
  });

  it('expires an API key created with an expiry at exactly that instant, and refuses expiries not in the future', async () => {
    const account = await newAccount();
    const expiresAt = at('2026-06-01T00:00:00.000Z');
    const created = await createApiKey(t.db, account.id, 'quarterly audit', T0, { expiresAt });
    expect(created.expiresAt).toBe(expiresAt.toISOString());
    expect((await authenticate(t.db, created.key, new Date(expiresAt.getTime() - 1))).account.id).toBe(account.id);
    expect(await codeOf(() => authenticate(t.db, created.key, expiresAt))).toBe('TOKEN_EXPIRED');
    expect(await codeOf(() => createApiKey(t.db, account.id, 'already over', T0, { expiresAt: T0 }))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(() => createApiKey(t.db, account.id, '   ', T0))).toBe('INVALID_INPUT');
    expect(await codeOf(() => createApiKey(t.db, 'no-such-account', 'ghost', T0))).toBe('NOT_FOUND');
  });

  it('upgrades a hash made with older, cheaper parameters on the next sign-in, even for a password from an older, laxer policy', async () => {
    const account = await newAccount();
    const salt = randomBytes(16);
    const oldPassword = 'legacy-1';
    const weak = scryptSync(oldPassword, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    await t.db
      .updateTable('accounts')
      .set({ password_hash: `scrypt$16384$8$1$${salt.toString('base64url')}$${weak.toString('base64url')}` })
      .where('id', '=', account.id)
      .execute();
    await signIn(t.db, account.email, oldPassword, T0);
    const row = await t.db
      .selectFrom('accounts')
      .select('password_hash')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect((await signIn(t.db, account.email, oldPassword, T0)).account.id).toBe(account.id);
  });

  it('refuses an invalid clock instead of guessing', async () => {
    const account = await newAccount();
    expect(await codeOf(() => signIn(t.db, account.email, PASSWORD, new Date(Number.NaN)))).toBe('INVALID_INSTANT');
    expect(await codeOf(() => authenticate(t.db, 'whatever', new Date(Number.NaN)))).toBe('INVALID_INSTANT');
  });
});
