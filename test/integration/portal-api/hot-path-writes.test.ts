/**
 * The install base's hot path (an entitlement check, a package HEAD) reads and never writes: the database itself
 * counts every row written, through triggers the test adds to each of the portal's tables. The one write allowed
 * is a token's last use, at most once an hour of the portal's clock.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { packagePath } from '../../../shared/contracts/portal-api.js';
import { dialectOf } from '../../../portal/db/connection.js';
import type { Database } from '../../../portal/db/schema.js';
import { describePortal, NW_IT, type TestPortal } from './harness.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const HOUR = 60 * 60 * 1000;

async function portalTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } =
    dialectOf(db) === 'postgres'
      ? await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
      : { rows: [] };
  const schema = rows[0]?.schema;
  return (await db.introspection.getTables())
    .filter((table) => schema === undefined || table.schema === schema)
    .map((table) => table.name)
    .filter((name) => name !== 'test_writes');
}

/** Adds a trigger to every table that counts each row inserted, updated or deleted; returns how to remove them. */
async function countWrites(db: Kysely<Database>): Promise<() => Promise<void>> {
  const tables = await portalTables(db);
  const run = (statement: string): Promise<unknown> => sql.raw(statement).execute(db);
  await run('create table test_writes (n integer not null)');
  await run('insert into test_writes (n) values (0)');
  if (dialectOf(db) === 'postgres') {
    await run(
      'create function test_count_write() returns trigger language plpgsql as $$ begin update test_writes set n = n + 1; return null; end $$',
    );
    for (const table of tables)
      await run(
        `create trigger test_count_write after insert or update or delete on ${table} for each row execute function test_count_write()`,
      );
    return async () => {
      for (const table of tables) await run(`drop trigger test_count_write on ${table}`);
      await run('drop function test_count_write()');
      await run('drop table test_writes');
    };
  }
  for (const table of tables) {
    for (const op of ['insert', 'update', 'delete']) {
      await run(
        `create trigger test_count_${op}_${table} after ${op} on ${table} begin update test_writes set n = n + 1; end`,
      );
    }
  }
  return async () => {
    for (const table of tables)
      for (const op of ['insert', 'update', 'delete']) await run(`drop trigger test_count_${op}_${table}`);
    await run('drop table test_writes');
  };
}

async function writes(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select n from test_writes`.execute(db);
  return Number(rows[0]?.n);
}

describePortal('the hot path', (t: TestPortal) => {
  let stopCounting: (() => Promise<void>) | undefined;
  let saved: Date;
  beforeEach(() => {
    saved = t.clock.now;
  });
  afterEach(async () => {
    t.clock.now = saved;
    await stopCounting?.();
    stopCounting = undefined;
  });

  const checks = async (token: string): Promise<void> => {
    for (let i = 0; i < 10; i += 1) {
      expect((await t.request('GET', '/api/v1/systems/NW-ATL-0001/entitlement', { token })).status).toBe(200);
      expect((await t.request('HEAD', `${packagePath(ATLAS_190)}?serialNumber=NW-ATL-0001`, { token })).status).toBe(
        200,
      );
    }
  };

  it('checks entitlement and answers package HEADs without writing, and records a token’s use at most once an hour', async () => {
    const token = await t.signIn(NW_IT);
    // The first use is recorded (last_used_at was empty); from here on the clock decides.
    await checks(token);
    const firstUse = t.clock.now.getTime();
    stopCounting = await countWrites(t.portal.db);

    await checks(token);
    expect(await writes(t.portal.db)).toBe(0);
    t.clock.now = new Date(firstUse + HOUR - 1000);
    await checks(token);
    expect(await writes(t.portal.db)).toBe(0);

    t.clock.now = new Date(firstUse + HOUR);
    await checks(token);
    expect(await writes(t.portal.db)).toBe(1);
    const { last_used_at } = await t.portal.db
      .selectFrom('tokens')
      .select('last_used_at')
      .where('last_used_at', 'is not', null)
      .orderBy('last_used_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(last_used_at).toBe(new Date(firstUse + HOUR).toISOString());
    await checks(token);
    expect(await writes(t.portal.db)).toBe(1);
  });
});
