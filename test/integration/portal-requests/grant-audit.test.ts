/**
 * The customer reads each grant's audit — created, the password revealed (by whom, on which request), a refused
 * reveal, revoked — and an engineer not assigned to the request sees neither the address nor the account of a grant,
 * in the request, through the grant itself, or in the live events every engineer hears.
 */
import { afterEach, expect, it } from 'vitest';
import type { Grant, ServiceRequest, ServiceRequestDetail } from '../../../shared/contracts/requests.js';
import { describePortal, ENGINEER, NW_ADMIN, PORTAL_ADMIN, SEED_TIME } from '../portal-api/harness.js';
import { act, ENGINEER_2, EventStreamClient, expectOk, openRequest, requestBody, Sessions } from './support.js';

const ADDRESS = 'nw-jump.example:22';
const ACCOUNT = 'hicare-tac';

describePortal('grant audit and who sees a grant', (t) => {
  const s = new Sessions(t);
  const streams: EventStreamClient[] = [];
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
    t.clock.now = new Date(SEED_TIME);
  });
  const minutesLater = (n: number) => {
    t.clock.now = new Date(SEED_TIME.getTime() + n * 60_000);
  };

  async function grantedRequest(): Promise<{ request: ServiceRequest; grant: Grant }> {
    const created = await openRequest(
      t,
      await s.token(NW_ADMIN),
      requestBody({ faultDescription: 'The engineer needs to look at the server.' }),
    );
    const request = await expectOk(act(t, await s.token(ENGINEER), created.id, 'accept'));
    const body = { channel: 'ssh', address: ADDRESS, account: ACCOUNT, scope: 'diagnose' };
    const grant = await expectOk(
      t.request<Grant>('POST', `/api/v1/requests/${request.id}/grants`, { token: await s.token(NW_ADMIN), body }),
    );
    return { request, grant };
  }

  const detailAs = async (email: string, id: string) =>
    expectOk(t.request<ServiceRequestDetail>('GET', `/api/v1/requests/${id}`, { token: await s.token(email) }));

  it('shows the customer who revealed the password and from which request, refused attempts and the revocation', async () => {
    const { request, grant } = await grantedRequest();
    minutesLater(5);
    expect(
      (await t.request('GET', `/api/v1/grants/${grant.id}/password`, { token: await s.token(ENGINEER) })).status,
    ).toBe(200);
    minutesLater(6);
    expect(
      (await t.request('GET', `/api/v1/grants/${grant.id}/password`, { token: await s.token(ENGINEER_2) })).status,
    ).toBe(403);
    minutesLater(7);
    await expectOk(t.request('POST', `/api/v1/grants/${grant.id}/revoke`, { token: await s.token(NW_ADMIN) }));

    const [shown] = (await detailAs(NW_ADMIN, request.id)).grants;
    expect(shown).toMatchObject({ id: grant.id, address: ADDRESS, account: ACCOUNT, state: 'revoked' });
    expect(shown?.audit.map((e) => [e.kind, e.by?.role ?? null, e.requestNumber])).toEqual([
      ['created', 'customer-admin', request.number],
      ['password-revealed', 'engineer', request.number],
      ['reveal-refused', 'engineer', request.number],
      ['revoked', 'customer-admin', request.number],
    ]);
    expect(shown?.audit[1]).toMatchObject({
      at: new Date(SEED_TIME.getTime() + 5 * 60_000).toISOString(),
      by: { name: expect.stringMatching(/\S/) },
    });
    expect(shown?.audit[1]?.by?.name).not.toBe(shown?.audit[2]?.by?.name);
  });

  it('hides the address and account (and the audit) from an engineer who is not assigned, and from live events', async () => {
    const live = await EventStreamClient.open(t, await s.token(ENGINEER_2));
    streams.push(live);
    const { request, grant } = await grantedRequest();

    const other = await detailAs(ENGINEER_2, request.id);
    expect(other.grants).toEqual([
      expect.objectContaining({
        id: grant.id,
        channel: 'ssh',
        scope: 'diagnose',
        address: null,
        account: null,
        audit: [],
      }),
    ]);
    expect(JSON.stringify(other)).not.toContain(ADDRESS);
    const direct = await expectOk(
      t.request<Grant>('GET', `/api/v1/grants/${grant.id}`, { token: await s.token(ENGINEER_2) }),
    );
    expect(direct).toMatchObject({ address: null, account: null });
    const admin = await expectOk(
      t.request<Grant>('GET', `/api/v1/grants/${grant.id}`, { token: await s.token(PORTAL_ADMIN) }),
    );
    expect(admin).toMatchObject({ address: null, account: null });

    const heard = await live.next((e) => e.type === 'grant.changed' && (e.data['grant'] as Grant).id === grant.id);
    expect(JSON.stringify(heard.data)).not.toContain(ADDRESS);
    expect(JSON.stringify(heard.data)).not.toContain(ACCOUNT);

    // The assigned engineer still sees both.
    const assigned = await detailAs(ENGINEER, request.id);
    expect(assigned.grants[0]).toMatchObject({ address: ADDRESS, account: ACCOUNT });
  });
});
