/** Creating accounts on both dialects: round trip, uniqueness, roles, and passwords never stored in clear. */
import { beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../../portal/accounts/create-account.js';
import { findAccountByEmail, getAccount, listAccounts, disableAccount } from '../../../portal/db/accounts.js';
import { createCustomer } from '../../../portal/db/customers.js';
import { at, codeOf, describeOnBothDialects, uniqueEmail } from './harness.js';

const T0 = at('2026-03-01T08:00:00.000Z');
const PASSWORD = 'correct horse battery staple';

describeOnBothDialects('accounts', (t) => {
  let customerId = '';
  beforeAll(async () => {
    customerId = (await createCustomer(t.db, { id: 'customer-for-accounts', name: 'Customer for accounts' })).id;
  });

  it('round trip: created, read by id and by email (any case), listed per customer', async () => {
    const email = uniqueEmail('admin');
    const created = await createAccount(
      t.db,
      { email, name: 'Ada Admin', role: 'customer-admin', customerId, password: PASSWORD },
      T0,
    );
    expect(created).toMatchObject({
      email,
      name: 'Ada Admin',
      role: 'customer-admin',
      customerId,
      createdAt: T0.toISOString(),
      disabledAt: null,
    });
    expect(await getAccount(t.db, created.id)).toEqual(created);
    expect(await findAccountByEmail(t.db, email.toUpperCase())).toEqual(created);
    expect(await listAccounts(t.db, { customerId })).toContainEqual(created);
    expect(created).not.toHaveProperty('passwordHash');
  });

  it('stores the email in lower case', async () => {
    const email = uniqueEmail('MixedCase');
    const created = await createAccount(
      t.db,
      { email, name: 'Mixed', role: 'it-staff', customerId, password: PASSWORD },
      T0,
    );
    expect(created.email).toBe(email.toLowerCase());
  });

  it('refuses a duplicate email, whatever its case, with ALREADY_EXISTS and keeps the first account', async () => {
    const email = uniqueEmail('dup');
    const first = await createAccount(t.db, { email, name: 'First', role: 'engineer', password: PASSWORD }, T0);
    expect(
      await codeOf(() => createAccount(t.db, { email, name: 'Second', role: 'engineer', password: PASSWORD }, T0)),
    ).toBe('ALREADY_EXISTS');
    expect(
      await codeOf(() =>
        createAccount(t.db, { email: email.toUpperCase(), name: 'Third', role: 'engineer', password: PASSWORD }, T0),
      ),
    ).toBe('ALREADY_EXISTS');
    expect(await findAccountByEmail(t.db, email)).toEqual(first);
  });

  it('never stores the password in clear: the row holds an scrypt hash that contains no trace of it', async () => {
    const email = uniqueEmail('secret');
    const password = 'Unforgettable-Pa55word!';
    const created = await createAccount(t.db, { email, name: 'Secretive', role: 'portal-admin', password }, T0);
    const row = await t.db.selectFrom('accounts').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    const everything = JSON.stringify(row);
    for (const form of [
      password,
      password.toLowerCase(),
      Buffer.from(password).toString('base64'),
      Buffer.from(password).toString('base64url'),
      Buffer.from(password).toString('hex'),
    ]) {
      expect(everything).not.toContain(form);
    }
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it('ties customer roles to a customer and vendor roles to none', async () => {
    expect(
      await codeOf(() =>
        createAccount(
          t.db,
          { email: uniqueEmail(), name: 'No customer', role: 'customer-admin', password: PASSWORD },
          T0,
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await codeOf(() =>
        createAccount(
          t.db,
          { email: uniqueEmail(), name: 'Vendor', role: 'engineer', customerId, password: PASSWORD },
          T0,
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await codeOf(() =>
        createAccount(
          t.db,
          { email: uniqueEmail(), name: 'Ghost', role: 'it-staff', customerId: 'no-such-customer', password: PASSWORD },
          T0,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('refuses bad input with INVALID_INPUT / UNKNOWN_ROLE and stores nothing', async () => {
    const email = uniqueEmail('bad');
    expect(
      await codeOf(() => createAccount(t.db, { email, name: 'Short', role: 'engineer', password: 'short' }, T0)),
    ).toBe('INVALID_INPUT');
    expect(
      await codeOf(() =>
        createAccount(t.db, { email: 'not-an-email', name: 'X', role: 'engineer', password: PASSWORD }, T0),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await codeOf(() => createAccount(t.db, { email, name: '  ', role: 'engineer', password: PASSWORD }, T0)),
    ).toBe('INVALID_INPUT');
    const role = 'root' as unknown as 'engineer';
    expect(await codeOf(() => createAccount(t.db, { email, name: 'Root', role, password: PASSWORD }, T0))).toBe(
      'UNKNOWN_ROLE',
    );
    expect(await findAccountByEmail(t.db, email)).toBeUndefined();
  });

  it('disables an account, keeping the first instant it was disabled', async () => {
    const created = await createAccount(
      t.db,
      { email: uniqueEmail('leaver'), name: 'Leaver', role: 'engineer', password: PASSWORD },
      T0,
    );
    await disableAccount(t.db, created.id, at('2026-04-01T00:00:00.000Z'));
    await disableAccount(t.db, created.id, at('2026-05-01T00:00:00.000Z'));
    expect((await getAccount(t.db, created.id))?.disabledAt).toBe('2026-04-01T00:00:00.000Z');
    expect(await codeOf(() => disableAccount(t.db, 'no-such-account', T0))).toBe('NOT_FOUND');
  });
});
