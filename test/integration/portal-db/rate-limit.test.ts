/**
 * Sign-in rate limiting on both dialects: 5 failures per email and 20 per remote address in a sliding 15-minute window.
 * Each test uses its own emails and addresses, so they do not share counters.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../../portal/accounts/create-account.js';
import { LOGIN_LIMITS } from '../../../portal/accounts/rate-limit.js';
import { signIn } from '../../../portal/accounts/sessions.js';
import { createCustomer } from '../../../portal/db/customers.js';
import { at, codeOf, describeOnBothDialects, failure, uniqueEmail } from './harness.js';

const T0 = at('2026-03-01T08:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
const WRONG = 'definitely not it';
const MINUTE = 60_000;
const after = (ms: number): Date => new Date(T0.getTime() + ms);
const randomAddress = (): string => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

describeOnBothDialects('sign-in rate limiting', (t) => {
  let customerId = '';
  beforeAll(async () => {
    customerId = (await createCustomer(t.db, { id: 'customer-for-limits', name: 'Limits Ltd' })).id;
  });

  async function newEmail(): Promise<string> {
    const email = uniqueEmail('limited');
    await createAccount(t.db, { email, name: 'Lim Ited', role: 'it-staff', customerId, password: PASSWORD }, T0);
    return email;
  }

  it('refuses the 6th attempt within 15 minutes — the right password too — until the first failure leaves the window', async () => {
    const email = await newEmail();
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i += 1) {
      expect(await codeOf(() => signIn(t.db, email, WRONG, after(i * MINUTE)))).toBe('INVALID_CREDENTIALS');
    }
    const sixth = await failure(() => signIn(t.db, email, WRONG, after(5 * MINUTE)));
    expect(sixth.code).toBe('RATE_LIMITED');
    // The first failure was at T0, so the window has room again at T0 + 15 min, and the remedy says so.
    expect(sixth.details).toEqual({ retryAt: '2026-03-01T08:15:00.000Z', retryAfterSeconds: 600 });
    expect(sixth.remedy).toContain('2026-03-01T08:15:00.000Z');
    expect(sixth.remedy).toContain('in 10 minutes');

    expect(await codeOf(() => signIn(t.db, email, PASSWORD, after(6 * MINUTE)))).toBe('RATE_LIMITED');
    expect(await codeOf(() => signIn(t.db, email, PASSWORD, after(15 * MINUTE - 1)))).toBe('RATE_LIMITED');
    const session = await signIn(t.db, email, PASSWORD, after(15 * MINUTE));
    expect(session.account.email).toBe(email);
  });

  it('does not let refused attempts extend the pause', async () => {
    const email = await newEmail();
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i += 1) await codeOf(() => signIn(t.db, email, WRONG, T0));
    for (let minute = 1; minute < 15; minute += 1) {
      expect(await codeOf(() => signIn(t.db, email, WRONG, after(minute * MINUTE)))).toBe('RATE_LIMITED');
    }
    expect((await signIn(t.db, email, PASSWORD, after(15 * MINUTE))).account.email).toBe(email);
  });

  it('clears the email’s failures on a successful sign-in', async () => {
    const email = await newEmail();
    for (let i = 0; i < LOGIN_LIMITS.perEmail - 1; i += 1) await codeOf(() => signIn(t.db, email, WRONG, after(i * 1000)));
    await signIn(t.db, email, PASSWORD, after(10_000));
    // A fresh allowance of five: all of these are judged on the password, none is refused.
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i += 1) {
      expect(await codeOf(() => signIn(t.db, email, WRONG, after(20_000 + i * 1000)))).toBe('INVALID_CREDENTIALS');
    }
    expect(await codeOf(() => signIn(t.db, email, PASSWORD, after(30_000)))).toBe('RATE_LIMITED');
  });

  it('limits unknown email addresses exactly like known ones (no account enumeration)', async () => {
    const known = await newEmail();
    const unknown = uniqueEmail('unknown');
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i += 1) {
      const a = await failure(() => signIn(t.db, known, WRONG, T0));
      const b = await failure(() => signIn(t.db, unknown, WRONG, T0));
      expect(b.toBody()).toEqual(a.toBody());
    }
    const a = await failure(() => signIn(t.db, known, WRONG, after(MINUTE)));
    const b = await failure(() => signIn(t.db, unknown, WRONG, after(MINUTE)));
    expect(a.code).toBe('RATE_LIMITED');
    expect(b.toBody()).toEqual(a.toBody());
  });

  it('refuses the 21st failure from one remote address across many accounts, but not other addresses', async () => {
    const address = randomAddress();
    const emails = [await newEmail(), await newEmail(), await newEmail(), await newEmail()];
    let attempts = 0;
    for (const email of emails) {
      for (let i = 0; i < LOGIN_LIMITS.perEmail; i += 1) {
        expect(await codeOf(() => signIn(t.db, email, WRONG, after(attempts * 1000), { remoteAddress: address }))).toBe('INVALID_CREDENTIALS');
        attempts += 1;
      }
    }
    expect(attempts).toBe(LOGIN_LIMITS.perAddress);
    const fresh = await newEmail();
    const refused = await failure(() => signIn(t.db, fresh, PASSWORD, after(30_000), { remoteAddress: address }));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.message).toMatch(/network address/);
    expect(refused.details).toMatchObject({ retryAt: '2026-03-01T08:15:00.000Z' });
    // The same account from elsewhere is fine; the address recovers when its window passes.
    expect((await signIn(t.db, fresh, PASSWORD, after(31_000), { remoteAddress: randomAddress() })).account.email).toBe(fresh);
    expect((await signIn(t.db, fresh, PASSWORD, after(15 * MINUTE), { remoteAddress: address })).account.email).toBe(fresh);
  });

  it('treats an IPv4 address and its IPv6-mapped form as one client', async () => {
    // A smaller per-address limit keeps this test quick; the 20-per-address default is exercised above.
    const limits = { ...LOGIN_LIMITS, perAddress: 4 };
    const email = await newEmail();
    for (const remoteAddress of ['198.51.100.7', '::ffff:198.51.100.7', '198.51.100.7', '::FFFF:198.51.100.7']) {
      expect(await codeOf(() => signIn(t.db, email, WRONG, T0, { remoteAddress, limits }))).toBe('INVALID_CREDENTIALS');
    }
    const fresh = await newEmail();
    expect(await codeOf(() => signIn(t.db, fresh, PASSWORD, after(MINUTE), { remoteAddress: '198.51.100.7', limits }))).toBe('RATE_LIMITED');
    expect(await codeOf(() => signIn(t.db, fresh, PASSWORD, after(MINUTE), { remoteAddress: '::ffff:198.51.100.7', limits }))).toBe('RATE_LIMITED');
    expect((await signIn(t.db, fresh, PASSWORD, after(MINUTE), { remoteAddress: '198.51.100.8', limits })).account.email).toBe(fresh);
  });
});
