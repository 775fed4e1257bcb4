/** The customers repository on both dialects. */
import { expect, it } from 'vitest';
import { createCustomer, getCustomer, listCustomers, renameCustomer } from '../../../portal/db/customers.js';
import { codeOf, describeOnBothDialects } from './harness.js';

describeOnBothDialects('customers', (t) => {
  it('round trip: created, read back, listed and renamed', async () => {
    const created = await createCustomer(t.db, { id: 'acme-gmbh', name: 'ACME GmbH' });
    expect(created).toEqual({ id: 'acme-gmbh', name: 'ACME GmbH' });
    expect(await getCustomer(t.db, 'acme-gmbh')).toEqual(created);
    expect(await listCustomers(t.db)).toContainEqual(created);
    expect(await renameCustomer(t.db, 'acme-gmbh', 'ACME Group')).toEqual({ id: 'acme-gmbh', name: 'ACME Group' });
    expect(await getCustomer(t.db, 'acme-gmbh')).toEqual({ id: 'acme-gmbh', name: 'ACME Group' });
  });

  it('generates an id when none is given', async () => {
    const created = await createCustomer(t.db, { name: 'Generated Ltd' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getCustomer(t.db, created.id)).toEqual(created);
  });

  it('lists in the same order on both dialects (code-unit order of names, then ids)', async () => {
    for (const [id, name] of [
      ['order-b', 'beta'],
      ['order-a', 'Alpha'],
      ['order-c', '_under'],
      ['order-d', 'alpha'],
    ] as const) {
      await createCustomer(t.db, { id, name });
    }
    const names = (await listCustomers(t.db)).filter((c) => c.id.startsWith('order-')).map((c) => c.name);
    expect(names).toEqual(['Alpha', '_under', 'alpha', 'beta']);
  });

  it('refuses a duplicate id, a blank name and an id that is not an id, changing nothing', async () => {
    await createCustomer(t.db, { id: 'dup-customer', name: 'First' });
    expect(await codeOf(() => createCustomer(t.db, { id: 'dup-customer', name: 'Second' }))).toBe('ALREADY_EXISTS');
    expect(await getCustomer(t.db, 'dup-customer')).toEqual({ id: 'dup-customer', name: 'First' });
    expect(await codeOf(() => createCustomer(t.db, { id: 'blank-name', name: '   ' }))).toBe('INVALID_INPUT');
    expect(await codeOf(() => createCustomer(t.db, { id: 'has space', name: 'x' }))).toBe('INVALID_INPUT');
    expect(await codeOf(() => createCustomer(t.db, { id: 'nul-name', name: 'a\u0000b' }))).toBe('INVALID_INPUT');
    expect(await getCustomer(t.db, 'blank-name')).toBeUndefined();
    expect(await getCustomer(t.db, 'nul-name')).toBeUndefined();
  });

  it('reports renaming an unknown customer as NOT_FOUND', async () => {
    expect(await codeOf(() => renameCustomer(t.db, 'nobody-here', 'Name'))).toBe('NOT_FOUND');
  });
});
