/**
 * The signed metadata the `/tuf/` route serves, held in memory. Every refresh of every client asks for
 * `timestamp.json`, so the hot path must not touch the store: the store's change stamp (a stat of the folder's
 * `timestamp.json`, one primary-key read in the database) is asked at most every `recheckMs`, and a write through the
 * same store object in this process is heard at once. The cache knows nothing of which files a layout has; it goes
 * by the name alone:
 * - a versioned file (`3.snapshot.json`, `7.bins-a.json`…) never changes under consistent snapshots: kept until
 *   evicted;
 * - `timestamp.json` is what the change stamp stands for: kept while the stamp stays the same;
 * - anything else (`root.json`, a file not found, such as the next root every client probes for) is kept until the
 *   next recheck only, since it may change without the timestamp changing (a key rotation).
 *
 * Another process's publish is therefore served within `recheckMs`. A shared database store is different: several
 * instances behind one load balancer serve it, and a client whose refresh goes to both must never get an older
 * timestamp from the second than it just got from the first (TUF refuses that as a rollback). There every request
 * waits for a stamp read that began after it arrived — one read shared by all requests that arrived while the
 * previous one was under way — and only the bytes are kept.
 */
import { onMetadataWrite, type MetadataStore, type StoredMetadata } from '../tuf/metadata-store.js';

/** How stale, at most, this instance's view of another process's publish to a folder store may be. */
export const METADATA_RECHECK_MS = 250;
/** Bytes kept in all; a large file past LARGEST_CACHED is read from the store each time. */
const CACHE_BYTES = 64 * 1024 * 1024;
const LARGEST_CACHED = 16 * 1024 * 1024;
/** Names remembered; bounds the memory that requests for made-up names could take. */
const MAX_ENTRIES = 4096;
/** What a name not found costs in the byte budget (the name and the entry). */
const MISS_SIZE = 256;

/** A file as read, or its absence (with whether it was the probe for the root one past the newest). */
export type MetadataLookup = { file: StoredMetadata } | { file: undefined; nextRoot: boolean };

interface Entry {
  lookup: MetadataLookup;
  size: number;
  /** The recheck this entry is valid for; versioned files are valid for good. */
  epoch: number | 'immutable';
}

export interface MetadataCacheOptions {
  recheckMs?: number;
  /** Milliseconds, only compared with each other (tests pass their own). */
  clock?: () => number;
}

export class MetadataCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Bumped by every recheck and every write heard: entries of an older epoch are not served. */
  private epoch = 0;
  private stamp: string | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | undefined;
  /** The stamp read to begin when the one under way ends (database stores, see freshStamp). */
  private following: Promise<void> | undefined;
  private readonly recheckMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly store: MetadataStore,
    options: MetadataCacheOptions = {},
  ) {
    this.recheckMs = options.recheckMs ?? (store.kind === 'database' ? 0 : METADATA_RECHECK_MS);
    this.clock = options.clock ?? (() => performance.now());
    onMetadataWrite(store, () => this.invalidate());
  }

  async get(name: string): Promise<MetadataLookup> {
    if (this.recheckMs === 0) await this.freshStamp();
    else if (this.clock() - this.checkedAt >= this.recheckMs) await this.recheck();
    const entry = this.entries.get(name);
    if (entry !== undefined && (entry.epoch === 'immutable' || entry.epoch === this.epoch)) return entry.lookup;
    const epoch = this.epoch;
    const file = await this.store.get(name);
    const lookup: MetadataLookup =
      file === undefined ? { file: undefined, nextRoot: await isNextRoot(this.store, name) } : { file };
    // Read while a write was heard: it may be the bytes from before it, so it is served but not kept.
    if (epoch === this.epoch) this.keep(name, lookup, /^\d/.test(name) && file !== undefined ? 'immutable' : epoch);
    return lookup;
  }

  /** Everything that may have changed is read again on the next request. */
  invalidate(): void {
    this.epoch += 1;
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  /** A stamp read begun after this call: the one under way began earlier, so the next one is awaited. */
  private freshStamp(): Promise<void> {
    if (this.checking === undefined) return this.recheck();
    this.following ??= this.checking.then(() => {
      this.following = undefined;
      return this.recheck();
    });
    return this.following;
  }

  private recheck(): Promise<void> {
    this.checking ??= this.readStamp().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async readStamp(): Promise<void> {
    const epoch = this.epoch;
    const stamp = await this.store.changeStamp();
    this.checkedAt = this.clock();
    const before = this.epoch;
    this.epoch += 1;
    // The timestamp stays valid while its stamp does, unless a write was heard while the stamp was being read.
    const timestamp = this.entries.get('timestamp.json');
    if (stamp === this.stamp && epoch === before && timestamp !== undefined && timestamp.epoch === before)
      timestamp.epoch = this.epoch;
    this.stamp = stamp;
  }

  private keep(name: string, lookup: MetadataLookup, epoch: Entry['epoch']): void {
    const size = lookup.file === undefined ? MISS_SIZE : lookup.file.bytes.length;
    if (size > LARGEST_CACHED) return;
    this.drop(name);
    while ((this.bytes + size > CACHE_BYTES || this.entries.size >= MAX_ENTRIES) && this.entries.size > 0) {
      // Maps keep insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.drop(oldest.value);
    }
    this.entries.set(name, { lookup, size, epoch });
    this.bytes += size;
  }

  private drop(name: string): void {
    const entry = this.entries.get(name);
    if (entry === undefined) return;
    this.entries.delete(name);
    this.bytes -= entry.size;
  }
}

/** Whether `name` is the root one past the newest, the probe every client makes after a refresh. */
async function isNextRoot(store: MetadataStore, name: string): Promise<boolean> {
  const match = /^(\d+)\.root\.json$/.exec(name);
  if (match === null || Number(match[1]) < 2) return false;
  return (await store.sha256Of(`${Number(match[1]) - 1}.root.json`)) !== undefined;
}
