/**
 * The `/tuf/` route's memory of the signed metadata: a write through the same store is served at once, another
 * writer's within the recheck interval, versioned files never read twice, and nothing kept that a write overtook.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetadataCache } from '../../../portal/http/metadata-cache.js';
import { FolderMetadataStore } from '../../../portal/tuf/metadata-store.js';

const RECHECK_MS = 250;
let dir = '';
let store: FolderMetadataStore;
/** Another process's view of the same folder: the CLI publishing beside a running portal. */
let otherWriter: FolderMetadataStore;
const clock = { now: 0 };

function cache(): MetadataCache {
  return new MetadataCache(store, { recheckMs: RECHECK_MS, clock: () => clock.now });
}

async function text(c: MetadataCache, name: string): Promise<string | undefined> {
  return (await c.get(name)).file?.bytes.toString('utf8');
}

/** Counts the store's reads of whole files. */
function countReads(): { reads: string[] } {
  const seen = { reads: [] as string[] };
  const read = store.get.bind(store);
  store.get = (name) => {
    seen.reads.push(name);
    return read(name);
  };
  return seen;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-metadata-cache-'));
  store = new FolderMetadataStore(dir);
  otherWriter = new FolderMetadataStore(dir);
  clock.now = 0;
  await store.put('timestamp.json', Buffer.from('timestamp 1'));
  await store.put('1.root.json', Buffer.from('root 1'));
});

afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the metadata cache', () => {
  it('serves timestamp.json from memory until the change stamp is due again', async () => {
    const c = cache();
    const seen = countReads();
    expect(await text(c, 'timestamp.json')).toBe('timestamp 1');
    clock.now = RECHECK_MS * 10;
    for (let i = 0; i < 5; i++) expect(await text(c, 'timestamp.json')).toBe('timestamp 1');
    expect(seen.reads).toEqual(['timestamp.json']);
  });

  it('serves a write through the same store on the very next request', async () => {
    const c = cache();
    expect(await text(c, 'timestamp.json')).toBe('timestamp 1');
    await store.put('timestamp.json', Buffer.from('timestamp 2'));
    expect(await text(c, 'timestamp.json')).toBe('timestamp 2');
  });

  it('serves another writer’s publish once the recheck interval has passed, and not before', async () => {
    const c = cache();
    expect(await text(c, 'timestamp.json')).toBe('timestamp 1');
    await otherWriter.put('timestamp.json', Buffer.from('timestamp 2, longer'));
    clock.now = RECHECK_MS - 1;
    expect(await text(c, 'timestamp.json')).toBe('timestamp 1');
    clock.now = RECHECK_MS;
    const now = await c.get('timestamp.json');
    expect(now.file?.bytes.toString('utf8')).toBe('timestamp 2, longer');
    expect(now.file?.etag).toBe((await store.get('timestamp.json'))?.etag);
  });

  it('reads a versioned file once, whatever is published after it', async () => {
    const c = cache();
    const seen = countReads();
    expect(await text(c, '1.root.json')).toBe('root 1');
    await store.put('timestamp.json', Buffer.from('timestamp 2'));
    clock.now = RECHECK_MS * 3;
    expect(await text(c, '1.root.json')).toBe('root 1');
    expect(seen.reads.filter((name) => name === '1.root.json')).toHaveLength(1);
  });

  it('finds the next root after another writer rotates, even though the timestamp did not change', async () => {
    const c = cache();
    const probe = await c.get('2.root.json');
    expect(probe).toEqual({ file: undefined, nextRoot: true });
    await otherWriter.put('2.root.json', Buffer.from('root 2'));
    expect((await c.get('2.root.json')).file).toBeUndefined();
    clock.now = RECHECK_MS;
    expect(await text(c, '2.root.json')).toBe('root 2');
  });

  it('does not keep what it read while a write was heard', async () => {
    const c = cache();
    const read = store.get.bind(store);
    let wrote = false;
    // The write lands while the old bytes are on their way back from the store.
    store.get = async (name) => {
      const file = await read(name);
      if (!wrote) {
        wrote = true;
        await store.put('timestamp.json', Buffer.from('timestamp 2'));
      }
      return file;
    };
    expect(await text(c, 'timestamp.json')).toBe('timestamp 1');
    expect(await text(c, 'timestamp.json')).toBe('timestamp 2');
  });
});

describe('the metadata cache of a store several instances serve', () => {
  it('answers each request from a stamp read begun after it arrived, never from one begun before', async () => {
    const c = new MetadataCache(store, { recheckMs: 0, clock: () => clock.now });
    expect(await text(c, 'timestamp.json')).toBe('timestamp 1');
    // The next stamp read is held once it has read the stamp: it began before the other writer's publish.
    const readStamp = store.changeStamp.bind(store);
    let stampRead!: () => void;
    const stampWasRead = new Promise<void>((resolve) => (stampRead = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    store.changeStamp = async () => {
      const stamp = await readStamp();
      if (first) {
        first = false;
        stampRead();
        await held;
      }
      return stamp;
    };
    const early = text(c, 'timestamp.json');
    await stampWasRead;
    await otherWriter.put('timestamp.json', Buffer.from('timestamp 2, from the other instance'));
    // This request arrived after the publish: the read under way cannot answer it.
    const late = text(c, 'timestamp.json');
    release();
    expect(await early).toBe('timestamp 1');
    expect(await late).toBe('timestamp 2, from the other instance');
  });
});
