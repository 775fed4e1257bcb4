/**
 * A few seconds of memory for rows the hot path reads on every request, bounded in size. Whatever makes an entry
 * wrong is told to it (`forget`); a lookup that was reading while something was forgotten does not keep what it
 * read, since that may be from before the change.
 */
export interface BriefCacheOptions {
  ttlMs: number;
  maxEntries: number;
  /** Milliseconds, only ever compared with each other (a monotonic clock; tests may pass their own). */
  clock?: () => number;
}

interface Entry<V> {
  value: V;
  storedAt: number;
}

export class BriefCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly clock: () => number;
  /** Bumped by every forget: a lookup that began before it must not store what it read. */
  private generation = 0;

  constructor(private readonly options: BriefCacheOptions) {
    this.clock = options.clock ?? (() => performance.now());
  }

  /** The value while fresh, else what `load` gives (undefined is not remembered). */
  async lookup(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const entry = this.entries.get(key);
    if (entry !== undefined && this.clock() - entry.storedAt < this.options.ttlMs) return entry.value;
    if (entry !== undefined) this.entries.delete(key);
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && generation === this.generation) this.store(key, value);
    return value;
  }

  /** Replaces a cached value (a detail of it changed) without making it fresher. */
  update(key: string, value: V): void {
    const entry = this.entries.get(key);
    if (entry !== undefined) entry.value = value;
  }

  forget(matches: (value: V, key: string) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) if (matches(entry.value, key)) this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, value: V): void {
    // Maps keep insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, storedAt: this.clock() });
  }
}
