/**
 * Opening and moving service requests over HTTP: what a request must carry, whose systems it may be for, who sees it,
 * who may move it where, the auto-accept policy and taking a request from the queue, and no new request once the
 * contract has ended.
 */
import { expect, it } from 'vitest';
import type { ServiceRequest, ServiceRequestDetail } from '../../../shared/contracts/requests.js';
import { CG_ADMIN, coded, describePortal, ENGINEER, NW_ADMIN, NW_IT, PORTAL_ADMIN } from '../portal-api/harness.js';
import { act, ENGINEER_2, EXPIRED_ADMIN, expectOk, openRequest, requestBody, Sessions } from './support.js';

describePortal('service requests', (t) => {
  const s = new Sessions(t);

  it('opens a request for a covered system, numbered TAC-<year>-<n>, with the product taken from the system', async () => {
    const token = await s.token(NW_ADMIN);
    const body = requestBody({
      alarms: ['ATL-0042 installer exit 3'],
      performanceMeasurements: 'cpu 12%',
      operationRecords: [{ at: '2026-11-24T09:58:00Z', kind: 'install', summary: 'atlas 1.9.0 failed' }],
    });
    const created = await openRequest(t, token, body);
    expect(created).toMatchObject({
      customerId: 'northwind',
      serialNumber: 'NW-ATL-0001',
      product: 'atlas',
      priority: 'P2',
      state: 'submitted',
      assignedEngineerId: null,
      submittedAt: t.clock.now.toISOString(),
      acceptedAt: null,
      firstContactAt: null,
      alarms: ['ATL-0042 installer exit 3'],
      performanceMeasurements: 'cpu 12%',
      sla: { state: 'awaiting-acceptance', dueAt: null, msLeft: null },
    });
    expect(created.number).toMatch(/^TAC-2026-\d{6}$/);
    const detail = await expectOk(t.request<ServiceRequestDetail>('GET', `/api/v1/requests/${created.id}`, { token }));
    expect(detail).toMatchObject({
      id: created.id,
      number: created.number,
      messages: [],
      attachments: [],
      grants: [],
      surveyAnswered: false,
      allowedActions: ['cancel'],
    });
    expect(detail.operationRecords).toEqual(body.operationRecords);
  });

  it('accepts P1 requests at submission by the auto-accept policy and queues them unassigned until an engineer takes one', async () => {
    const created = await openRequest(
      t,
      await s.token(NW_ADMIN),
      requestBody({ priority: 'P1', faultDescription: 'Control room is down.' }),
    );
    expect(created).toMatchObject({
      state: 'accepted',
      acceptedAt: created.submittedAt,
      assignedEngineerId: null,
      sla: { state: 'running', msLeft: 30 * 60_000 },
    });
    expect(created.sla.dueAt).toBe(new Date(t.clock.now.getTime() + 30 * 60_000).toISOString());

    const taken = await expectOk(
      t.request<ServiceRequest>('POST', `/api/v1/requests/${created.id}/take`, { token: await s.token(ENGINEER) }),
    );
    expect(taken.assignedEngineerId).toBe(await s.accountId(ENGINEER));
    const again = await t.request('POST', `/api/v1/requests/${created.id}/take`, { token: await s.token(ENGINEER_2) });
    expect(again.status).toBe(409);
    expect(coded(again).code).toBe('ALREADY_ASSIGNED');
    // The engineer it is not assigned to may not work on it either.
    const other = await act(t, await s.token(ENGINEER_2), created.id, 'start-work');
    expect(other.status).toBe(403);
    expect(coded(other).code).toBe('FORBIDDEN');
    expect((await act(t, await s.token(ENGINEER), created.id, 'start-work')).body.state).toBe('in-progress');
  });

  it('names the required fields that are missing or blank, and refuses malformed ones', async () => {
    const token = await s.token(NW_ADMIN);
    const missing = await t.request('POST', '/api/v1/requests', {
      token,
      body: { serialNumber: 'NW-ATL-0001', faultDescription: '   ', priority: 'P3' },
    });
    expect(missing.status).toBe(400);
    expect(coded(missing)).toMatchObject({
      code: 'REQUEST_FIELD_MISSING',
      details: { fields: ['location', 'faultDescription'] },
    });
    const badPriority = await t.request('POST', '/api/v1/requests', {
      token,
      body: requestBody({ priority: 'P5' as 'P1' }),
    });
    expect(badPriority.status).toBe(400);
    expect(coded(badPriority).code).toBe('INVALID_INPUT');
    const noAuth = await t.request('POST', '/api/v1/requests', { body: { priority: 'P3' } });
    expect(noAuth.status).toBe(401);
  });

  it('refuses a serial number that is not one of the customer’s systems as not found', async () => {
    const token = await s.token(NW_ADMIN);
    for (const serialNumber of ['CG-ATL-0001', 'NO-SUCH-0001']) {
      const reply = await t.request('POST', '/api/v1/requests', { token, body: requestBody({ serialNumber }) });
      expect(reply.status).toBe(404);
      expect(coded(reply).code).toBe('NOT_FOUND');
    }
  });

  it('answers a customer reading another customer’s request or grant exactly like one that does not exist (404)', async () => {
    const nw = await s.token(NW_ADMIN);
    const created = await openRequest(t, nw);
    const grant = await expectOk(
      t.request<{ id: string }>('POST', `/api/v1/requests/${created.id}/grants`, {
        token: nw,
        body: { channel: 'ssh', address: 'nw-gw.example:22', account: 'tac', scope: 'view' },
      }),
    );
    const cg = await s.token(CG_ADMIN);
    for (const [method, path, body] of [
      ['GET', `/api/v1/requests/${created.id}`, undefined],
      ['POST', `/api/v1/requests/${created.id}/actions`, { action: 'cancel' }],
      ['POST', `/api/v1/requests/${created.id}/messages`, { body: 'hello?' }],
      [
        'POST',
        `/api/v1/requests/${created.id}/grants`,
        { channel: 'ssh', address: 'x.example', account: 'a', scope: 'view' },
      ],
      ['GET', `/api/v1/grants/${grant.id}`, undefined],
      ['POST', `/api/v1/grants/${grant.id}/revoke`, undefined],
    ] as const) {
      const reply = await t.request(method, path, { token: cg, ...(body === undefined ? {} : { body }) });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(coded(reply).code).toBe('NOT_FOUND');
    }
    // Word for word what a request that never existed gets, so ids cannot be probed.
    const { message, remedy } = coded(
      await t.request('GET', '/api/v1/requests/00000000-0000-0000-0000-000000000000', { token: cg }),
    );
    expect(coded(await t.request('GET', `/api/v1/requests/${created.id}`, { token: cg }))).toMatchObject({
      message,
      remedy,
    });
    const list = await expectOk(t.request<{ requests: ServiceRequest[] }>('GET', '/api/v1/requests', { token: cg }));
    expect(list.requests.every((r) => r.customerId === 'contoso')).toBe(true);
    // The grant is still active: Contoso's revoke changed nothing.
    expect(
      (await expectOk(t.request<{ state: string }>('GET', `/api/v1/grants/${grant.id}`, { token: nw }))).state,
    ).toBe('active');
  });

  it('refuses a customer acting as an engineer (403), and IT staff altogether', async () => {
    const created = await openRequest(t, await s.token(NW_ADMIN));
    const reply = await act(t, await s.token(NW_ADMIN), created.id, 'accept');
    expect(reply.status).toBe(403);
    expect(coded(reply)).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    const staff = await t.request('GET', `/api/v1/requests/${created.id}`, { token: await s.token(NW_IT) });
    expect(staff.status).toBe(403);
    expect(coded(staff).code).toBe('FORBIDDEN');
  });

  it('refuses transitions out of order (409) with what can be done instead, and changes nothing', async () => {
    const nw = await s.token(NW_ADMIN);
    const engineer = await s.token(ENGINEER);
    const created = await openRequest(t, nw);
    const early = await act(t, engineer, created.id, 'propose-solution');
    expect(early.status).toBe(409);
    expect(coded(early)).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { state: 'submitted', possibleActions: ['accept', 'cancel'] },
    });
    expect((await act(t, nw, created.id, 'confirm')).status).toBe(409);

    const accepted = await expectOk(act(t, engineer, created.id, 'accept'));
    expect(accepted).toMatchObject({
      state: 'accepted',
      acceptedAt: t.clock.now.toISOString(),
      assignedEngineerId: await s.accountId(ENGINEER),
    });
    expect(accepted.sla.state).toBe('running');
    const twice = await act(t, await s.token(ENGINEER_2), created.id, 'accept');
    expect(twice.status).toBe(409);
    expect(coded(twice).code).toBe('ILLEGAL_TRANSITION');
    const detail = await expectOk(
      t.request<ServiceRequestDetail>('GET', `/api/v1/requests/${created.id}`, { token: engineer }),
    );
    expect(detail).toMatchObject({ state: 'accepted', allowedActions: ['start-work'] });
  });

  it('lists a customer’s own requests newest first, filtered by state; the vendor sees everybody’s', async () => {
    const cg = await s.token(CG_ADMIN);
    const mine = await openRequest(
      t,
      cg,
      requestBody({ serialNumber: 'CG-COB-0001', location: 'Contoso wind farm North', priority: 'P3' }),
    );
    const submitted = await expectOk(
      t.request<{ requests: ServiceRequest[] }>('GET', '/api/v1/requests?state=submitted', { token: cg }),
    );
    expect(submitted.requests.map((r) => r.id)).toContain(mine.id);
    expect(submitted.requests.every((r) => r.state === 'submitted' && r.customerId === 'contoso')).toBe(true);
    const nw = await expectOk(
      t.request<{ requests: ServiceRequest[] }>('GET', '/api/v1/requests', { token: await s.token(NW_ADMIN) }),
    );
    expect(nw.requests.length).toBeGreaterThan(0);
    expect(nw.requests.some((r) => r.id === mine.id)).toBe(false);
    const stamps = nw.requests.map((r) => r.submittedAt + r.number);
    expect(stamps).toEqual([...stamps].sort().reverse());
    for (const email of [ENGINEER, PORTAL_ADMIN]) {
      const all = await expectOk(
        t.request<{ requests: ServiceRequest[] }>('GET', '/api/v1/requests', { token: await s.token(email) }),
      );
      expect(new Set(all.requests.map((r) => r.customerId))).toEqual(new Set(['northwind', 'contoso']));
    }
    const bad = await t.request('GET', '/api/v1/requests?state=open', { token: cg });
    expect(bad.status).toBe(400);
  });

  it('opens no new request once the contract has ended, and says to renew', async () => {
    const reply = await t.request('POST', '/api/v1/requests', {
      token: await s.token(EXPIRED_ADMIN),
      body: requestBody({ serialNumber: 'FAB-ATL-0001', location: 'Fabrikam mill, line 2' }),
      headers: { 'idempotency-key': 'fabrikam-after-expiry' },
    });
    expect(reply.status).toBe(403);
    expect(coded(reply)).toMatchObject({ code: 'CONTRACT_EXPIRED' });
    expect(coded(reply).remedy).toMatch(/[Rr]enew/);
    expect(coded(reply).message).toMatch(/30 Jun 2026/);
  });
});
