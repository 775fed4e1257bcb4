/** Opening the database and migrating it: the same migrations on both dialects, and running them again changes nothing. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, dialectOf, SQLITE_FILE_NAME } from '../../../portal/db/connection.js';
import { MIGRATIONS, migrateToLatest } from '../../../portal/db/migrate.js';
import { createCustomer, getCustomer } from '../../../portal/db/customers.js';
import type { Database } from '../../../portal/db/schema.js';
import { codeOf, describeOnBothDialects } from './harness.js';

const TABLES = [
  'accounts',
  'contracts',
  'customers',
  'downloads',
  'installed_versions',
  'login_attempts',
  'request_events',
  'systems',
  'tokens',
];

/** The portal's tables in the schema this connection works in (PostgreSQL introspection sees every schema). */
async function tablesOf(db: Kysely<Database>): Promise<string[]> {
  const { rows } =
    dialectOf(db) === 'postgres'
      ? await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
      : { rows: [] };
  const schema = rows[0]?.schema;
  const tables = await db.introspection.getTables();
  return tables
    .filter((table) => schema === undefined || table.schema === schema)
    .map((table) => table.name)
    .filter((name) => TABLES.includes(name))
    .sort();
}

describeOnBothDialects(
  'migrations',
  (t) => {
    it('apply every migration once, then find nothing to do on a second run', async () => {
      expect(await migrateToLatest(t.db)).toEqual(Object.keys(MIGRATIONS));
      expect(await migrateToLatest(t.db)).toEqual([]);
      expect(await tablesOf(t.db)).toEqual(TABLES);
    });

    it('keep the data when run again from a second connection (a restarted portal)', async () => {
      await createCustomer(t.db, { id: 'kept-across-migrations', name: 'Kept' });
      const again = t.reopen();
      expect(await migrateToLatest(again)).toEqual([]);
      expect(await getCustomer(again, 'kept-across-migrations')).toEqual({
        id: 'kept-across-migrations',
        name: 'Kept',
      });
    });

    it('report the dialect the database speaks', () => {
      expect(dialectOf(t.db)).toBe(t.dialect);
    });

    it('enforce foreign keys', async () => {
      const insertOrphan = t.db
        .insertInto('systems')
        .values({ contract_id: 'no-such-contract', serial_number: 'SN-1', product: 'p', location: 'x', position: 0 })
        .execute();
      await expect(insertOrphan).rejects.toThrow();
    });
  },
  { migrate: false },
);

describe('the SQLite file', () => {
  it('lives in the data directory, in WAL mode with foreign keys on (the directory is created if missing)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'hicare-portal-db-'));
    const dataDirectory = join(parent, 'nested', 'data');
    const db = openDatabase({ dataDirectory });
    try {
      await migrateToLatest(db);
      expect(existsSync(join(dataDirectory, SQLITE_FILE_NAME))).toBe(true);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
      expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await db.destroy();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('openDatabase', () => {
  it('refuses a URL that is not PostgreSQL, and a schema name that is not a plain identifier', async () => {
    expect(
      await codeOf(() => Promise.resolve().then(() => openDatabase({ databaseUrl: 'mysql://root@localhost/portal' }))),
    ).toBe('INVALID_INPUT');
    expect(
      await codeOf(() =>
        Promise.resolve().then(() =>
          openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1/test', schema: 'x; drop schema public' }),
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(await codeOf(() => Promise.resolve().then(() => openDatabase({ dataDirectory: '  ' })))).toBe(
      'INVALID_INPUT',
    );
  });
});
