/**
 * The connection that listens for other instances: when PostgreSQL drops it (a restart, a failover, an operator
 * terminating it), it comes back by itself, says so (the portal then catches up), and hears what is sent next.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresListener } from '../../../portal/db/listener.js';
import { POSTGRES_URL, postgresProblem } from '../postgres.js';
import { untilTrue } from '../wait.js';

async function query(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** Waits for what the listener does in the background, polling often: reconnection is quick on loopback. */
function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  return untilTrue(async () => check(), { what, timeoutMs: 5_000, intervalMs: 10 });
}

describe.skipIf(postgresProblem !== undefined)('the PostgreSQL listener', () => {
  let listener: PostgresListener | undefined;
  afterEach(async () => {
    await listener?.close();
  });

  it('reconnects after its connection is terminated, tells its owner, and hears the next notification', async () => {
    // A channel of this test alone, so that its connection can be found (its last statement is the LISTEN).
    const channel = `hicare_test_${randomBytes(6).toString('hex')}`;
    const heard: string[] = [];
    let connected = 0;
    const errors: unknown[] = [];
    listener = new PostgresListener({
      databaseUrl: POSTGRES_URL,
      channels: [channel],
      onNotification: (_channel, payload) => heard.push(payload),
      onConnected: () => (connected += 1),
      onError: (error) => errors.push(error),
      backoff: { baseMs: 20, maxMs: 200 },
    });
    await listener.start();
    expect(connected).toBe(1);
    await query(`select pg_notify('${channel}', 'first')`);
    await until(() => heard.includes('first'), 'the first notification');

    const terminated = await query(
      `select pg_terminate_backend(pid) as done from pg_stat_activity where query = 'LISTEN ${channel}'`,
    );
    expect(terminated.rowCount).toBe(1);
    await until(() => connected === 2, 'the listener to reconnect');
    expect(errors.length).toBeGreaterThan(0);
    await query(`select pg_notify('${channel}', 'second')`);
    await until(() => heard.includes('second'), 'the second notification');
    expect(heard).toEqual(['first', 'second']);
  });

  it('stops for good when closed: no reconnection, nothing left connected', async () => {
    const channel = `hicare_test_${randomBytes(6).toString('hex')}`;
    let connected = 0;
    listener = new PostgresListener({
      databaseUrl: POSTGRES_URL,
      channels: [channel],
      onNotification: () => undefined,
      onConnected: () => (connected += 1),
      onError: () => undefined,
    });
    await listener.start();
    await listener.close();
    await until(
      async () => (await query(`select 1 from pg_stat_activity where query = 'LISTEN ${channel}'`)).rowCount === 0,
      'the listening connection to end',
    );
    expect(connected).toBe(1);
  });

  it('refuses a channel name that is not a plain identifier', () => {
    expect(
      () =>
        new PostgresListener({
          databaseUrl: POSTGRES_URL,
          channels: ['x; drop table y'],
          onNotification: () => undefined,
          onConnected: () => undefined,
          onError: () => undefined,
        }),
    ).toThrow(/plain channel name/);
  });
});
