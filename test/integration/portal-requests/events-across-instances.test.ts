/**
 * Live events and revocations across portal instances. On PostgreSQL two real portals share one schema, each with
 * its own data directory (as behind a load balancer): what happens through A is heard through B. On SQLite there
 * is one portal, which plays both parts. Clients reconnect with Last-Event-ID and get exactly what they missed.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message, ServiceRequest } from '../../../shared/contracts/requests.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { createAccount } from '../../../portal/accounts/index.js';
import { disableAccount } from '../../../portal/db/accounts.js';
import { addSystem, listContracts } from '../../../portal/db/contracts.js';
import { seedDemo, type DemoSeedResult } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { CG_ADMIN, ENGINEER, NW_ADMIN, SEED_TIME } from '../portal-api/harness.js';
import { createTestSchema, dropTestSchema, POSTGRES_URL, postgresProblem } from '../postgres.js';
import { untilTrue } from '../wait.js';
import { EventStreamClient, requestBody, requestIdOf, type StreamEvent } from './support.js';

interface Reply<T> {
  status: number;
  body: T;
}

interface Instance {
  portal: Portal;
  url: string;
  call<T = unknown>(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<Reply<T>>;
}

interface Cluster {
  a: Instance;
  b: Instance;
  clock: { now: Date };
  signIn(email: string, password?: string): Promise<string>;
}

function instance(portal: Portal, url: string): Instance {
  return {
    portal,
    url,
    async call<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
      const headers: Record<string, string> = {};
      if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(url + path, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
    },
  };
}

function setUpCluster(dialect: 'sqlite' | 'postgres'): Cluster {
  const clock = { now: new Date(SEED_TIME) };
  const state: { a?: Instance; b?: Instance; seed?: DemoSeedResult; dirs: string[]; schema?: string } = { dirs: [] };
  beforeAll(async () => {
    if (dialect === 'postgres') state.schema = await createTestSchema();
    const start = async (existing?: string): Promise<Instance> => {
      const dir = existing ?? (await mkdtemp(join(tmpdir(), `hicare-events-${dialect}-`)));
      if (existing === undefined) state.dirs.push(dir);
      const portal = await createPortal({
        dataDirectory: dir,
        ...(dialect === 'postgres'
          ? { databaseUrl: POSTGRES_URL, databaseSchema: state.schema ?? '', databasePoolSize: 4 }
          : {}),
        now: () => new Date(clock.now),
        refreshEveryMs: 0,
      });
      return instance(portal, await portal.listen({ host: '127.0.0.1', port: 0 }));
    };
    state.a = await start();
    state.seed = await seedDemo({
      db: state.a.portal.db,
      catalog: state.a.portal.catalog,
      keysDir: state.a.portal.layout.keysDir,
      now: SEED_TIME,
    });
    if (dialect === 'postgres') {
      // B serves the same signed catalog from its own folder, as a second machine would.
      const b = await mkdtemp(join(tmpdir(), `hicare-events-${dialect}-`));
      state.dirs.push(b);
      await cp(state.a.portal.layout.repoDir, join(b, 'tuf'), { recursive: true });
      state.b = await start(b);
    } else {
      state.b = state.a;
    }
  }, 60_000);
  afterAll(async () => {
    if (state.b !== state.a) await state.b?.portal.close();
    await state.a?.portal.close();
    if (state.schema !== undefined) await dropTestSchema(state.schema);
    for (const dir of state.dirs) await rm(dir, { recursive: true, force: true });
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the portals are not up yet');
    return value;
  };
  return {
    get a() {
      return need(state.a);
    },
    get b() {
      return need(state.b);
    },
    clock,
    async signIn(email, password) {
      const known = need(state.seed).accounts.find((x) => x.email === email)?.password;
      const reply = await need(state.a).call<{ token: string }>('POST', '/api/v1/sessions', {
        body: { email, password: password ?? known },
      });
      if (reply.status !== 200) throw new Error(`sign-in of ${email} failed: ${reply.status}`);
      return reply.body.token;
    },
  };
}

/** Polls `check` until it holds or `deadlineMs` passes; returns how long it took. */
async function within(deadlineMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  await untilTrue(check, { what: `the change to show within ${deadlineMs} ms`, timeoutMs: deadlineMs, intervalMs: 10 });
  return Date.now() - started;
}

const messageIdOf = (e: StreamEvent): string | undefined => (e.data['message'] as { id?: string } | undefined)?.id;

function describeCluster(title: string, body: (c: Cluster) => void): void {
  describe(`${title} [sqlite]`, () => body(setUpCluster('sqlite')));
  const skip = postgresProblem === undefined ? '' : ` — SKIPPED: PostgreSQL not reachable at ${POSTGRES_URL}`;
  describe.skipIf(postgresProblem !== undefined)(`${title} [postgres, two instances${skip}]`, () =>
    body(setUpCluster('postgres')),
  );
}

describeCluster('live events across instances', (c) => {
  const streams: EventStreamClient[] = [];
  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });
  const listen = async (
    on: Instance,
    token: string,
    headers: Record<string, string> = {},
  ): Promise<EventStreamClient> => {
    const stream = await EventStreamClient.open({ url: on.url }, token, headers);
    streams.push(stream);
    return stream;
  };
  const open = async (token: string, serialNumber: string): Promise<ServiceRequest> => {
    const reply = await c.a.call<ServiceRequest>('POST', '/api/v1/requests', {
      token,
      body: requestBody({
        serialNumber,
        location: 'Control room',
        faultDescription: 'The installer stopped with exit code 3.',
      }),
    });
    expect(reply.status).toBe(201);
    return reply.body;
  };
  const say = async (token: string, requestId: string, text: string): Promise<Message> => {
    const reply = await c.a.call<Message>('POST', `/api/v1/requests/${requestId}/messages`, {
      token,
      body: { body: text },
    });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('lets a subscriber on B hear a change made on A, and never another customer’s', async () => {
    const [nw, cg, engineer] = await Promise.all([c.signIn(NW_ADMIN), c.signIn(CG_ADMIN), c.signIn(ENGINEER)]);
    const [nwOnB, cgOnB, engineerOnB] = await Promise.all([listen(c.b, nw), listen(c.b, cg), listen(c.b, engineer)]);
    const nwRequest = await open(nw, 'NW-ATL-0001');
    const cgRequest = await open(cg, 'CG-ATL-0001');
    await nwOnB.next((e) => requestIdOf(e) === nwRequest.id);
    await cgOnB.next((e) => requestIdOf(e) === cgRequest.id);
    await engineerOnB.next((e) => requestIdOf(e) === cgRequest.id);
    // Events reach a stream in id order: once Northwind hears a later change of its own, Contoso's is not coming.
    const later = await say(nw, nwRequest.id, 'Still failing.');
    await nwOnB.next((e) => messageIdOf(e) === later.id);
    expect(nwOnB.events.map(requestIdOf)).not.toContain(cgRequest.id);
    expect(cgOnB.events.map(requestIdOf)).not.toContain(nwRequest.id);
    expect(engineerOnB.events.map(requestIdOf)).toEqual(expect.arrayContaining([nwRequest.id, cgRequest.id]));
    // Ids are the database's: increasing, and the same event has the same id through either instance.
    const ids = nwOnB.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(c.b.portal.subscriberCount()).toBe(3);
    for (const s of streams.splice(0)) s.close();
    await within(2000, () => Promise.resolve(c.b.portal.subscriberCount() === 0));
  });

  it('replays exactly what a reconnecting client missed, in order and filtered, then carries on live', async () => {
    const [nw, cg, engineer] = await Promise.all([c.signIn(NW_ADMIN), c.signIn(CG_ADMIN), c.signIn(ENGINEER)]);
    const nwRequest = await open(nw, 'NW-BCN-0001');
    const cgRequest = await open(cg, 'CG-BCN-0001');
    const witness = await listen(c.a, engineer);
    const first = await listen(c.b, nw);
    await within(2000, () => Promise.resolve(first.lastId !== ''));
    const lastSeen = Number(first.lastId);
    first.close();

    const missed = [
      await say(nw, nwRequest.id, 'one'),
      await say(cg, cgRequest.id, 'not yours'),
      await say(nw, nwRequest.id, 'two'),
      await say(nw, nwRequest.id, 'three'),
    ];
    await witness.next((e) => messageIdOf(e) === missed[3]?.id);
    const expected = witness.events.filter((e) => Number(e.id) > lastSeen && requestIdOf(e) === nwRequest.id);
    expect(expected.filter((e) => e.type === 'request.message')).toHaveLength(3);

    const again = await listen(c.b, nw, { 'last-event-id': String(lastSeen) });
    await again.next((e) => messageIdOf(e) === missed[3]?.id);
    expect(again.events.map((e) => [e.id, e.type, requestIdOf(e)])).toEqual(
      expected.map((e) => [e.id, e.type, requestIdOf(e)]),
    );
    expect(again.events.map(requestIdOf)).not.toContain(cgRequest.id);

    const live = await say(nw, nwRequest.id, 'four');
    await again.next((e) => messageIdOf(e) === live.id);
    const ids = again.events.map((e) => Number(e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sends a reset, never a guess, for an id it cannot vouch for', async () => {
    const nw = await c.signIn(NW_ADMIN);
    const latest = await c.b.portal.events.latestId();
    for (const header of ['not-a-number', '-1', String(latest + 1000)]) {
      const stream = await listen(c.b, nw, { 'last-event-id': header });
      const reset = await stream.next(() => true);
      expect(reset).toMatchObject({ type: 'reset', data: { type: 'reset' } });
      expect(Number(reset.id)).toBeGreaterThanOrEqual(latest);
    }
    // The newest id itself is fine: nothing was missed.
    const caughtUp = await listen(c.b, nw, { 'last-event-id': String(latest) });
    const request = await open(nw, 'NW-COB-0001');
    const heard = await caughtUp.next(() => true);
    expect(requestIdOf(heard)).toBe(request.id);
  });

  it('refuses a token revoked on A on B within a second, and a disabled account’s too', async () => {
    const token = await c.signIn(NW_ADMIN);
    expect((await c.b.call('GET', '/api/v1/me', { token })).status).toBe(200);
    expect((await c.a.call('DELETE', '/api/v1/sessions/current', { token })).status).toBe(200);
    const tookMs = await within(1000, async () => (await c.b.call('GET', '/api/v1/me', { token })).status === 401);
    expect(tookMs).toBeLessThan(1000);
    expect((await c.b.call<ErrorBody>('GET', '/api/v1/me', { token })).body.code).toBe('TOKEN_REVOKED');

    const email = `leaver-${Date.now()}@northwind.example`;
    const password = 'a long test password for 2026';
    const account = await createAccount(
      c.a.portal.db,
      { email, name: 'Leaver', role: 'it-staff', customerId: 'northwind', password },
      c.clock.now,
    );
    const leaver = await c.signIn(email, password);
    expect((await c.b.call('GET', '/api/v1/me', { token: leaver })).status).toBe(200);
    await disableAccount(c.a.portal.db, account.id, c.clock.now);
    await within(1000, async () => (await c.b.call('GET', '/api/v1/me', { token: leaver })).status === 401);
  });

  it('sees on B a system added to a contract on A within a second', async () => {
    const nw = await c.signIn(NW_ADMIN);
    const path = '/api/v1/systems/NW-ATL-0077/entitlement';
    // B has read (and may keep) Northwind's contracts by now.
    expect((await c.b.call('GET', '/api/v1/systems/NW-ATL-0001/entitlement', { token: nw })).status).toBe(200);
    expect((await c.b.call('GET', path, { token: nw })).status).toBe(404);
    const contract = (await listContracts(c.a.portal.db, { customerId: 'northwind' })).find((x) =>
      x.systems.some((sys) => sys.product === 'atlas'),
    );
    await addSystem(c.a.portal.db, contract?.id ?? '', {
      serialNumber: 'NW-ATL-0077',
      product: 'atlas',
      location: 'Northwind Plant 2',
    });
    await within(1000, async () => (await c.b.call('GET', path, { token: nw })).status === 200);
  });

  it('resets a client whose id is older than the 24-hour retention', async () => {
    const nw = await c.signIn(NW_ADMIN);
    const before = await listen(c.b, nw);
    const request = await open(nw, 'NW-ATL-0001');
    await before.next((e) => requestIdOf(e) === request.id);
    const lastSeen = before.lastId;
    before.close();
    await say(nw, request.id, 'said before the client went away for a day');
    const saved = c.clock.now;
    try {
      c.clock.now = new Date(saved.getTime() + 25 * 60 * 60 * 1000);
      const fresh = await c.signIn(NW_ADMIN);
      await say(fresh, request.id, 'said a day later');
      const back = await listen(c.b, fresh, { 'last-event-id': lastSeen });
      const first = await back.next(() => true);
      expect(first.type).toBe('reset');
      expect(Number(first.id)).toBe(await c.b.portal.events.latestId());
    } finally {
      c.clock.now = saved;
    }
  });
});
