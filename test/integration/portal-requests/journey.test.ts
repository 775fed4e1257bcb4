/**
 * The whole remote-guidance journey as the customer and the engineer live it, with the customer's live event stream
 * open: submitted → accepted → first contact in time → remote access granted, used and revoked → solution proposed →
 * confirmed → closed → survey answered once. Also: who hears which live events, automatic closure, survey results.
 */
import { afterEach, expect, it } from 'vitest';
import type {
  Grant,
  Message,
  ServiceRequest,
  ServiceRequestDetail,
  Survey,
} from '../../../shared/contracts/requests.js';
import type { SurveyReport } from '../../../shared/contracts/admin/reports.js';
import { createPortalApp } from '../../../portal/http/app.js';
import { bearerAuthentication } from '../../../portal/http/routes.js';
import { requestContext } from '../../../portal/requests/context.js';
import { registerEventStream } from '../../../portal/requests/event-stream.js';
import { closeConfirmedRequests } from '../../../portal/requests/auto-close.js';
import { listGrantReads } from '../../../portal/db/grants.js';
import {
  CG_ADMIN,
  coded,
  describePortal,
  ENGINEER,
  NW_ADMIN,
  NW_IT,
  PORTAL_ADMIN,
  SEED_TIME,
} from '../portal-api/harness.js';
import {
  A_SOLUTION,
  act,
  customerOfEvent,
  EventStreamClient,
  expectOk,
  openRequest,
  requestBody,
  requestIdOf,
  Sessions,
} from './support.js';

const MINUTE = 60_000;

describePortal('the remote-guidance journey', (t) => {
  const s = new Sessions(t);
  const streams: EventStreamClient[] = [];
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
    t.clock.now = new Date(SEED_TIME);
  });
  const listen = async (email: string): Promise<EventStreamClient> => {
    const stream = await EventStreamClient.open(t, await s.token(email));
    streams.push(stream);
    return stream;
  };

  it('walks a request from submission to an answered survey', async () => {
    const customer = await s.token(NW_ADMIN);
    const engineer = await s.token(ENGINEER);
    const live = await listen(NW_ADMIN);
    expect(live.response.statusCode).toBe(200);
    expect(live.response.headers['content-type']).toMatch(/^text\/event-stream/);

    const submitted = await openRequest(
      t,
      customer,
      requestBody({ priority: 'P2', faultDescription: 'journey: atlas 1.9.0 fails to install' }),
      'journey-1',
    );
    expect(submitted.state).toBe('submitted');
    expect(
      (await live.next((e) => e.type === 'request.changed' && requestIdOf(e) === submitted.id)).data['request'],
    ).toMatchObject({ state: 'submitted' });

    t.clock.now = new Date(SEED_TIME.getTime() + 5 * MINUTE);
    const accepted = await expectOk(act(t, engineer, submitted.id, 'accept'));
    expect(accepted).toMatchObject({
      state: 'accepted',
      acceptedAt: t.clock.now.toISOString(),
      sla: { state: 'running', msLeft: 60 * MINUTE },
    });

    t.clock.now = new Date(SEED_TIME.getTime() + 20 * MINUTE);
    const hello = await expectOk(
      t.request<Message>('POST', `/api/v1/requests/${submitted.id}/messages`, {
        token: engineer,
        body: { body: 'I will need remote access to the server.' },
      }),
    );
    expect(hello).toMatchObject({ authorRole: 'engineer', body: 'I will need remote access to the server.' });
    const heard = await live.next((e) => e.type === 'request.message' && requestIdOf(e) === submitted.id);
    expect(heard.data['message']).toMatchObject({ id: hello.id });
    expect(
      (await expectOk(t.request<ServiceRequest>('GET', `/api/v1/requests/${submitted.id}`, { token: customer }))).sla,
    ).toMatchObject({ state: 'met' });

    const grant = await expectOk(
      t.request<Grant & { password: string }>('POST', `/api/v1/requests/${submitted.id}/grants`, {
        token: customer,
        body: { channel: 'ssh', address: 'nw-jump.example:22', account: 'tac', scope: 'repair', expiresInHours: 4 },
      }),
    );
    await live.next((e) => e.type === 'grant.changed' && (e.data['grant'] as Grant).id === grant.id);
    expect(
      (
        await expectOk(
          t.request<{ password: string }>('GET', `/api/v1/grants/${grant.id}/password`, { token: engineer }),
        )
      ).password,
    ).toBe(grant.password);
    expect(await listGrantReads(t.portal.db, grant.id)).toHaveLength(1);
    await expectOk(t.request('POST', `/api/v1/grants/${grant.id}/revoke`, { token: customer }));
    expect((await t.request('GET', `/api/v1/grants/${grant.id}/password`, { token: engineer })).status).toBe(410);

    await expectOk(act(t, engineer, submitted.id, 'start-work'));
    await expectOk(act(t, engineer, submitted.id, 'propose-solution', A_SOLUTION));
    await expectOk(
      t.request('POST', `/api/v1/requests/${submitted.id}/survey`, { token: customer, body: { rating: 5 } }),
      409,
    );
    await expectOk(act(t, customer, submitted.id, 'confirm'));
    const closed = await expectOk(act(t, engineer, submitted.id, 'close'));
    expect(closed.state).toBe('closed');
    await live.next(
      (e) =>
        e.type === 'request.changed' &&
        requestIdOf(e) === submitted.id &&
        (e.data['request'] as ServiceRequest).state === 'closed',
    );

    const survey = await t.request<Survey>('POST', `/api/v1/requests/${submitted.id}/survey`, {
      token: customer,
      body: { rating: 4, comment: 'Quick and clear help.' },
    });
    expect(survey.status).toBe(200);
    expect(survey.body).toEqual({ rating: 4, comment: 'Quick and clear help.' });
    const second = await t.request('POST', `/api/v1/requests/${submitted.id}/survey`, {
      token: customer,
      body: { rating: 1 },
    });
    expect(second.status).toBe(409);
    expect(coded(second).code).toBe('ALREADY_EXISTS');

    const detail = await expectOk(
      t.request<ServiceRequestDetail>('GET', `/api/v1/requests/${submitted.id}`, { token: customer }),
    );
    expect(detail).toMatchObject({
      state: 'closed',
      surveyAnswered: true,
      allowedActions: [],
      firstContactAt: new Date(SEED_TIME.getTime() + 20 * MINUTE).toISOString(),
    });
    expect(detail.grants).toEqual([expect.objectContaining({ id: grant.id, state: 'revoked' })]);
    // A closed request is read-only.
    expect(
      (
        await t.request('POST', `/api/v1/requests/${submitted.id}/messages`, {
          token: customer,
          body: { body: 'thanks!' },
        })
      ).status,
    ).toBe(409);

    const results = await expectOk(
      t.request<SurveyReport>('GET', '/api/v1/admin/reports/surveys', { token: await s.token(PORTAL_ADMIN) }),
    );
    expect(results.count).toBeGreaterThanOrEqual(1);
    expect(results.distribution['4']).toBeGreaterThanOrEqual(1);
    expect(results.comments).toContainEqual(
      expect.objectContaining({
        requestId: submitted.id,
        number: submitted.number,
        product: 'atlas',
        rating: 4,
        comment: 'Quick and clear help.',
      }),
    );
    expect((await t.request('GET', '/api/v1/admin/reports/surveys', { token: engineer })).status).toBe(403);
  });

  it('streams a customer’s own request changes and never another customer’s', async () => {
    const northwind = await listen(NW_ADMIN);
    const engineerStream = await listen(ENGINEER);
    const contoso = await openRequest(
      t,
      await s.token(CG_ADMIN),
      requestBody({ serialNumber: 'CG-ATL-0001', location: 'rack B4', faultDescription: 'stream: Contoso' }),
    );
    await expectOk(act(t, await s.token(ENGINEER), contoso.id, 'accept'));
    const nw = await openRequest(t, await s.token(NW_ADMIN), requestBody({ faultDescription: 'stream: Northwind' }));
    await expectOk(act(t, await s.token(ENGINEER), nw.id, 'accept'));

    const accepted = await northwind.next(
      (e) =>
        e.type === 'request.changed' &&
        requestIdOf(e) === nw.id &&
        (e.data['request'] as ServiceRequest).state === 'accepted',
    );
    expect(accepted.data['request']).toMatchObject({
      customerId: 'northwind',
      assignedEngineerId: await s.accountId(ENGINEER),
    });
    // Contoso's events were published before Northwind's: had the stream carried them, they would be here by now.
    expect(northwind.events.some((e) => requestIdOf(e) === contoso.id || customerOfEvent(e) === 'contoso')).toBe(false);
    // Engineers hear everybody.
    await engineerStream.next(
      (e) => requestIdOf(e) === contoso.id && (e.data['request'] as ServiceRequest | undefined)?.state === 'accepted',
    );
    await engineerStream.next(
      (e) => requestIdOf(e) === nw.id && (e.data['request'] as ServiceRequest | undefined)?.state === 'accepted',
    );
    const ids = northwind.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    // A stream still open when the portal shuts down is ended by the portal (afterAll would hang otherwise).
    await EventStreamClient.open(t, await s.token(ENGINEER));

    const staff = await t.request('GET', '/api/v1/events', { token: await s.token(NW_IT) });
    expect(staff.status).toBe(403);
    expect((await t.request('GET', '/api/v1/events')).status).toBe(401);
  });

  it('closes a confirmed request by itself after 72 hours, and only opens the survey then', async () => {
    const customer = await s.token(NW_ADMIN);
    const engineer = await s.token(ENGINEER);
    const r = await openRequest(t, customer, requestBody({ priority: 'P3', faultDescription: 'auto-close' }));
    for (const [token, action] of [
      [engineer, 'accept'],
      [engineer, 'start-work'],
      [engineer, 'propose-solution'],
      [customer, 'confirm'],
    ] as const) {
      await expectOk(act(t, token, r.id, action, action === 'propose-solution' ? A_SOLUTION : {}));
    }
    const early = await t.request('POST', `/api/v1/requests/${r.id}/survey`, { token: customer, body: { rating: 3 } });
    expect(early.status).toBe(409);
    expect(coded(early).code).toBe('ILLEGAL_TRANSITION');

    const ctx = requestContext(
      { db: t.portal.db, catalog: t.portal.catalog, now: () => new Date(t.clock.now), postExpiry: 'earned' },
      { dataDirectory: t.portal.layout.dataDirectory, autoCloseEveryMs: 0 },
    );
    t.clock.now = new Date(SEED_TIME.getTime() + 71 * 60 * MINUTE);
    expect(await closeConfirmedRequests(ctx)).not.toContain(r.number);
    t.clock.now = new Date(SEED_TIME.getTime() + 72 * 60 * MINUTE);
    expect(await closeConfirmedRequests(ctx)).toContain(r.number);
    const token = await s.token(NW_ADMIN);
    expect((await expectOk(t.request<ServiceRequest>('GET', `/api/v1/requests/${r.id}`, { token }))).state).toBe(
      'closed',
    );
    expect((await t.request('POST', `/api/v1/requests/${r.id}/survey`, { token, body: { rating: 3 } })).status).toBe(
      200,
    );
  });

  it('keeps an idle stream alive with heartbeats and ends it once the session is signed out', async () => {
    // The same stream on a second server whose heartbeat is 50 ms instead of 15 s.
    const now = (): Date => new Date(t.clock.now);
    const ctx = requestContext(
      { db: t.portal.db, catalog: t.portal.catalog, now, postExpiry: 'earned' },
      { dataDirectory: t.portal.layout.dataDirectory, autoCloseEveryMs: 0 },
    );
    const app = createPortalApp({ version: 'test' });
    registerEventStream(app, ctx, bearerAuthentication(t.portal.db, now), 50);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const session = await t.request<{ token: string }>('POST', '/api/v1/sessions', {
        body: { email: NW_ADMIN, password: t.password(NW_ADMIN) },
      });
      const token = session.body.token;
      const stream = await EventStreamClient.open({ url }, token);
      streams.push(stream);
      // ': connected' plus several heartbeats, well within the 15 s the default heartbeat would take.
      await expect.poll(() => stream.comments, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
      ctx.events.publish('northwind', {
        type: 'request.message',
        requestId: 'r1',
        number: 'TAC-2026-999999',
        message: {
          id: 'm1',
          requestId: 'r1',
          authorId: 'a',
          authorRole: 'engineer',
          body: 'hi',
          at: SEED_TIME.toISOString(),
        },
      });
      ctx.events.publish('contoso', {
        type: 'request.message',
        requestId: 'r2',
        number: 'TAC-2026-999998',
        message: {
          id: 'm2',
          requestId: 'r2',
          authorId: 'a',
          authorRole: 'engineer',
          body: 'hi',
          at: SEED_TIME.toISOString(),
        },
      });
      await stream.next((e) => requestIdOf(e) === 'r1');
      expect((await t.request('DELETE', '/api/v1/sessions/current', { token })).status).toBe(200);
      await new Promise<void>((resolve) => stream.response.on('end', resolve));
      expect(stream.events.map(requestIdOf)).toEqual(['r1']);
      expect(ctx.events.subscriberCount).toBe(0);
    } finally {
      await app.close();
    }
  });
});
