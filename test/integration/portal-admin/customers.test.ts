/**
 * The back office's customers, accounts and covered systems over HTTP, on SQLite and PostgreSQL: what a portal
 * administrator can do, what is refused (with a coded error and nothing changed), that every change is audited, and
 * that a disabled account's session and a retired system stop working at once.
 */
import { expect, it } from 'vitest';
import type {
  AccountWithPassword,
  AdminAccount,
  AdminSystem,
  CustomerSummary,
  SystemRecord,
} from '../../../shared/contracts/admin/customers.js';
import type { AuditEntry } from '../../../shared/contracts/admin/audit.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import {
  coded,
  describePortal,
  ENGINEER,
  NW_ADMIN,
  PORTAL_ADMIN,
  type Reply,
  type TestPortal,
} from '../portal-api/harness.js';

let unique = 0;
const next = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(unique += 1)}`;

function refused(reply: Reply, status: number, code: string): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  const body = coded(reply);
  expect(body.code).toBe(code);
  expect(body.message.trim()).not.toBe('');
  expect(body.remedy.trim()).not.toBe('');
  expect(body.message + body.remedy).not.toMatch(/portal-admin|customer-admin|it-staff|zod|Error:/);
}

/** Moves the portal's clock on a second, so the changes that follow are audited in a known order. */
function tick(t: TestPortal): void {
  t.clock.now = new Date(t.clock.now.getTime() + 1000);
}

async function auditOf(t: TestPortal, token: string, subject: string, subjectId: string): Promise<AuditEntry[]> {
  const reply = await t.request<Page<AuditEntry>>(
    'GET',
    `/api/v1/admin/audit?subject=${subject}&subjectId=${encodeURIComponent(subjectId)}&limit=200`,
    { token },
  );
  expect(reply.status).toBe(200);
  return reply.body.items;
}

async function countRows(t: TestPortal, table: 'accounts' | 'customers' | 'admin_audit'): Promise<number> {
  const row = await t.portal.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function signInWith(t: TestPortal, email: string, password: string): Promise<Reply<{ token: string }>> {
  return t.request<{ token: string }>('POST', '/api/v1/sessions', { body: { email, password } });
}

describePortal('the back office: customers, accounts and systems', (t) => {
  it('refuses customer admins and engineers on every route of the area, changing nothing', async () => {
    const before = await countRows(t, 'customers');
    for (const email of [NW_ADMIN, ENGINEER]) {
      const token = await t.signIn(email);
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/v1/admin/customers'],
        ['POST', '/api/v1/admin/customers', { name: 'Sneaky Ltd' }],
        ['GET', '/api/v1/admin/accounts'],
        ['POST', '/api/v1/admin/accounts/x/disable'],
        ['GET', '/api/v1/admin/systems'],
        ['POST', '/api/v1/admin/systems/NW-ATL-0001/retire', {}],
      ];
      for (const [method, path, body] of calls) {
        const reply = await t.request(method, path, body === undefined ? { token } : { token, body });
        refused(reply, 403, 'FORBIDDEN');
      }
    }
    expect(await countRows(t, 'customers')).toBe(before);
  });

  it('creates, finds, shows and renames a customer, counting what it holds, and audits each change', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const id = next('acme');
    const created = await t.request<CustomerSummary>('POST', '/api/v1/admin/customers', {
      token,
      body: { id, name: 'Acme Rail' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id, name: 'Acme Rail', contracts: 0, accounts: 0, systems: 0 });

    const found = await t.request<Page<CustomerSummary>>('GET', `/api/v1/admin/customers?q=${id.toUpperCase()}`, {
      token,
    });
    expect(found.body.items.map((c) => c.id)).toEqual([id]);

    const northwind = await t.request<CustomerSummary>('GET', '/api/v1/admin/customers/northwind', { token });
    expect(northwind.body).toMatchObject({ id: 'northwind', contracts: 1, systems: 3 });
    expect(northwind.body.accounts).toBeGreaterThanOrEqual(2);

    tick(t);
    const renamed = await t.request<CustomerSummary>('PATCH', `/api/v1/admin/customers/${id}`, {
      token,
      body: { name: 'Acme Rail Ltd' },
    });
    expect(renamed.body.name).toBe('Acme Rail Ltd');
    const trail = await auditOf(t, token, 'customer', id);
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['customer.update', PORTAL_ADMIN],
      ['customer.create', PORTAL_ADMIN],
    ]);

    const paged = await t.request<Page<CustomerSummary>>('GET', '/api/v1/admin/customers?limit=1&offset=1', { token });
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThanOrEqual(3);

    refused(await t.request('GET', '/api/v1/admin/customers/no-such-one', { token }), 404, 'NOT_FOUND');
    refused(
      await t.request('PATCH', `/api/v1/admin/customers/${id}`, { token, body: { name: '   ' } }),
      400,
      'INVALID_INPUT',
    );
    expect((await t.request<CustomerSummary>('GET', `/api/v1/admin/customers/${id}`, { token })).body.name).toBe(
      'Acme Rail Ltd',
    );
  });

  it('creates an account with a generated password shown once, never audited, and lists it by filter', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const email = `${next('it')}@northwind.example`;
    const created = await t.request<AccountWithPassword>('POST', '/api/v1/admin/accounts', {
      token,
      body: { email, name: 'Northwind IT 2', role: 'it-staff', customerId: 'northwind' },
    });
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({ email, role: 'it-staff', customerId: 'northwind', disabledAt: null });
    expect(created.body.account.customerName).toBe('Northwind Utilities');
    const password = created.body.password ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await signInWith(t, email, password)).status).toBe(200);

    const trail = await auditOf(t, token, 'account', created.body.account.id);
    expect(trail.map((e) => e.action)).toEqual(['account.create']);
    expect(JSON.stringify(trail)).not.toContain(password);

    const listed = await t.request<Page<AdminAccount>>(
      'GET',
      `/api/v1/admin/accounts?customerId=northwind&role=it-staff&q=${encodeURIComponent(email)}`,
      { token },
    );
    expect(listed.body.items.map((a) => a.email)).toEqual([email]);
    const engineers = await t.request<Page<AdminAccount>>('GET', '/api/v1/admin/accounts?role=engineer', { token });
    expect(engineers.body.items.every((a) => a.role === 'engineer' && a.customerId === null)).toBe(true);

    const promoted = await t.request<AdminAccount>('PATCH', `/api/v1/admin/accounts/${created.body.account.id}`, {
      token,
      body: { role: 'customer-admin', name: 'Northwind Admin 2' },
    });
    expect(promoted.body).toMatchObject({ role: 'customer-admin', name: 'Northwind Admin 2', customerId: 'northwind' });
  });

  it('refuses an e-mail address already taken, creating nothing', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const before = await countRows(t, 'accounts');
    const audited = await countRows(t, 'admin_audit');
    const reply = await t.request('POST', '/api/v1/admin/accounts', {
      token,
      body: { email: NW_ADMIN.toUpperCase(), name: 'Twin', role: 'customer-admin', customerId: 'northwind' },
    });
    refused(reply, 409, 'ALREADY_EXISTS');
    expect(coded(reply).message).toContain(NW_ADMIN);
    expect(await countRows(t, 'accounts')).toBe(before);
    expect(await countRows(t, 'admin_audit')).toBe(audited);
  });

  it('refuses an engineer with a customer and IT staff without one, creating and changing nothing', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const before = await countRows(t, 'accounts');
    const engineer = await t.request('POST', '/api/v1/admin/accounts', {
      token,
      body: { email: `${next('eng')}@hicare.example`, name: 'Eng', role: 'engineer', customerId: 'northwind' },
    });
    refused(engineer, 400, 'INVALID_INPUT');
    expect(coded(engineer).key).toBe('INVALID_INPUT.accountIsVendors');
    const staff = await t.request('POST', '/api/v1/admin/accounts', {
      token,
      body: { email: `${next('it')}@northwind.example`, name: 'IT', role: 'it-staff' },
    });
    refused(staff, 400, 'INVALID_INPUT');
    expect(coded(staff).key).toBe('INVALID_INPUT.accountNeedsCustomer');
    expect(await countRows(t, 'accounts')).toBe(before);

    const eng = await t.portal.db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', ENGINEER)
      .executeTakeFirstOrThrow();
    const moved = await t.request('PATCH', `/api/v1/admin/accounts/${eng.id}`, {
      token,
      body: { customerId: 'northwind' },
    });
    refused(moved, 400, 'INVALID_INPUT');
    const after = await t.portal.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', eng.id)
      .executeTakeFirstOrThrow();
    expect(after.customer_id).toBeNull();
  });

  it('refuses an administrator disabling their own account, and it stays enabled', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const me = await t.portal.db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', PORTAL_ADMIN)
      .executeTakeFirstOrThrow();
    const audited = await countRows(t, 'admin_audit');
    const reply = await t.request('POST', `/api/v1/admin/accounts/${me.id}/disable`, { token });
    refused(reply, 403, 'FORBIDDEN');
    expect(coded(reply).key).toBe('FORBIDDEN.adminDisableSelf');
    const after = await t.request<AdminAccount>('GET', `/api/v1/admin/accounts/${me.id}`, { token });
    expect(after.status).toBe(200);
    expect(after.body.disabledAt).toBeNull();
    expect(await countRows(t, 'admin_audit')).toBe(audited);
  });

  it('refuses the next call of an account disabled while signed in; enabling needs a fresh sign-in', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const email = `${next('admin')}@northwind.example`;
    const password = 'correct horse battery staple';
    const created = await t.request<AccountWithPassword>('POST', '/api/v1/admin/accounts', {
      token,
      body: { email, name: 'Soon Gone', role: 'customer-admin', customerId: 'northwind', password },
    });
    expect(created.body.password).toBeNull();
    const id = created.body.account.id;
    const session = (await signInWith(t, email, password)).body.token;
    expect((await t.request('GET', '/api/v1/systems', { token: session })).status).toBe(200);

    tick(t);
    const disabled = await t.request<AdminAccount>('POST', `/api/v1/admin/accounts/${id}/disable`, { token });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).toBe(t.clock.now.toISOString());

    const next1 = await t.request('GET', '/api/v1/systems', { token: session });
    refused(next1, 401, 'UNAUTHENTICATED');
    expect(coded(next1).key).toBe('UNAUTHENTICATED.accountDisabled');
    refused(await signInWith(t, email, password), 403, 'FORBIDDEN');

    tick(t);
    const enabled = await t.request<AdminAccount>('POST', `/api/v1/admin/accounts/${id}/enable`, { token });
    expect(enabled.body.disabledAt).toBeNull();
    // The session revoked on disabling stays revoked.
    refused(await t.request('GET', '/api/v1/systems', { token: session }), 401, 'TOKEN_REVOKED');
    const fresh = await signInWith(t, email, password);
    expect((await t.request('GET', '/api/v1/systems', { token: fresh.body.token })).status).toBe(200);
    expect((await auditOf(t, token, 'account', id)).map((e) => e.action)).toEqual([
      'account.enable',
      'account.disable',
      'account.create',
    ]);
  });

  it('resets a password: a generated one works once shown, the old one and its sessions stop', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const email = `${next('it')}@contoso.example`;
    const old = 'the old password 123';
    const created = await t.request<AccountWithPassword>('POST', '/api/v1/admin/accounts', {
      token,
      body: { email, name: 'Contoso IT 2', role: 'it-staff', customerId: 'contoso', password: old },
    });
    const id = created.body.account.id;
    const session = (await signInWith(t, email, old)).body.token;
    tick(t);
    const reset = await t.request<AccountWithPassword>('POST', `/api/v1/admin/accounts/${id}/password`, {
      token,
      body: {},
    });
    expect(reset.status).toBe(200);
    const generated = reset.body.password ?? '';
    expect(generated.length).toBeGreaterThanOrEqual(20);
    refused(await t.request('GET', '/api/v1/systems', { token: session }), 401, 'TOKEN_REVOKED');
    expect((await signInWith(t, email, old)).status).toBe(401);
    expect((await signInWith(t, email, generated)).status).toBe(200);
    const trail = await auditOf(t, token, 'account', id);
    expect(trail[0]?.action).toBe('account.resetPassword');
    expect(JSON.stringify(trail)).not.toContain(generated);

    const tooShort = await t.request('POST', `/api/v1/admin/accounts/${id}/password`, {
      token,
      body: { password: 'short' },
    });
    refused(tooShort, 400, 'INVALID_INPUT');
    expect((await signInWith(t, email, generated)).status).toBe(200);
  });

  it('adds a system, finds it across contracts, moves it and retires it out of coverage', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const customerToken = await t.signIn(NW_ADMIN);
    const serial = next('NW-ZEN-');
    const added = await t.request<SystemRecord>('POST', '/api/v1/admin/systems', {
      token,
      body: {
        contractId: 'NW-SUP-2026',
        serialNumber: serial,
        product: 'atlas',
        location: 'Depot 3',
        installedVersion: '1.4.2',
      },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      serialNumber: serial,
      location: 'Depot 3',
      installedVersion: '1.4.2',
      retiredAt: null,
    });

    const listed = await t.request<Page<AdminSystem>>(
      'GET',
      `/api/v1/admin/systems?customerId=northwind&q=${encodeURIComponent(serial.toLowerCase())}`,
      { token },
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({ serialNumber: serial, contractId: 'NW-SUP-2026', customerName: 'Northwind Utilities' }),
    ]);
    const byContract = await t.request<Page<AdminSystem>>('GET', '/api/v1/admin/systems?contractId=NW-SUP-2026', {
      token,
    });
    expect(byContract.body.total).toBeGreaterThanOrEqual(4);

    tick(t);
    const moved = await t.request<SystemRecord>('POST', `/api/v1/admin/systems/${serial}/move`, {
      token,
      body: { location: 'Plant 2, hall B' },
    });
    expect(moved.body.contracts.every((c) => c.location === 'Plant 2, hall B')).toBe(true);

    const mine = async () =>
      (
        await t.request<{ systems: { serialNumber: string }[] }>('GET', '/api/v1/systems', {
          token: customerToken,
        })
      ).body.systems.map((s) => s.serialNumber);
    expect(await mine()).toContain(serial);
    expect((await t.request(`GET`, `/api/v1/systems/${serial}/entitlement`, { token: customerToken })).status).toBe(
      200,
    );

    tick(t);
    const retired = await t.request<SystemRecord>('POST', `/api/v1/admin/systems/${serial}/retire`, {
      token,
      body: { reason: 'Scrapped after the flood' },
    });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({
      retiredAt: t.clock.now.toISOString(),
      retiredBy: PORTAL_ADMIN,
      retiredReason: 'Scrapped after the flood',
    });
    expect(await mine()).not.toContain(serial);
    refused(
      await t.request('GET', `/api/v1/systems/${serial}/entitlement`, { token: customerToken }),
      404,
      'NOT_FOUND',
    );
    const summary = await t.request<CustomerSummary>('GET', '/api/v1/admin/customers/northwind', { token });
    expect(summary.body.systems).toBe(3);

    const audited = await countRows(t, 'admin_audit');
    const twice = await t.request('POST', `/api/v1/admin/systems/${serial}/retire`, { token, body: {} });
    refused(twice, 409, 'ALREADY_EXISTS');
    expect(coded(twice).key).toBe('ALREADY_EXISTS.systemRetired');
    expect(await countRows(t, 'admin_audit')).toBe(audited);
    const still = await t.request<SystemRecord>('GET', `/api/v1/admin/systems/${serial}`, { token });
    expect(still.body.retiredReason).toBe('Scrapped after the flood');

    expect((await auditOf(t, token, 'system', serial)).map((e) => e.action)).toEqual([
      'system.retire',
      'system.move',
      'system.add',
    ]);
  });

  it('answers 404 coded for moving or retiring a serial no contract lists, changing nothing', async () => {
    const token = await t.signIn(PORTAL_ADMIN);
    const audited = await countRows(t, 'admin_audit');
    for (const [path, body] of [
      ['/api/v1/admin/systems/NO-SUCH-0001/move', { location: 'Nowhere' }],
      ['/api/v1/admin/systems/NO-SUCH-0001/retire', {}],
    ] as const) {
      const reply = await t.request('POST', path, { token, body });
      refused(reply, 404, 'NOT_FOUND');
      expect(coded(reply).message).toContain('NO-SUCH-0001');
    }
    refused(await t.request('GET', '/api/v1/admin/systems/NO-SUCH-0001', { token }), 404, 'NOT_FOUND');
    expect(await countRows(t, 'admin_audit')).toBe(audited);
    const rows = await t.portal.db
      .selectFrom('systems')
      .selectAll()
      .where('serial_number', '=', 'NO-SUCH-0001')
      .execute();
    expect(rows).toEqual([]);
  });
});
