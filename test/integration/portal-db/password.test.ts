/** scrypt password hashes: format, salting, verification and what a tampered hash may not do. No database involved. */
import { describe, expect, it } from 'vitest';
import { SCRYPT_COST, hashPassword, needsRehash, verifyPassword } from '../../../portal/accounts/password.js';
import { codeOf } from './harness.js';

const PASSWORD = 'correct horse battery staple';

describe('password hashing', () => {
  it('writes scrypt$N$r$p$salt$hash with the current cost and verifies only the right password', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(
      new RegExp(
        `^scrypt\\$${SCRYPT_COST.N}\\$${SCRYPT_COST.r}\\$${SCRYPT_COST.p}\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`,
      ),
    );
    expect(stored).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts every hash: the same password never hashes the same way twice', async () => {
    const [a, b] = [await hashPassword(PASSWORD), await hashPassword(PASSWORD)];
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('accepts the same password typed in another Unicode normal form', async () => {
    const composed = 'Ma\u00f1ana-es-otro-d\u00eda';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it('rejects garbage and tampered hashes without throwing, and flags old parameters for re-hashing', async () => {
    const stored = await hashPassword(PASSWORD);
    const [, , r, p, salt, hash] = stored.split('$');
    expect(await verifyPassword(PASSWORD, 'plain-text-password')).toBe(false);
    expect(await verifyPassword(PASSWORD, '')).toBe(false);
    expect(await verifyPassword(PASSWORD, `scrypt$1000$${r}$${p}$${salt}$${hash}`)).toBe(false);
    // 2^24 × 8 × 128 bytes would be 16 GiB: refused before scrypt is even called.
    expect(await verifyPassword(PASSWORD, `scrypt$${2 ** 24}$${r}$${p}$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword(PASSWORD, `bcrypt$${SCRYPT_COST.N}$${r}$${p}$${salt}$${hash}`)).toBe(false);
    expect(needsRehash(`scrypt$16384$8$1$${salt}$${hash}`)).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('enforces the length policy with a coded error', async () => {
    expect(await codeOf(() => hashPassword('too short'))).toBe('INVALID_INPUT');
    expect(await codeOf(() => hashPassword('x'.repeat(257)))).toBe('INVALID_INPUT');
  });
});
