/**
 * Opens the portal's database: a SQLite file in the data directory unless a PostgreSQL URL is given. Both sit behind
 * the same Kysely<Database>, so repositories and migrations are written once.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import pg from 'pg';
import { HicareError } from '../../shared/errors.js';
import type { Database } from './schema.js';
import { assertSqliteIntact, databaseDamaged, isDamageError } from './sqlite-integrity.js';

export type DatabaseOptions =
  | { dataDirectory: string }
  | {
      databaseUrl: string;
      /** Schema to work in (sets `search_path`); the connection's default schema when absent. */
      schema?: string;
      /** Connections in the pool; pg's default (10) when absent. */
      poolSize?: number;
    };

export type DialectName = 'sqlite' | 'postgres';

export const SQLITE_FILE_NAME = 'portal.sqlite';

/** Which dialect a database (or a transaction on it) speaks, for the few places where the two differ. */
export function dialectOf(db: Kysely<Database>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function openDatabase(options: DatabaseOptions): Kysely<Database> {
  if ('databaseUrl' in options) return openPostgres(options.databaseUrl, options.schema, options.poolSize);
  return openSqlite(options.dataDirectory);
}

function openSqlite(dataDirectory: string): Kysely<Database> {
  if (typeof dataDirectory !== 'string' || dataDirectory.trim() === '') {
    throw new HicareError('INVALID_INPUT.dbNoDataDirectory');
  }
  mkdirSync(dataDirectory, { recursive: true });
  const file = join(dataDirectory, SQLITE_FILE_NAME);
  const sqlite = new SqliteDatabase(file);
  try {
    // A second process (the portal CLI next to a running server) waits for the lock instead of failing at once.
    sqlite.pragma('busy_timeout = 5000');
    // WAL lets readers proceed while a write is in progress; foreign keys are off by default in SQLite.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    assertSqliteIntact(sqlite, file);
  } catch (error) {
    sqlite.close();
    // A file that is not a database at all fails already on the first pragma that reads it.
    throw isDamageError(error) ? databaseDamaged(file) : error;
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

const STATEMENT_CACHE_MAX = 512;

/**
 * Kysely prepares every query afresh, and on SQLite preparing costs about as much as running: the portal's queries
 * are a small fixed set, so each SQL text is prepared once and its statement reused.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= STATEMENT_CACHE_MAX) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function openPostgres(databaseUrl: string, schema: string | undefined, poolSize: number | undefined): Kysely<Database> {
  if (typeof databaseUrl !== 'string' || !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new HicareError('INVALID_INPUT.dbUrlNotPostgres');
  }
  const config: pg.PoolConfig = { connectionString: databaseUrl };
  if (schema !== undefined) {
    // The name goes into a startup option, so only plain identifiers are accepted (no quoting games).
    if (!SCHEMA_NAME.test(schema)) {
      throw new HicareError('INVALID_INPUT.dbSchemaName', { schema });
    }
    config.options = `-c search_path=${schema}`;
  }
  if (poolSize !== undefined) config.max = poolSize;
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool(config) }) });
}
