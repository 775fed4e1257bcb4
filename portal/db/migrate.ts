/**
 * The one list of migrations, for SQLite and PostgreSQL alike. Migrations are compiled into the portal (no directory
 * scanning), so a bundled or relocated build migrates exactly what it was built with.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { HicareError } from '../../shared/errors.js';
import { dialectOf } from './connection.js';
import * as core from './migrations/0001_core.js';
import * as catalog from './migrations/0002_catalog.js';
import * as requests from './migrations/0003_requests.js';
import * as installedVersions from './migrations/0004_installed_versions.js';
import * as requestSolutions from './migrations/0005_request_solutions.js';
import * as tufMetadata from './migrations/0006_tuf_metadata.js';
import * as requestEvents from './migrations/0007_request_events.js';
import * as publishJobs from './migrations/0009_publish_jobs.js';
import * as accountLanguage from './migrations/0010_account_language.js';
import * as adminAudit from './migrations/0011_admin_audit.js';
import * as systemRetirement from './migrations/0012_system_retirement.js';
import * as contractStartBasis from './migrations/0013_contract_start_basis.js';
import * as regions from './migrations/0014_regions.js';
import * as releaseWithdrawals from './migrations/0015_release_withdrawals.js';
import * as mail from './migrations/0016_mail.js';
import * as kbGeneration from './migrations/0017_kb_generation.js';
import * as articleRevisions from './migrations/0018_article_revisions.js';
import * as community from './migrations/0019_community.js';
import * as statementJobs from './migrations/0020_statement_jobs.js';
import type { Database } from './schema.js';

/**
 * In order. Names sort the way they apply; never rename or edit one that has shipped: add the next instead.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_core': core,
  '0002_catalog': catalog,
  '0003_requests': requests,
  '0004_installed_versions': installedVersions,
  '0005_request_solutions': requestSolutions,
  '0006_tuf_metadata': tufMetadata,
  '0007_request_events': requestEvents,
  '0009_publish_jobs': publishJobs,
  '0010_account_language': accountLanguage,
  '0011_admin_audit': adminAudit,
  '0012_system_retirement': systemRetirement,
  '0013_contract_start_basis': contractStartBasis,
  '0014_regions': regions,
  '0015_release_withdrawals': releaseWithdrawals,
  '0016_mail': mail,
  '0017_kb_generation': kbGeneration,
  '0018_article_revisions': articleRevisions,
  '0019_community': community,
  '0020_statement_jobs': statementJobs,
};

/**
 * Kysely runs PostgreSQL migrations in a transaction but not SQLite ones, although SQLite's DDL is transactional too:
 * wrapping them means a failed migration leaves no half-built schema behind on either dialect.
 */
function inTransaction(migration: Migration): Migration {
  const { up, down } = migration;
  const wrapped: Migration = { up: (db) => db.transaction().execute((trx) => up(trx)) };
  if (down !== undefined) wrapped.down = (db) => db.transaction().execute((trx) => down(trx));
  return wrapped;
}

function providerFor(wrap: (m: Migration) => Migration): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve(Object.fromEntries(Object.entries(MIGRATIONS).map(([name, m]) => [name, wrap(m)]))),
  };
}

async function migratorFor(db: Kysely<Database>): Promise<Migrator> {
  if (dialectOf(db) === 'sqlite') return new Migrator({ db, provider: providerFor(inTransaction) });
  const provider = providerFor((m) => m);
  // Kysely looks for its bookkeeping tables in every schema unless told which one; pin it to the schema this
  // connection works in, so that two portals (or two test runs) in one database keep separate histories.
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (schema === null || schema === undefined) {
    throw new HicareError('INTERNAL.dbNoCurrentSchema');
  }
  return new Migrator({ db, provider, migrationTableSchema: schema });
}

/** Applies every pending migration and returns the names applied (none when the database is up to date). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = await migratorFor(db);
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? null;
    const reason = error instanceof Error ? error.message : String(error);
    // The driver's words stay in the details and the cause, for the log: the operator reads the portal's.
    const coded =
      failed === null
        ? new HicareError('INTERNAL.dbNotMigrated', {}, { migration: failed, reason })
        : new HicareError('INTERNAL.dbMigrationFailed', { migration: failed }, { migration: failed, reason });
    coded.cause = error;
    throw coded;
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export interface MigrationStatus {
  /** Names recorded as applied, in the order they apply. */
  applied: string[];
  /** This build's migrations the database has not had yet. */
  pending: string[];
  /** Applied names this build does not know: the database was migrated by a newer portal. */
  unknown: string[];
}

// Kysely's bookkeeping table, read directly: its Migrator refuses to even list migrations when the database holds
// names it was not given, and that is exactly the case to report.
const MIGRATION_TABLE = 'kysely_migration';

async function appliedNames(db: Kysely<Database>): Promise<string[]> {
  const exists =
    dialectOf(db) === 'postgres'
      ? sql<{
          found: string | null;
        }>`select to_regclass(quote_ident(current_schema()) || '.' || ${MIGRATION_TABLE})::text as found`
      : sql<{
          found: string | null;
        }>`select name as found from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`;
  const { rows } = await exists.execute(db);
  if (rows[0]?.found === null || rows[0]?.found === undefined) return [];
  const applied = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return applied.rows.map((r) => r.name);
}

/** Where the database stands against this build's migrations (for /readyz, `serve` and `migrate`). */
export async function migrationStatus(db: Kysely<Database>): Promise<MigrationStatus> {
  const applied = await appliedNames(db);
  const known = Object.keys(MIGRATIONS);
  return {
    applied,
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}

/**
 * Refuses a database this build cannot work on as it is: one missing migrations (the operator runs `migrate`, once,
 * instead of every instance racing to change the schema at start), or one a newer portal has migrated past.
 */
export async function requireCurrentSchema(db: Kysely<Database>): Promise<void> {
  const status = await migrationStatus(db);
  if (status.unknown.length > 0) {
    throw new HicareError(
      'DATABASE_AHEAD.dbNewer',
      { unknown: status.unknown.join(', ') },
      { unknown: status.unknown },
    );
  }
  if (status.pending.length > 0) {
    throw new HicareError(
      'DATABASE_BEHIND.dbPending',
      { count: status.pending.length, pending: status.pending.join(', ') },
      { pending: status.pending },
    );
  }
}

/** Applies what is pending, after refusing a database a newer portal has migrated (see requireCurrentSchema). */
export async function migrateExplicitly(db: Kysely<Database>): Promise<string[]> {
  const { unknown } = await migrationStatus(db);
  if (unknown.length > 0) await requireCurrentSchema(db);
  return migrateToLatest(db);
}
