/**
 * A request is never lost and never duplicated: creations carrying an Idempotency-Key, sent all at once, retried
 * after the first one finished (a client that crashed before reading the answer), or reused for other contents.
 */
import { expect, it } from 'vitest';
import type { ServiceRequest } from '../../../shared/contracts/requests.js';
import { CG_ADMIN, coded, describePortal, NW_ADMIN } from '../portal-api/harness.js';
import { expectOk, requestBody, Sessions } from './support.js';

describePortal('idempotent request creation', (t) => {
  const s = new Sessions(t);
  const create = (token: string, key: string, faultDescription: string) =>
    t.request<ServiceRequest>('POST', '/api/v1/requests', {
      token,
      body: requestBody({ priority: 'P3', faultDescription }),
      headers: { 'idempotency-key': key },
    });

  it('creates 200 requests sent at once with distinct keys, each once, with distinct numbers', async () => {
    const token = await s.token(NW_ADMIN);
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => create(token, `burst-${i}`, `burst request ${i}`)),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(200).fill(201));
    const ids = new Set(replies.map((r) => r.body.id));
    const numbers = new Set(replies.map((r) => r.body.number));
    expect(ids.size).toBe(200);
    expect(numbers.size).toBe(200);
    for (const n of numbers) expect(n).toMatch(/^TAC-2026-\d{6}$/);
    const listed = await expectOk(t.request<{ requests: ServiceRequest[] }>('GET', '/api/v1/requests', { token }));
    const burst = listed.requests.filter((r) => r.faultDescription.startsWith('burst request '));
    expect(burst).toHaveLength(200);
    expect(new Set(burst.map((r) => r.id))).toEqual(ids);
  }, 20_000);

  it('creates exactly one request for 50 creations sent at once with the same key', async () => {
    const token = await s.token(NW_ADMIN);
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => create(token, 'same-key-50', 'one request, sent 50 times')),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 200)).toHaveLength(49);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const listed = await expectOk(t.request<{ requests: ServiceRequest[] }>('GET', '/api/v1/requests', { token }));
    expect(listed.requests.filter((r) => r.faultDescription === 'one request, sent 50 times')).toHaveLength(1);
  });

  it('answers a retry after the first creation finished with the same request (200), as after a client crash', async () => {
    const token = await s.token(NW_ADMIN);
    const first = await create(token, 'retry-after-crash', 'sent, then the app crashed');
    expect(first.status).toBe(201);
    const retry = await create(token, 'retry-after-crash', 'sent, then the app crashed');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({
      id: first.body.id,
      number: first.body.number,
      submittedAt: first.body.submittedAt,
    });
  });

  it('refuses the same key with different contents (409), and keeps keys apart per caller', async () => {
    const token = await s.token(NW_ADMIN);
    const first = await create(token, 'reused-key', 'the first problem');
    expect(first.status).toBe(201);
    const conflict = await create(token, 'reused-key', 'a different problem');
    expect(conflict.status).toBe(409);
    expect(coded(conflict)).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', details: { number: first.body.number } });
    // Another customer's admin using the same key gets a request of their own.
    const other = await t.request<ServiceRequest>('POST', '/api/v1/requests', {
      token: await s.token(CG_ADMIN),
      body: requestBody({
        serialNumber: 'CG-ATL-0001',
        location: 'rack B4',
        faultDescription: 'the first problem',
        priority: 'P3',
      }),
      headers: { 'idempotency-key': 'reused-key' },
    });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    const badKey = await t.request('POST', '/api/v1/requests', {
      token,
      body: requestBody(),
      headers: { 'idempotency-key': 'x'.repeat(201) },
    });
    expect(badKey.status).toBe(400);
    expect(coded(badKey).code).toBe('INVALID_INPUT');
  });
});
