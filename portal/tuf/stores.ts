/**
 * What a repository change writes through: the metadata store, the blob store for package bytes, and the lock that
 * keeps writers apart. Callers that name only a folder (the tools and tests of a single repository) get the folder
 * layout of earlier releases: metadata at its top, packages under `targets/`, a lock file beside them.
 */
import type { Readable } from 'node:stream';
import type { BlobInfo, BlobStore, ByteRange } from '../storage/blob-store.js';
import { LocalBlobStore } from '../storage/local-blob-store.js';
import { FileRepositoryLock, type RepositoryLock } from './lock.js';
import { FolderMetadataStore, type MetadataStore } from './metadata-store.js';

export interface RepositoryStores {
  metadata: MetadataStore;
  blobs: BlobStore;
  lock: RepositoryLock;
}

export interface StoreOptions {
  /** The repository folder: where folder metadata, the lock file and (for a local store) packages live. */
  repoDir: string;
  metadata?: MetadataStore | undefined;
  blobs?: BlobStore | undefined;
  lock?: RepositoryLock | undefined;
}

const PACKAGE_PREFIX = 'tuf/';

/**
 * Package keys (`tuf/targets/…`, see packageKey) resolved inside one repository folder, whatever it is called, so
 * that a repository made by `initRepository({ repoDir })` alone keeps its packages at `<repoDir>/targets/…`.
 */
class RepositoryFolderBlobs implements BlobStore {
  readonly kind = 'local';
  private readonly store: LocalBlobStore;

  constructor(repoDir: string) {
    this.store = new LocalBlobStore(repoDir);
  }

  private inner(key: string): string {
    return key.startsWith(PACKAGE_PREFIX) ? key.slice(PACKAGE_PREFIX.length) : key;
  }

  putFile(key: string, path: string): Promise<void> {
    return this.store.putFile(this.inner(key), path);
  }
  putBytes(key: string, bytes: Uint8Array): Promise<void> {
    return this.store.putBytes(this.inner(key), bytes);
  }
  getBytes(key: string): Promise<Buffer> {
    return this.store.getBytes(this.inner(key));
  }
  head(key: string): Promise<BlobInfo | undefined> {
    return this.store.head(this.inner(key));
  }
  openRead(key: string, range?: ByteRange): Promise<Readable> {
    return this.store.openRead(this.inner(key), range);
  }
  delete(key: string): Promise<void> {
    return this.store.delete(this.inner(key));
  }
  localPath(key: string): string | undefined {
    return this.store.localPath(this.inner(key));
  }
  check(): Promise<void> {
    return this.store.check();
  }
}

export function storesFor(options: StoreOptions): RepositoryStores {
  return {
    metadata: options.metadata ?? new FolderMetadataStore(options.repoDir),
    blobs: options.blobs ?? new RepositoryFolderBlobs(options.repoDir),
    lock: options.lock ?? new FileRepositoryLock(options.repoDir),
  };
}
