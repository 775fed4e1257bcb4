/**
 * Sign-in throttling seen from outside: a real portal on loopback behind a trusted proxy (this test, naming each
 * client's address in X-Forwarded-For), its clock moved by the test. An attacker cannot turn the throttle against a
 * user: failures from one address make that address wait longer and longer, not the user elsewhere; spraying many
 * accounts from one address is slowed; and the right password works once the wait is over.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../shared/errors.js';
import { createAccount } from '../../../portal/accounts/index.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { createTestSchema, dropTestSchema, POSTGRES_URL, postgresProblem } from '../postgres.js';

const PASSWORD = 'the right password, long enough';
const T0 = new Date('2026-11-24T10:00:00Z');

type Dialect = 'sqlite' | 'postgres';

function throttleSuite(dialect: Dialect): void {
  let dir = '';
  let schema: string | undefined;
  let portal: Portal;
  let url = '';
  const clock = { now: new Date(T0) };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `hicare-throttle-${dialect}-`));
    if (dialect === 'postgres') schema = await createTestSchema();
    portal = await createPortal({
      dataDirectory: dir,
      ...(schema === undefined ? {} : { databaseUrl: POSTGRES_URL, databaseSchema: schema }),
      now: () => new Date(clock.now),
      refreshEveryMs: 0,
      trustProxy: ['127.0.0.1'],
    });
    url = await portal.listen({ host: '127.0.0.1', port: 0 });
  }, 60_000);

  afterAll(async () => {
    await portal?.close();
    if (schema !== undefined) await dropTestSchema(schema);
    await rm(dir, { recursive: true, force: true });
  });

  const wait = (seconds: number): void => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000);
  };

  async function newAccount(name: string): Promise<string> {
    const email = `${name}-${randomBytes(4).toString('hex')}@example.com`;
    await createAccount(portal.db, { email, name, role: 'engineer', password: PASSWORD }, clock.now);
    return email;
  }

  async function signIn(
    email: string,
    password: string,
    from: string,
  ): Promise<{ status: number; retryAfter: string | null; body: ErrorBody | { token: string } }> {
    const reply = await fetch(`${url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ email, password }),
    });
    return {
      status: reply.status,
      retryAfter: reply.headers.get('retry-after'),
      body: (await reply.json()) as ErrorBody,
    };
  }

  it('makes an attacker at one address wait longer and longer, while the user signs in from another', async () => {
    const alice = await newAccount('alice');
    const attacker = '203.0.113.66';
    const retryAfters: number[] = [];
    for (let guess = 1; guess <= 8; guess++) {
      let reply = await signIn(alice, `guess ${guess}`, attacker);
      if (reply.status === 429) {
        const seconds = Number(reply.retryAfter);
        retryAfters.push(seconds);
        expect((reply.body as ErrorBody).code).toBe('RATE_LIMITED');
        expect((reply.body as ErrorBody).message).toMatch(
          /^Too many failed sign-in attempts for this account from your address/,
        );
        expect((reply.body as ErrorBody).details).toMatchObject({ retryAfterSeconds: seconds });
        wait(seconds);
        reply = await signIn(alice, `guess ${guess}`, attacker);
      }
      expect(reply.status, `guess ${guess}`).toBe(401);
    }
    expect(retryAfters).toEqual([1, 2, 4, 8, 16]);

    // The attacker is paused right now; alice, from her own address, is not, and has never signed in there before.
    expect((await signIn(alice, PASSWORD, attacker)).status).toBe(429);
    const fromHome = await signIn(alice, PASSWORD, '198.51.100.20');
    expect(fromHome.status).toBe(200);
    expect(fromHome.body).toMatchObject({ token: expect.any(String) as string });
    // Nor is anybody else behind the attacker's address.
    expect((await signIn(await newAccount('bob'), PASSWORD, attacker)).status).toBe(200);
  });

  it('slows one address spraying a password over many accounts, and the right password works after the wait', async () => {
    const sprayer = '203.0.113.99';
    let refused: { status: number; retryAfter: string | null; body: unknown } | undefined;
    let sprayed = 0;
    while (refused === undefined && sprayed < 30) {
      const reply = await signIn(await newAccount('sprayed'), 'Winter2026!', sprayer);
      if (reply.status === 429) refused = reply;
      else {
        expect(reply.status).toBe(401);
        sprayed++;
      }
    }
    expect(sprayed).toBe(20);
    expect(refused?.retryAfter).toBe('1');
    expect((refused?.body as ErrorBody).message).toMatch(/from your address/);
    expect((refused?.body as ErrorBody).remedy).toMatch(/Try again after/);

    // A user trying from there for the first time waits the second too; then the right password works.
    const carol = await newAccount('carol');
    expect((await signIn(carol, PASSWORD, sprayer)).status).toBe(429);
    wait(1);
    expect((await signIn(carol, PASSWORD, sprayer)).status).toBe(200);
    // The sprayer's next guess is judged, and the one after that waits two seconds.
    expect((await signIn(await newAccount('sprayed'), 'Winter2026!', sprayer)).status).toBe(401);
    expect((await signIn(await newAccount('sprayed'), 'Winter2026!', sprayer)).retryAfter).toBe('2');
    // Carol, now known at that address, is no longer held back by the spraying.
    expect((await signIn(carol, PASSWORD, sprayer)).status).toBe(200);
  });

  it('takes the client address from the trusted proxy, so each client behind it has its own count', async () => {
    const dave = await newAccount('dave');
    for (let i = 0; i < 3; i++) expect((await signIn(dave, 'wrong', '192.0.2.1')).status).toBe(401);
    expect((await signIn(dave, PASSWORD, '192.0.2.1')).status).toBe(429);
    expect((await signIn(dave, PASSWORD, '192.0.2.2')).status).toBe(200);
  });
}

describe('sign-in throttling over HTTP [sqlite]', () => throttleSuite('sqlite'));
describe.skipIf(postgresProblem !== undefined)('sign-in throttling over HTTP [postgres]', () =>
  throttleSuite('postgres'),
);
