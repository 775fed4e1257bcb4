/**
 * The response-time SLA as engineers and customers see it: the clock runs from acceptance to the engineer's first
 * contact, met or breached by the priority's target, and the engineers' queue puts the least time left first.
 * The portal's clock is moved through the minutes and put back.
 */
import { afterEach, expect, it } from 'vitest';
import type { ServiceRequest } from '../../../shared/contracts/requests.js';
import { describePortal, ENGINEER, NW_ADMIN, SEED_TIME } from '../portal-api/harness.js';
import { act, expectOk, openRequest, requestBody, Sessions } from './support.js';

const MINUTE = 60_000;
/** The demo contracts' region, which the demo gives a calendar of its own. */
const EMEA = { region: 'EMEA', name: 'Europe, Middle East and Africa' };

describePortal('response-time SLA', (t) => {
  const s = new Sessions(t);
  const at = (minutes: number): void => {
    t.clock.now = new Date(SEED_TIME.getTime() + minutes * MINUTE);
  };
  afterEach(() => {
    t.clock.now = new Date(SEED_TIME);
  });

  async function acceptedP2(faultDescription: string): Promise<ServiceRequest> {
    const created = await openRequest(t, await s.token(NW_ADMIN), requestBody({ priority: 'P2', faultDescription }));
    return expectOk(act(t, await s.token(ENGINEER), created.id, 'accept'));
  }

  const view = async (id: string): Promise<ServiceRequest> =>
    expectOk(t.request<ServiceRequest>('GET', `/api/v1/requests/${id}`, { token: await s.token(NW_ADMIN) }));
  const write = async (id: string, body: string): Promise<void> => {
    await expectOk(
      t.request('POST', `/api/v1/requests/${id}/messages`, { token: await s.token(ENGINEER), body: { body } }),
    );
  };

  it('is met when the engineer first writes 40 minutes after accepting a P2 (target 60 minutes)', async () => {
    at(0);
    const r = await acceptedP2('P2 answered in time');
    expect(r.sla).toEqual({
      state: 'running',
      dueAt: new Date(SEED_TIME.getTime() + 60 * MINUTE).toISOString(),
      msLeft: 60 * MINUTE,
      calendar: EMEA,
    });
    at(25);
    expect((await view(r.id)).sla).toMatchObject({ state: 'running', msLeft: 35 * MINUTE });
    // The customer writing does not stop the clock: only the engineer's contact counts.
    await expectOk(
      t.request('POST', `/api/v1/requests/${r.id}/messages`, {
        token: await s.token(NW_ADMIN),
        body: { body: 'Any news?' },
      }),
    );
    at(40);
    await write(r.id, 'Hello, I am looking at your installer log now.');
    at(41);
    await write(r.id, 'A second message changes nothing.');
    const after = await view(r.id);
    expect(after.firstContactAt).toBe(new Date(SEED_TIME.getTime() + 40 * MINUTE).toISOString());
    expect(after.sla).toEqual({ state: 'met', dueAt: r.sla.dueAt, msLeft: null, calendar: EMEA });
  });

  it('is breached when the first contact comes 70 minutes after accepting a P2, and shows as overdue before that', async () => {
    at(0);
    const r = await acceptedP2('P2 answered late');
    at(61);
    expect((await view(r.id)).sla).toMatchObject({ state: 'breached', msLeft: -1 * MINUTE });
    at(70);
    await write(r.id, 'Sorry for the wait.');
    expect((await view(r.id)).sla).toEqual({ state: 'breached', dueAt: r.sla.dueAt, msLeft: null, calendar: EMEA });
  });

  it('orders the engineers’ queue by time left: overdue first, then the least time left, then requests not yet accepted', async () => {
    const nw = await s.token(NW_ADMIN);
    const engineer = await s.token(ENGINEER);
    at(-120);
    const overdue = await acceptedP2('queue: overdue P2');
    at(0);
    const p3 = await openRequest(t, nw, requestBody({ priority: 'P3', faultDescription: 'queue: P3' }));
    const p4 = await openRequest(t, nw, requestBody({ priority: 'P4', faultDescription: 'queue: P4' }));
    const waiting = await openRequest(t, nw, requestBody({ priority: 'P2', faultDescription: 'queue: not accepted' }));
    const p2 = await openRequest(t, nw, requestBody({ priority: 'P2', faultDescription: 'queue: P2' }));
    at(5);
    const p1 = await openRequest(t, nw, requestBody({ priority: 'P1', faultDescription: 'queue: P1' }));
    for (const r of [p4, p3, p2]) await expectOk(act(t, engineer, r.id, 'accept'));
    at(10);
    const queue = await expectOk(
      t.request<{ requests: ServiceRequest[] }>('GET', '/api/v1/requests', { token: engineer }),
    );
    const mine = new Set([overdue.id, p1.id, p2.id, p3.id, p4.id, waiting.id]);
    const order = queue.requests.filter((r) => mine.has(r.id)).map((r) => r.faultDescription);
    // P1 accepted at +5 is due at +35; the P2 accepted at +5 at +65; the P3 at +125; the P4 the next business day.
    expect(order).toEqual([
      'queue: overdue P2',
      'queue: P1',
      'queue: P2',
      'queue: P3',
      'queue: P4',
      'queue: not accepted',
    ]);
    const p4View = queue.requests.find((r) => r.id === p4.id);
    // Accepted Tuesday 2026-11-24 in Berlin: due by the end of Wednesday's business day, 18:00 CET.
    expect(p4View?.sla.dueAt).toBe('2026-11-25T17:00:00.000Z');
  });
});
