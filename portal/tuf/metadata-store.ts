/**
 * Where the signed catalog's metadata files live. One interface, two stores: a folder (the embedded default, one
 * portal process, files any web server could serve) and the database (instances that share nothing on disk, so a
 * client refreshing through two instances sees one repository). Publishing, the catalog and the `/tuf/` route go
 * through this interface and never ask which store they have.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { HicareError } from '../../shared/errors.js';
import type { Database } from '../db/schema.js';
import { asStoreError, insufficientSpace } from '../storage/space-error.js';
import { writeFileAtomic } from './atomic-file.js';

export interface StoredMetadata {
  bytes: Buffer;
  /** Lower-case hex SHA-256 of `bytes`. */
  sha256: string;
  /** `"sha256-<hex>"`: the same for the same bytes on every instance. */
  etag: string;
}

export interface MetadataStore {
  readonly kind: 'folder' | 'database';
  get(name: string): Promise<StoredMetadata | undefined>;
  /** The SHA-256 of what is stored under `name`, without the bytes where the store can say it cheaply. */
  sha256Of(name: string): Promise<string | undefined>;
  /** Replaces the file whole: a reader sees the old bytes or the new, never a mix. */
  put(name: string, bytes: Buffer): Promise<void>;
  list(): Promise<string[]>;
  delete(name: string): Promise<void>;
  /**
   * A value that changes whenever `timestamp.json` does (every publish and re-sign ends by writing it), cheap enough
   * to ask every second; undefined while there is no repository.
   */
  changeStamp(): Promise<string | undefined>;
}

/**
 * Metadata file names: a role, a product's delegated role (`product.<product id>`) or one of its hash bins
 * (`product.<product id>.bin-<hex>`), optionally
 * versioned. Nothing else is ever stored or served.
 */
export const METADATA_NAME =
  /^(?:[1-9][0-9]{0,9}\.)?(?:root|timestamp|snapshot|targets|product\.[a-z0-9][a-z0-9-]{0,63}(?:\.bin-[0-9a-f]{1,4})?)\.json$/;

export function etagFor(sha256: string): string {
  return `"sha256-${sha256}"`;
}

type WriteListener = () => void;
const writeListeners = new WeakMap<MetadataStore, Set<WriteListener>>();

/**
 * Calls `listener` after every write or delete made through this store object, so that a cache in the same process
 * sees a publish at once; writes by other processes are only seen through `changeStamp`.
 */
export function onMetadataWrite(store: MetadataStore, listener: WriteListener): () => void {
  let set = writeListeners.get(store);
  if (set === undefined) {
    set = new Set();
    writeListeners.set(store, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

function announceWrite(store: MetadataStore): void {
  for (const listener of [...(writeListeners.get(store) ?? [])]) listener();
}

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function assertName(name: string): void {
  if (!METADATA_NAME.test(name)) {
    throw new HicareError('INTERNAL.tufMetadataName', { name: name.slice(0, 80) }, { name });
  }
}

/** The folder layout of earlier releases: `<data>/tuf/<name>`, written atomically. */
export class FolderMetadataStore implements MetadataStore {
  readonly kind = 'folder';
  // Hashing is paid once per file version: the identity changes whenever a write renames a new file into place.
  private readonly hashes = new Map<string, { identity: string; sha256: string }>();

  constructor(readonly repoDir: string) {}

  private identity(info: { ino: number; size: number; mtimeMs: number; ctimeMs: number }): string {
    return `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
  }

  private async statOf(
    name: string,
  ): Promise<{ ino: number; size: number; mtimeMs: number; ctimeMs: number } | undefined> {
    assertName(name);
    try {
      const info = await stat(join(this.repoDir, name));
      return info.isFile() ? info : undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  }

  async get(name: string): Promise<StoredMetadata | undefined> {
    const before = await this.statOf(name);
    if (before === undefined) return undefined;
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.repoDir, name));
    } catch (error) {
      // Pruned between the stat and the read: as good as never there.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const sha256 = sha256Hex(bytes);
    if (bytes.length === before.size) this.remember(name, this.identity(before), sha256);
    return { bytes, sha256, etag: etagFor(sha256) };
  }

  async sha256Of(name: string): Promise<string | undefined> {
    const info = await this.statOf(name);
    if (info === undefined) return undefined;
    const known = this.hashes.get(name);
    if (known?.identity === this.identity(info)) return known.sha256;
    return (await this.get(name))?.sha256;
  }

  private remember(name: string, identity: string, sha256: string): void {
    if (this.hashes.size >= 1024) this.hashes.clear();
    this.hashes.set(name, { identity, sha256 });
  }

  async put(name: string, bytes: Buffer): Promise<void> {
    assertName(name);
    try {
      await writeFileAtomic(join(this.repoDir, name), bytes);
    } catch (error) {
      throw asStoreError(error, 'the signed catalog');
    }
    announceWrite(this);
  }

  async list(): Promise<string[]> {
    try {
      return (await readdir(this.repoDir)).filter((entry) => METADATA_NAME.test(entry)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async delete(name: string): Promise<void> {
    assertName(name);
    await rm(join(this.repoDir, name), { force: true });
    announceWrite(this);
  }

  async changeStamp(): Promise<string | undefined> {
    const info = await this.statOf('timestamp.json');
    return info === undefined ? undefined : this.identity(info);
  }
}

/** Rows of `tuf_metadata`, on SQLite or PostgreSQL alike. */
export class DatabaseMetadataStore implements MetadataStore {
  readonly kind = 'database';

  constructor(private readonly db: Kysely<Database>) {}

  async get(name: string): Promise<StoredMetadata | undefined> {
    assertName(name);
    const row = await this.db
      .selectFrom('tuf_metadata')
      .select(['bytes', 'sha256'])
      .where('name', '=', name)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    // better-sqlite3 answers a Buffer, pg a Buffer too; a Uint8Array from any other driver is wrapped without a copy.
    const bytes = Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes as Uint8Array);
    return { bytes, sha256: row.sha256, etag: etagFor(row.sha256) };
  }

  async sha256Of(name: string): Promise<string | undefined> {
    assertName(name);
    const row = await this.db.selectFrom('tuf_metadata').select('sha256').where('name', '=', name).executeTakeFirst();
    return row?.sha256;
  }

  async put(name: string, bytes: Buffer): Promise<void> {
    assertName(name);
    const row = { name, bytes, sha256: sha256Hex(bytes), updated_at: new Date().toISOString() };
    try {
      await this.db
        .insertInto('tuf_metadata')
        .values(row)
        .onConflict((c) =>
          c.column('name').doUpdateSet({ bytes: row.bytes, sha256: row.sha256, updated_at: row.updated_at }),
        )
        .execute();
    } catch (error) {
      // 53100 is PostgreSQL's disk_full.
      if ((error as { code?: unknown }).code === '53100') throw insufficientSpace('the signed catalog');
      throw asStoreError(error, 'the signed catalog');
    }
    announceWrite(this);
  }

  async list(): Promise<string[]> {
    const rows = await this.db.selectFrom('tuf_metadata').select('name').orderBy('name').execute();
    return rows.map((r) => r.name);
  }

  async delete(name: string): Promise<void> {
    assertName(name);
    await this.db.deleteFrom('tuf_metadata').where('name', '=', name).execute();
    announceWrite(this);
  }

  async changeStamp(): Promise<string | undefined> {
    return this.sha256Of('timestamp.json');
  }
}
