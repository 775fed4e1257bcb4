/**
 * Text that looks like SQL is data: stored and read back verbatim in every free-text field, on both dialects, and the
 * tables it names are still there afterwards. Fields with a fixed format (ids, serial numbers, product ids) refuse it
 * with a coded error instead, and looking them up by it finds nothing rather than everything.
 */
import { expect, it } from 'vitest';
import type { Contract } from '../../../shared/domain/contract.js';
import { createApiKey, listApiKeys } from '../../../portal/accounts/api-keys.js';
import { createAccount } from '../../../portal/accounts/create-account.js';
import { signIn } from '../../../portal/accounts/sessions.js';
import { findAccountByEmail, getAccount } from '../../../portal/db/accounts.js';
import { contractsCoveringSystem, createContract, getContract } from '../../../portal/db/contracts.js';
import { createCustomer, getCustomer, listCustomers, renameCustomer } from '../../../portal/db/customers.js';
import { listDownloads, recordDownload } from '../../../portal/db/downloads.js';
import { SQL_LOOKING, at, codeOf, describeOnBothDialects } from './harness.js';

const T0 = at('2026-03-01T08:00:00.000Z');

describeOnBothDialects('SQL-looking text', (t) => {
  it('is kept verbatim in customer names, and refused as a customer id', async () => {
    for (const [i, text] of SQL_LOOKING.entries()) {
      const created = await createCustomer(t.db, { id: `sql-customer-${i}`, name: text });
      expect(await getCustomer(t.db, created.id)).toEqual({ id: `sql-customer-${i}`, name: text });
      await renameCustomer(t.db, created.id, `${text} (renamed)`);
      expect((await getCustomer(t.db, created.id))?.name).toBe(`${text} (renamed)`);
      expect(await codeOf(() => createCustomer(t.db, { id: text, name: 'x' }))).toBe('INVALID_INPUT');
      expect(await getCustomer(t.db, text)).toBeUndefined();
    }
    expect((await listCustomers(t.db)).map((c) => c.name)).toEqual(
      expect.arrayContaining(SQL_LOOKING.map((s) => `${s} (renamed)`)),
    );
  });

  it('is kept verbatim in account names, passwords, email local parts and API key labels', async () => {
    await createCustomer(t.db, { id: 'sql-accounts', name: 'x' });
    for (const [i, text] of SQL_LOOKING.entries()) {
      // The address syntax admits quotes and dashes in the local part, which is where an injection would go.
      const email = `o'brien--${i}-or-1@example.com`;
      const password = `${text} and then some`;
      const account = await createAccount(
        t.db,
        { email, name: text, role: 'customer-admin', customerId: 'sql-accounts', password },
        T0,
      );
      expect(await getAccount(t.db, account.id)).toMatchObject({ email, name: text });
      expect((await findAccountByEmail(t.db, email))?.id).toBe(account.id);
      expect((await signIn(t.db, email, password, T0)).account).toMatchObject({ email, name: text });
      const key = await createApiKey(t.db, account.id, text, T0);
      expect((await listApiKeys(t.db, account.id)).map((k) => k.label)).toEqual([text]);
      expect(key.label).toBe(text);
    }
    expect(await findAccountByEmail(t.db, `' OR 1=1 --`)).toBeUndefined();
    expect(await codeOf(() => signIn(t.db, `' OR '1'='1`, 'anything at all', T0))).toBe('INVALID_INPUT');
  });

  it('is kept verbatim in contract regions, system locations, response-time regions and download target names', async () => {
    await createCustomer(t.db, { id: 'sql-contracts', name: 'x' });
    for (const [i, text] of SQL_LOOKING.entries()) {
      const contract: Contract = {
        id: `sql-contract-${i}`,
        customerId: 'sql-contracts',
        tier: 'support',
        region: text,
        timeZone: 'Asia/Shanghai',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        systems: [{ serialNumber: `SQL-${i}`, product: 'hicare-server', location: text }],
        licensedMajors: { 'hicare-server': 3 },
        responseTimes: { [text]: { P2: { kind: 'minutes', minutes: 45 } } },
      };
      await createContract(t.db, contract);
      expect(await getContract(t.db, contract.id)).toEqual(contract);
      expect(await contractsCoveringSystem(t.db, `SQL-${i}`)).toEqual([contract]);
      expect(await getContract(t.db, text)).toBeUndefined();
      expect(await contractsCoveringSystem(t.db, text)).toEqual([]);
    }
    const [account] = await t.db.selectFrom('accounts').select('id').limit(1).execute();
    for (const text of SQL_LOOKING) {
      const record = await recordDownload(
        t.db,
        {
          accountId: account!.id,
          serialNumber: 'SQL-0',
          product: 'hicare-server',
          version: text,
          targetName: text,
          bytes: 1,
        },
        T0,
      );
      expect((await listDownloads(t.db, { serialNumber: 'SQL-0' })).find((d) => d.id === record.id)).toMatchObject({
        version: text,
        targetName: text,
      });
    }
  });

  it('left every table in place', async () => {
    for (const table of ['accounts', 'customers', 'contracts', 'systems', 'tokens', 'downloads'] as const) {
      const rows = await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .execute();
      expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    }
  });
});
