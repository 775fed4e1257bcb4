/**
 * The one place that decides where the signed catalog lives. On PostgreSQL the portal is shared by several instances:
 * its metadata is in the database (every instance serves the same bytes) and writers take an advisory lock. On SQLite
 * one process owns the data directory: metadata stays in `<data>/tuf` as files, with a lock file beside them.
 */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { dialectOf } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import type { BlobStore } from '../storage/blob-store.js';
import { LocalBlobStore } from '../storage/local-blob-store.js';
import type { KeyDirs } from '../tuf/keys.js';
import { AdvisoryRepositoryLock, FileRepositoryLock, type LockOptions } from '../tuf/lock.js';
import { DatabaseMetadataStore, FolderMetadataStore } from '../tuf/metadata-store.js';
import { Catalog } from './catalog.js';

export interface OpenCatalogOptions {
  db: Kysely<Database>;
  dataDirectory: string;
  keysDir: KeyDirs;
  /** Package bytes; a LocalBlobStore on the data directory (packages under `<data>/tuf/targets/`) when absent. */
  blobs?: BlobStore | undefined;
  /** How long a writer waits for another (see LockOptions). */
  lockWaitMs?: number | undefined;
}

export function openCatalog(options: OpenCatalogOptions): Catalog {
  const repoDir = join(options.dataDirectory, 'tuf');
  const blobs = options.blobs ?? new LocalBlobStore(options.dataDirectory);
  const wait: LockOptions = options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs };
  if (dialectOf(options.db) === 'postgres') {
    return new Catalog({
      repoDir,
      keysDir: options.keysDir,
      blobs,
      metadata: new DatabaseMetadataStore(options.db),
      lock: new AdvisoryRepositoryLock(options.db, wait),
    });
  }
  return new Catalog({
    repoDir,
    keysDir: options.keysDir,
    blobs,
    metadata: new FolderMetadataStore(repoDir),
    lock: new FileRepositoryLock(repoDir, wait),
  });
}
