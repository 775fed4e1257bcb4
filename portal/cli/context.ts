/** What every portal command opens: the data directory, the database (SQLite or DATABASE_URL) and the catalog. */
import type { Kysely } from 'kysely';
import { Catalog } from '../catalog/catalog.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { parsePoolSize, POOL_SIZE_VARIABLE } from '../db/pool-size.js';
import type { Database } from '../db/schema.js';
import { databaseOptions, portalLayout, type PortalLayout } from '../server.js';

export interface CliEnvironment {
  env: Record<string, string | undefined>;
  cwd: string;
  now: () => Date;
  print: (line: string) => void;
}

export interface CommonFlags {
  data?: string | undefined;
  keys?: string | undefined;
}

export function layoutFor(flags: CommonFlags, io: CliEnvironment): PortalLayout {
  const data = flags.data ?? io.env['HICARE_PORTAL_DATA'] ?? `${io.cwd}/portal-data`;
  return portalLayout(data, flags.keys);
}

export async function withStorage<T>(flags: CommonFlags, io: CliEnvironment, fn: (s: { db: Kysely<Database>; catalog: Catalog; layout: PortalLayout }) => Promise<T>): Promise<T> {
  const layout = layoutFor(flags, io);
  const db = openDatabase(databaseOptions(layout.dataDirectory, io.env['DATABASE_URL'], io.env['HICARE_DATABASE_SCHEMA'], parsePoolSize(io.env[POOL_SIZE_VARIABLE])));
  try {
    await migrateToLatest(db);
    return await fn({ db, catalog: new Catalog({ repoDir: layout.repoDir, keysDir: layout.keysDir }), layout });
  } finally {
    await db.destroy();
  }
}
