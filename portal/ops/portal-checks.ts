/** The readiness checks of one portal instance: what must hold for it to take traffic. */
import { sql, type Kysely } from 'kysely';
import { HicareError } from '../../shared/errors.js';
import { MIGRATIONS } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { MetadataStore } from '../tuf/metadata-store.js';
import type { ReadinessCheck } from './readiness.js';

export function databaseReachable(db: Kysely<Database>): ReadinessCheck {
  return {
    name: 'database',
    code: 'STORE_UNAVAILABLE',
    failure: 'The database cannot be reached.',
    run: async () => {
      await sql`select 1`.execute(db);
    },
  };
}

/**
 * The database has every migration this build knows. A newer instance may have migrated further (a rolling upgrade);
 * only a database that lacks one of ours is behind.
 */
export function migrationsCurrent(
  db: Kysely<Database>,
  expected: readonly string[] = Object.keys(MIGRATIONS),
): ReadinessCheck {
  return {
    name: 'migrations',
    code: 'DATABASE_BEHIND',
    failure: 'The database migrations cannot be read.',
    run: async () => {
      const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
      const applied = new Set(rows.map((r) => r.name));
      const missing = expected.filter((name) => !applied.has(name));
      if (missing.length > 0) {
        throw new HicareError('DATABASE_BEHIND.migrationsMissing', { count: missing.length }, { missing });
      }
    },
  };
}

export function storeReachable(store: Pick<BlobStore, 'check'>): ReadinessCheck {
  return {
    name: 'store',
    code: 'STORE_UNAVAILABLE',
    failure: 'The package and attachment store cannot be reached.',
    run: () => store.check(),
  };
}

/** When the signed catalog's timestamp expires; undefined when there is no catalog yet. */
export type TimestampExpiry = () => Promise<Date | undefined>;

/** The catalog is fresh while its timestamp has not expired: past that, every client refuses it. */
export function catalogFresh(expiry: TimestampExpiry, now: () => Date): ReadinessCheck {
  return {
    name: 'catalog',
    code: 'STORE_UNAVAILABLE',
    failure: 'The signed catalog cannot be read.',
    run: async () => {
      const expires = await expiry();
      if (expires === undefined) {
        throw new HicareError('NOT_FOUND.noSignedCatalog');
      }
      if (expires.getTime() <= now().getTime()) {
        const expiredAt = expires.toISOString();
        throw new HicareError('STORE_UNAVAILABLE.timestampExpired', { expiredAt, zone: 'UTC' }, { expiredAt });
      }
    },
  };
}

/** When the timestamp the portal serves expires, read from wherever the signed catalog lives (folder or database). */
export function timestampExpiryIn(metadata: Pick<MetadataStore, 'get'>): TimestampExpiry {
  return async () => {
    const file = await metadata.get('timestamp.json');
    if (file === undefined) return undefined;
    const expires = (JSON.parse(file.bytes.toString('utf8')) as { signed?: { expires?: unknown } }).signed?.expires;
    if (typeof expires !== 'string' || Number.isNaN(Date.parse(expires))) {
      throw new HicareError('TRUST_METADATA_INVALID.timestampExpiry');
    }
    return new Date(expires);
  };
}
