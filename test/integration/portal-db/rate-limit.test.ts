/**
 * Sign-in throttling on both dialects, with the clock passed in: per (email, address) three free failures, then waits
 * that double (1 s, 2 s, 4 s … 15 min); wider allowances per email and per address that do not apply where the right
 * password was given before. Each test uses its own emails and addresses, so they do not share counters.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../portal/accounts/create-account.js';
import { delayAfter, LOGIN_LIMITS } from '../../../portal/accounts/rate-limit.js';
import { signIn } from '../../../portal/accounts/sessions.js';
import { createCustomer } from '../../../portal/db/customers.js';
import { at, codeOf, describeOnBothDialects, failure, uniqueEmail } from './harness.js';

const T0 = at('2026-03-01T08:00:00.000Z');
const PASSWORD = 'correct horse battery staple';
const WRONG = 'definitely not it';
const SECOND = 1000;
const MINUTE = 60_000;
const after = (ms: number): Date => new Date(T0.getTime() + ms);
const randomAddress = (): string => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

describe('the delay schedule', () => {
  it('is free within the allowance, then doubles from one second up to fifteen minutes', () => {
    const waits = Array.from({ length: 16 }, (_, failures) => delayAfter(failures, 3, LOGIN_LIMITS) / SECOND);
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  });
});

describeOnBothDialects('sign-in throttling', (t) => {
  let customerId = '';
  beforeAll(async () => {
    customerId = (await createCustomer(t.db, { id: 'customer-for-limits', name: 'Limits Ltd' })).id;
  });

  async function newEmail(): Promise<string> {
    const email = uniqueEmail('limited');
    await createAccount(t.db, { email, name: 'Lim Ited', role: 'it-staff', customerId, password: PASSWORD }, T0);
    return email;
  }

  it('spaces out attempts for one account from one address with growing waits, and the right password works after each wait', async () => {
    const email = await newEmail();
    const from = { remoteAddress: randomAddress() };
    for (let i = 0; i < 3; i += 1)
      expect(await codeOf(() => signIn(t.db, email, WRONG, T0, from))).toBe('INVALID_CREDENTIALS');
    const paused = await failure(() => signIn(t.db, email, WRONG, T0, from));
    expect(paused.code).toBe('RATE_LIMITED');
    expect(paused.details).toEqual({ retryAt: '2026-03-01T08:00:01.000Z', retryAfterSeconds: 1 });
    expect(paused.message).toContain('for this account from your address');
    expect(paused.message).toContain('1 second');
    expect(paused.remedy).toContain('1 Mar 2026, 08:00, UTC');

    // One second later the attempt is judged on the password again; each failure doubles the next wait.
    expect(await codeOf(() => signIn(t.db, email, WRONG, after(SECOND), from))).toBe('INVALID_CREDENTIALS');
    expect((await failure(() => signIn(t.db, email, WRONG, after(SECOND), from))).details).toMatchObject({
      retryAfterSeconds: 2,
    });
    expect(await codeOf(() => signIn(t.db, email, WRONG, after(3 * SECOND), from))).toBe('INVALID_CREDENTIALS');
    expect((await failure(() => signIn(t.db, email, PASSWORD, after(3 * SECOND), from))).details).toMatchObject({
      retryAfterSeconds: 4,
    });
    // While paused even the right password is refused unchecked, so a pause teaches a guesser nothing.
    expect(await codeOf(() => signIn(t.db, email, PASSWORD, after(7 * SECOND - 1), from))).toBe('RATE_LIMITED');
    expect((await signIn(t.db, email, PASSWORD, after(7 * SECOND), from)).account.email).toBe(email);
  });

  it('does not let refused attempts extend a pause, and never pauses longer than fifteen minutes', async () => {
    const email = await newEmail();
    const from = { remoteAddress: randomAddress() };
    let clock = 0;
    // Fail whenever allowed until the wait has reached its cap.
    for (let failures = 0; failures < 14; failures += 1) {
      clock += delayAfter(failures, LOGIN_LIMITS.freePerPair, LOGIN_LIMITS);
      expect(await codeOf(() => signIn(t.db, email, WRONG, after(clock), from))).toBe('INVALID_CREDENTIALS');
    }
    const capped = await failure(() => signIn(t.db, email, WRONG, after(clock), from));
    expect(capped.details).toMatchObject({ retryAfterSeconds: 15 * 60 });
    expect(capped.message).toContain('15 minutes');
    for (let minute = 1; minute < 15; minute += 1) {
      expect(await codeOf(() => signIn(t.db, email, PASSWORD, after(clock + minute * MINUTE), from))).toBe(
        'RATE_LIMITED',
      );
    }
    expect((await signIn(t.db, email, PASSWORD, after(clock + 15 * MINUTE), from)).account.email).toBe(email);
  });

  it('forgets the pair’s failures on a right password: a fresh allowance of three', async () => {
    const email = await newEmail();
    const from = { remoteAddress: randomAddress() };
    for (let i = 0; i < 3; i += 1) await codeOf(() => signIn(t.db, email, WRONG, T0, from));
    await signIn(t.db, email, PASSWORD, after(SECOND), from);
    for (let i = 0; i < 3; i += 1)
      expect(await codeOf(() => signIn(t.db, email, WRONG, after(2 * SECOND), from))).toBe('INVALID_CREDENTIALS');
    expect(await codeOf(() => signIn(t.db, email, PASSWORD, after(2 * SECOND), from))).toBe('RATE_LIMITED');
  });

  it('throttles unknown email addresses exactly like known ones (no account enumeration)', async () => {
    const known = await newEmail();
    const unknown = uniqueEmail('unknown');
    const from = { remoteAddress: randomAddress() };
    for (let i = 0; i < 4; i += 1) {
      const a = await failure(() => signIn(t.db, known, WRONG, T0, from));
      const b = await failure(() => signIn(t.db, unknown, WRONG, T0, from));
      expect(b.toBody()).toEqual(a.toBody());
    }
    expect((await failure(() => signIn(t.db, known, WRONG, T0, from))).code).toBe('RATE_LIMITED');
  });

  it('never locks an account from every address: an attacker elsewhere does not stop the user where they signed in before', async () => {
    const email = await newEmail();
    const home = { remoteAddress: randomAddress() };
    await signIn(t.db, email, PASSWORD, T0, home);
    // Guessing from twelve addresses, within each pair's allowance, uses up the account's wider allowance of ten.
    for (let i = 0; i < 12; i += 1) {
      const from = { remoteAddress: randomAddress() };
      const code = await codeOf(() => signIn(t.db, email, WRONG, after(SECOND), from));
      expect(code, `address ${i + 1}`).toBe(i < LOGIN_LIMITS.freePerEmail ? 'INVALID_CREDENTIALS' : 'RATE_LIMITED');
    }
    // Yet another new address is slowed down, for this account only …
    const stranger = await failure(() =>
      signIn(t.db, email, PASSWORD, after(SECOND), { remoteAddress: randomAddress() }),
    );
    expect(stranger.code).toBe('RATE_LIMITED');
    expect(stranger.message).toContain('for this account;');
    expect(stranger.details).toMatchObject({ retryAfterSeconds: 1 });
    // … while the user's own address is not.
    expect((await signIn(t.db, email, PASSWORD, after(SECOND), home)).account.email).toBe(email);
  });

  it('slows one address trying many accounts (spraying), but not a user of that address who signed in there before', async () => {
    const address = randomAddress();
    const regular = await newEmail();
    await signIn(t.db, regular, PASSWORD, T0, { remoteAddress: address });
    for (let i = 0; i < LOGIN_LIMITS.freePerAddress; i += 1) {
      expect(
        await codeOf(() => signIn(t.db, uniqueEmail('sprayed'), WRONG, after(SECOND), { remoteAddress: address })),
      ).toBe('INVALID_CREDENTIALS');
    }
    const sprayed = await failure(() =>
      signIn(t.db, uniqueEmail('sprayed'), WRONG, after(SECOND), { remoteAddress: address }),
    );
    expect(sprayed.code).toBe('RATE_LIMITED');
    expect(sprayed.message).toContain('from your address');
    expect(sprayed.details).toMatchObject({ retryAfterSeconds: 1 });
    // A new account from the same address waits too; the regular user of that address does not, nor does anyone elsewhere.
    const fresh = await newEmail();
    expect(await codeOf(() => signIn(t.db, fresh, PASSWORD, after(SECOND), { remoteAddress: address }))).toBe(
      'RATE_LIMITED',
    );
    expect((await signIn(t.db, regular, PASSWORD, after(SECOND), { remoteAddress: address })).account.email).toBe(
      regular,
    );
    expect((await signIn(t.db, fresh, PASSWORD, after(SECOND), { remoteAddress: randomAddress() })).account.email).toBe(
      fresh,
    );
    // The address's next spray attempt is allowed a second later, and the one after that waits two.
    expect(
      await codeOf(() => signIn(t.db, uniqueEmail('sprayed'), WRONG, after(2 * SECOND), { remoteAddress: address })),
    ).toBe('INVALID_CREDENTIALS');
    expect(
      (await failure(() => signIn(t.db, uniqueEmail('sprayed'), WRONG, after(2 * SECOND), { remoteAddress: address })))
        .details,
    ).toMatchObject({ retryAfterSeconds: 2 });
  });

  it('counts attempts before the password is checked: of a burst of parallel guesses, at most three are judged', async () => {
    const email = await newEmail();
    const from = { remoteAddress: randomAddress() };
    const codes = await Promise.all(
      Array.from({ length: 8 }, () => codeOf(() => signIn(t.db, email, WRONG, T0, from))),
    );
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(3);
    expect(codes.filter((c) => c !== 'INVALID_CREDENTIALS').every((c) => c === 'RATE_LIMITED')).toBe(true);
  });

  it('treats an IPv4 address and its IPv6-mapped form as one client', async () => {
    const email = await newEmail();
    for (const remoteAddress of ['198.51.100.7', '::ffff:198.51.100.7', '::FFFF:198.51.100.7']) {
      expect(await codeOf(() => signIn(t.db, email, WRONG, T0, { remoteAddress }))).toBe('INVALID_CREDENTIALS');
    }
    expect(await codeOf(() => signIn(t.db, email, PASSWORD, T0, { remoteAddress: '::ffff:198.51.100.7' }))).toBe(
      'RATE_LIMITED',
    );
    expect((await signIn(t.db, email, PASSWORD, T0, { remoteAddress: '198.51.100.8' })).account.email).toBe(email);
  });
});
