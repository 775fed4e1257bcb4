/** What every portal command opens: the data directory, the database (SQLite or DATABASE_URL) and the catalog. */
import type { Kysely } from 'kysely';
import type { Catalog } from '../catalog/catalog.js';
import { openCatalog } from '../catalog/open-catalog.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { parsePoolSize, POOL_SIZE_VARIABLE } from '../db/pool-size.js';
import type { Database } from '../db/schema.js';
import type { BlobStore } from '../storage/blob-store.js';
import { blobStoreFromEnv } from '../storage/config.js';
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

export async function withStorage<T>(
  flags: CommonFlags,
  io: CliEnvironment,
  fn: (s: { db: Kysely<Database>; catalog: Catalog; layout: PortalLayout }) => Promise<T>,
): Promise<T> {
  const layout = layoutFor(flags, io);
  const db = openDatabase(
    databaseOptions(
      layout.dataDirectory,
      io.env['DATABASE_URL'],
      io.env['HICARE_DATABASE_SCHEMA'],
      parsePoolSize(io.env[POOL_SIZE_VARIABLE]),
    ),
  );
  try {
    await migrateToLatest(db);
    return await fn({
      db,
      catalog: openCatalog({
        db,
        dataDirectory: layout.dataDirectory,
        keysDir: layout.keysDir,
        blobs: blobStoreFor(layout, io),
      }),
      layout,
    });
  } finally {
    await db.destroy();
  }
}

/**
 * On PostgreSQL the portal is shared by several machines: the signer alone signs, and the CLI hands it publish jobs
 * instead of signing itself. On SQLite one machine does everything.
 */
export function isSharedDatabase(env: CliEnvironment['env']): boolean {
  const url = env['DATABASE_URL'];
  return url !== undefined && url !== '';
}

/** The store packages and attachments go through, as the environment configures it (the data directory by default). */
export function blobStoreFor(layout: PortalLayout, io: Pick<CliEnvironment, 'env'>): BlobStore {
  return blobStoreFromEnv(io.env, layout.dataDirectory);
}
