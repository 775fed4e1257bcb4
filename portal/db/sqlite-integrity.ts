/**
 * Refuses a SQLite file that is not a database or fails SQLite's own check. Starting on a damaged file would answer
 * some requests and corrupt others in ways nobody notices until later; the operator has to restore it instead.
 */
import type SqliteDatabase from 'better-sqlite3';
import { HicareError } from '../../shared/errors.js';

/** SQLite's result codes for "this is not a database" and "this database is damaged". */
const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** The refusal of a damaged file: one that is not a database at all, or one with `problems` integrity findings. */
export function databaseDamaged(file: string, problems?: number): HicareError {
  return problems === undefined
    ? new HicareError('DATABASE_DAMAGED.sqliteUnreadable', { file }, { file })
    : new HicareError('DATABASE_DAMAGED.sqliteIntegrity', { file, count: problems }, { file });
}

/** Whether an error thrown by better-sqlite3 says the file is not a sound database. */
export function isDamageError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && DAMAGE_CODES.has(String((error as { code?: unknown }).code));
}

/**
 * Runs `PRAGMA quick_check` (the structure of every page, without the slower cross-check of indexes against their
 * tables) and throws a coded DATABASE_DAMAGED on any finding. Run once when the file is opened.
 */
export function assertSqliteIntact(sqlite: SqliteDatabase.Database, file: string): void {
  let findings: string[];
  try {
    findings = (sqlite.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    if (isDamageError(error)) throw databaseDamaged(file);
    throw error;
  }
  if (findings.length === 1 && findings[0] === 'ok') return;
  throw databaseDamaged(file, findings.length);
}
