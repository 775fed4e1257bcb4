/**
 * The download manager against a portal-like server on loopback: what a user sees of a normal download, of a
 * package already in the cache, of a damaged cache, of the same package asked for twice and of many at once.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DownloadState, ProgressEvent, StateEvent } from '../../../electron/core/downloads/index.js';
import { codeOf } from '../../support.js';
import { dishonestCacheEntries, fastManager, filesIn, MiB, packageBytes, portalAndCachePerTest } from './harness.js';
import { type PortalDouble } from './portal-double.js';

let portal: PortalDouble;
let cache: { dir: string; remove: () => Promise<void> };

portalAndCachePerTest((p, c) => {
  portal = p;
  cache = c;
});

describe('a download', () => {
  it('lands verified in the content-addressed cache, with throttled progress and the states in order', async () => {
    const bytes = packageBytes(3 * MiB);
    const target = portal.host('acme/app-2.1.0.tar.gz', bytes);
    // About a second of transfer, so that progress is reported several times.
    portal.pace = { chunk: 64 * 1024, delayMs: 20 };
    const manager = fastManager(cache.dir, { request: { headers: async () => ({ authorization: 'Bearer t0ken' }) } });
    const progress: ProgressEvent[] = [];
    const states: DownloadState[] = [];
    manager.on('progress', (e) => progress.push(e));
    manager.on('state', (e) => states.push(e.state));

    const handle = manager.download({ target, url: portal.url(target.name) });
    const result = await handle.done;

    expect(result).toEqual({
      path: join(cache.dir, 'sha256', target.sha256),
      sha256: target.sha256,
      length: bytes.length,
      fromCache: false,
      bytesTransferred: bytes.length,
    });
    expect((await readFile(result.path)).equals(bytes)).toBe(true);
    expect(states).toEqual(['queued', 'downloading', 'verifying', 'done']);
    expect(await filesIn(join(cache.dir, 'partial'))).toEqual([]);
    expect(portal.requests.map((r) => r.authorization)).toEqual(['Bearer t0ken']);

    // At most ~10 reports a second: a second-long download gives a handful, not one per chunk.
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.length).toBeLessThanOrEqual(20);
    for (const [i, e] of progress.entries()) {
      expect(e).toMatchObject({ id: handle.id, name: target.name, totalBytes: bytes.length });
      if (i > 0) expect(e.receivedBytes).toBeGreaterThanOrEqual(progress[i - 1]!.receivedBytes);
    }
    const last = progress.at(-1)!;
    expect(last.receivedBytes).toBe(bytes.length);
    expect(last.etaSeconds).toBe(0);
    const middle = progress[Math.floor(progress.length / 2)]!;
    expect(middle.bytesPerSecond).toBeGreaterThan(0);
    expect(middle.etaSeconds).not.toBeNull();
  });

  it('is served from the cache without any request when the package is already there', async () => {
    const target = portal.host('acme/app-2.1.1.tar.gz', packageBytes(512 * 1024));
    const manager = fastManager(cache.dir);
    const first = await manager.download({ target, url: portal.url(target.name) }).done;
    const states: StateEvent[] = [];
    manager.on('state', (e) => states.push(e));

    const again = await manager.download({ target, url: portal.url(target.name) }).done;

    expect(again).toEqual({ ...first, fromCache: true, bytesTransferred: 0 });
    expect(portal.requests).toHaveLength(1);
    expect(states.map((s) => s.state)).toEqual(['queued', 'verifying', 'done']);
  });

  it('quarantines a damaged cached copy and downloads the package again', async () => {
    const bytes = packageBytes(256 * 1024);
    const target = portal.host('acme/app-2.1.2.tar.gz', bytes);
    const manager = fastManager(cache.dir);
    await manager.download({ target, url: portal.url(target.name) }).done;
    // Same length, other bytes: only hashing again can tell.
    await writeFile(join(cache.dir, 'sha256', target.sha256), packageBytes(bytes.length));

    const result = await manager.download({ target, url: portal.url(target.name) }).done;

    expect(result.fromCache).toBe(false);
    expect((await readFile(result.path)).equals(bytes)).toBe(true);
    expect(await filesIn(join(cache.dir, 'quarantine'))).toHaveLength(1);
    expect(await dishonestCacheEntries(cache.dir)).toEqual([]);
    expect(portal.requests).toHaveLength(2);
  });

  it('gives the same handle to the same package asked for twice while in flight', async () => {
    const target = portal.host('acme/app-2.2.0.tar.gz', packageBytes(MiB));
    portal.pace = { chunk: 64 * 1024, delayMs: 5 };
    const manager = fastManager(cache.dir);

    const first = manager.download({ target, url: portal.url(target.name) });
    const second = manager.download({ target, url: portal.url(target.name) });

    expect(second).toBe(first);
    await first.done;
    expect(portal.requests).toHaveLength(1);
  });

  it('never runs more downloads at once than asked', async () => {
    const targets = Array.from({ length: 6 }, (_, i) =>
      portal.host(`acme/tool-1.${i}.0.tar.gz`, packageBytes(512 * 1024)),
    );
    portal.pace = { chunk: 64 * 1024, delayMs: 10 };
    const manager = fastManager(cache.dir, { concurrency: 2 });
    let downloading = 0;
    let most = 0;
    manager.on('state', (e) => {
      if (e.state === 'downloading') most = Math.max(most, ++downloading);
      if (e.state === 'verifying') downloading -= 1;
    });

    const results = await Promise.all(
      targets.map((target) => manager.download({ target, url: portal.url(target.name) }).done),
    );

    expect(results.map((r) => r.sha256)).toEqual(targets.map((t) => t.sha256));
    expect(portal.maxActive).toBe(2);
    expect(most).toBe(2);
    expect(await dishonestCacheEntries(cache.dir)).toEqual([]);
  });

  it('refuses a malformed job at once', () => {
    const manager = fastManager(cache.dir);
    const url = portal.url('x');
    expect(codeOf(() => manager.download({ target: { name: 'x', length: 1, sha256: 'not-a-hash' }, url }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      codeOf(() => manager.download({ target: { name: 'x', length: 1, sha256: '../'.repeat(21) + 'a' }, url })),
    ).toBe('INVALID_INPUT');
    expect(codeOf(() => manager.download({ target: { name: 'x', length: -1, sha256: 'a'.repeat(64) }, url }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      codeOf(() =>
        manager.download({ target: { name: 'x', length: 1, sha256: 'a'.repeat(64) }, url: 'file:///etc/passwd' }),
      ),
    ).toBe('INVALID_INPUT');
    expect(codeOf(() => fastManager(cache.dir, { concurrency: 0 }))).toBe('INVALID_INPUT');
  });
});
