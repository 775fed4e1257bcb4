/**
 * Runs a suite against both storage back ends: a fresh SQLite file in a temporary directory, and a unique schema in
 * the PostgreSQL test database (dropped afterwards). PostgreSQL is probed once per file; when it cannot be reached the
 * PostgreSQL half is skipped — loudly — and the SQLite half still runs.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { openDatabase, type DialectName } from '../../../portal/db/connection.js';
import { migrateToLatest } from '../../../portal/db/migrate.js';
import type { Database } from '../../../portal/db/schema.js';
import { HicareError, type ErrorCode } from '../../../shared/errors.js';
import { createTestSchema, dropTestSchema, POSTGRES_URL, postgresProblem } from '../postgres.js';

export { POSTGRES_URL };

const pgProblem = postgresProblem;

export interface TestDatabase {
  readonly dialect: DialectName;
  /** The database under test; set up before the suite's first test. */
  readonly db: Kysely<Database>;
  /** Migrations applied when the suite set the database up (empty when it was asked not to migrate). */
  readonly appliedAtSetup: readonly string[];
  /** Opens a second connection to the same database (a restarted portal, say); closed with the suite. */
  reopen(): Kysely<Database>;
}

interface Backend {
  dialect: DialectName;
  setUp(): Promise<{ open: () => Kysely<Database>; tearDown: () => Promise<void> }>;
}

const sqliteBackend: Backend = {
  dialect: 'sqlite',
  setUp() {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'hicare-portal-db-'));
    return Promise.resolve({
      open: () => openDatabase({ dataDirectory }),
      tearDown: () => Promise.resolve(rmSync(dataDirectory, { recursive: true, force: true })),
    });
  },
};

const postgresBackend: Backend = {
  dialect: 'postgres',
  async setUp() {
    const schema = await createTestSchema();
    return {
      open: () => openDatabase({ databaseUrl: POSTGRES_URL, schema, poolSize: 4 }),
      tearDown: () => dropTestSchema(schema),
    };
  },
};

function suiteFor(backend: Backend, options: { migrate: boolean }): TestDatabase {
  let current: Kysely<Database> | undefined;
  let open: (() => Kysely<Database>) | undefined;
  let applied: string[] = [];
  const extra: Kysely<Database>[] = [];
  let tearDown: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const ready = await backend.setUp();
    open = ready.open;
    tearDown = ready.tearDown;
    current = ready.open();
    if (options.migrate) applied = await migrateToLatest(current);
  });
  afterAll(async () => {
    for (const db of extra) await db.destroy();
    await current?.destroy();
    await tearDown?.();
  });

  return {
    dialect: backend.dialect,
    get db() {
      if (current === undefined) throw new Error('The test database is not set up yet (use it inside a test or hook).');
      return current;
    },
    get appliedAtSetup() {
      return applied;
    },
    reopen() {
      if (open === undefined) throw new Error('The test database is not set up yet.');
      const db = open();
      extra.push(db);
      return db;
    },
  };
}

/** Declares `body` twice: once on SQLite, once on PostgreSQL (skipped, with the reason in its title, when unreachable). */
export function describeOnBothDialects(
  title: string,
  body: (t: TestDatabase) => void,
  options: { migrate?: boolean } = {},
): void {
  const migrate = options.migrate ?? true;
  describe(`${title} [sqlite]`, () => body(suiteFor(sqliteBackend, { migrate })));
  const skipReason = pgProblem === undefined ? '' : ` — SKIPPED: PostgreSQL not reachable at ${POSTGRES_URL}`;
  // Skipped only when PostgreSQL cannot be reached (see the warning printed above); the SQLite half still runs.
  describe.skipIf(pgProblem !== undefined)(`${title} [postgres${skipReason}]`, () =>
    body(suiteFor(postgresBackend, { migrate })),
  );
}

/** Runs `action` and returns the coded error it failed with, checking that the error carries a remedy. */
export async function failure(action: () => Promise<unknown>): Promise<HicareError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(HicareError);
    const coded = error as HicareError;
    expect(coded.remedy.trim()).not.toBe('');
    return coded;
  }
  throw new Error('Expected a coded error, but the action succeeded.');
}

export async function codeOf(action: () => Promise<unknown>): Promise<ErrorCode> {
  return (await failure(action)).code;
}

/** The strings that would break a query built by concatenation; each must go in and come out unchanged. */
export const SQL_LOOKING = [
  `'; DROP TABLE accounts; --`,
  `" OR 1=1 --`,
  `Robert'); DELETE FROM customers; --`,
  `\\'; SELECT pg_sleep(5); --`,
] as const;

let counter = 0;

/** A distinct email per call, so tests sharing one database per file do not collide. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString('hex')}@example.com`;
}

export const at = (iso: string): Date => new Date(iso);
