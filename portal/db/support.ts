/**
 * What every repository needs: input checked against the shared schemas before it reaches SQL, instants turned into
 * the stored ISO text, and driver errors for constraint violations told apart the same way on both dialects.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { assertInstant } from '../../shared/domain/dates.js';
import { issuesSentence, plainIssues, safeParsePlain } from '../../shared/api/plain-issues.js';
import { HicareError } from '../../shared/errors.js';

/** A Date as stored: ISO-8601 in UTC, fixed width, so text comparison is time comparison. */
export function toIso(now: Date): string {
  const ms = assertInstant(now);
  // Years outside 0000–9999 would print as ±YYYYYY and break that ordering.
  if (ms < Date.UTC(0, 0, 1) || ms >= Date.UTC(10000, 0, 1)) {
    throw new HicareError('INVALID_INSTANT.dbYearRange');
  }
  return new Date(ms).toISOString();
}

export function newId(): string {
  return randomUUID();
}

/**
 * What a caller checks, as it names it, and the identifier each language's refusal words it by (a `select` in the
 * catalog, so a Chinese sentence never carries the English word).
 */
const INPUT_SUBJECTS = {
  'remote-access grant': 'remoteAccessGrant',
  'file name': 'fileName',
  'survey answer': 'surveyAnswer',
  'service request': 'serviceRequest',
  message: 'message',
  lifecycle: 'lifecycle',
  'knowledge article': 'knowledgeArticle',
  contract: 'contract',
  'covered system': 'coveredSystem',
  'download record': 'downloadRecord',
  customer: 'customer',
  'installed version': 'installedVersion',
  'email address': 'emailAddress',
  'API key label': 'apiKeyLabel',
  'installation report': 'installationReport',
  account: 'account',
} as const;

export type InputSubject = keyof typeof INPUT_SUBJECTS;

/**
 * Checks `value` against a shared schema. The value is returned as given, not as parsed: schemas that trim would
 * otherwise rewrite what people typed, and the database stores text verbatim.
 */
export function checkInput<T>(schema: z.ZodType, value: T, what: InputSubject): T {
  const subject = INPUT_SUBJECTS[what];
  // PostgreSQL text cannot hold NUL at all and SQLite can: refuse it up front so both dialects answer alike.
  const nulAt = pathToNul(value, []);
  if (nulAt !== undefined) {
    throw nulAt.length === 0
      ? new HicareError('INVALID_INPUT.dbNul', { what: subject }, { path: nulAt })
      : new HicareError('INVALID_INPUT.dbNulAt', { what: subject, path: nulAt.join('.') }, { path: nulAt });
  }
  const result = safeParsePlain(schema, value);
  if (result.success) return value;
  const issues = plainIssues(result.error);
  throw new HicareError('INVALID_INPUT.dbInvalid', { what: subject, issues: issuesSentence(issues) }, { issues });
}

function pathToNul(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null || value instanceof Date) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = pathToNul(child, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function driverCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** better-sqlite3 reports SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; PostgreSQL reports SQLSTATE 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** better-sqlite3 reports SQLITE_CONSTRAINT_FOREIGNKEY; PostgreSQL reports SQLSTATE 23503. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** PostgreSQL returns count(*) and bigint columns as strings (they may exceed 2^53); SQLite returns numbers. */
export function toNumber(value: number | string | bigint): number {
  return typeof value === 'number' ? value : Number(value);
}

/**
 * Code-unit order for lists. Sorting in SQL would follow each dialect's collation (PostgreSQL's is usually
 * locale-aware, SQLite's is binary), and the two would list the same rows differently.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps `in (...)` lists under both dialects' bind-parameter limits (SQLite 32,766, PostgreSQL 65,535). */
export const IDS_PER_QUERY = 500;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
