/**
 * The back office's audit trail: only a portal administrator reads it (customers and engineers are refused with a
 * coded 403 that names no role identifier), and a recorded change comes back newest first, with who and when.
 */
import { expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contracts/admin/audit.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import { accountActor, commandLineActor, recordChange } from '../../../portal/admin/audit.js';
import { coded, describePortal, ENGINEER, NW_ADMIN, PORTAL_ADMIN } from '../portal-api/harness.js';

describePortal('the audit trail', (t) => {
  it('refuses customers and engineers, in plain words', async () => {
    for (const email of [NW_ADMIN, ENGINEER]) {
      const reply = await t.request('GET', '/api/v1/admin/audit', { token: await t.signIn(email) });
      expect(reply.status).toBe(403);
      const body = coded(reply);
      expect(body.code).toBe('FORBIDDEN');
      expect(body.message + body.remedy).not.toMatch(/portal-admin|customer-admin|it-staff/);
    }
  });

  it('lists changes newest first, searchable by who made them, a page at a time', async () => {
    const admin = await t.portal.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', PORTAL_ADMIN)
      .executeTakeFirst();
    const first = new Date(t.clock.now.getTime() + 1000);
    const second = new Date(t.clock.now.getTime() + 2000);
    await recordChange(
      t.portal.db,
      accountActor({ id: admin!.id, email: PORTAL_ADMIN }),
      { action: 'customer.create', subject: 'customer', subjectId: 'acme', changes: { name: 'Acme' } },
      first,
    );
    await recordChange(
      t.portal.db,
      commandLineActor(),
      { action: 'customer.update', subject: 'customer', subjectId: 'acme', changes: { name: 'Acme Ltd' } },
      second,
    );
    const token = await t.signIn(PORTAL_ADMIN);
    const all = await t.request<Page<AuditEntry>>('GET', '/api/v1/admin/audit?subject=customer&subjectId=acme', {
      token,
    });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((e) => e.action)).toEqual(['customer.update', 'customer.create']);
    expect(all.body.items[1]).toMatchObject({ actor: PORTAL_ADMIN, actorId: admin!.id, at: first.toISOString() });
    expect(all.body.items[0]!.actorId).toBeNull();

    const mine = await t.request<Page<AuditEntry>>('GET', '/api/v1/admin/audit?q=HICARE.EXAMPLE&limit=1', { token });
    expect(mine.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
    expect(mine.body.items[0]!.changes).toEqual({ name: 'Acme' });

    const tooMany = await t.request('GET', '/api/v1/admin/audit?limit=5000', { token });
    expect(tooMany.status).toBe(400);
    expect(coded(tooMany).code).toBe('INVALID_INPUT');
  });
});
