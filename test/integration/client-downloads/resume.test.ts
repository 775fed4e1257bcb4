/**
 * Downloads that are interrupted — by a cut connection at any point, a pause, a crashed process, a file that
 * changed on the server, a server that went down and came back, or the user cancelling — end with the right bytes
 * (or cleanly cancelled), never put a wrong file in the cache, and re-transfer no more than what was missing.
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DownloadState, StateEvent } from '../../../electron/core/downloads/index.js';
import { seededRandom } from '../../support/seeded-random.js';
import {
  dishonestCacheEntries,
  fastManager,
  filesIn,
  MiB,
  packageBytes,
  sha256,
  portalAndCachePerTest,
} from './harness.js';
import { type PortalDouble } from './portal-double.js';

let portal: PortalDouble;
let cache: { dir: string; remove: () => Promise<void> };

portalAndCachePerTest((p, c) => {
  portal = p;
  cache = c;
});

describe('a connection cut at random offsets', () => {
  it('resumes to the right bytes every time, re-transferring at most the missing bytes + 1 MiB (50 seeded runs)', async () => {
    const seed = 20250301;
    const random = seededRandom(seed);
    const bytes = packageBytes(2 * MiB + 12_345);
    const target = portal.host('acme/app-7.0.0.tar.gz', bytes);
    for (let run = 0; run < 50; run += 1) {
      const cuts = Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => 1 + Math.floor(random() * (bytes.length - 1)),
      ).sort((a, b) => a - b);
      const context = `seed ${seed}, run ${run}, cuts ${cuts.join(',')}`;
      portal.requests.length = 0;
      portal.plan.push(...cuts.map((offset) => ({ kind: 'cut-at' as const, offset })));
      const cacheDir = join(cache.dir, `run-${run}`);

      const result = await fastManager(cacheDir).download({ target, url: portal.url(target.name) }).done;

      expect((await readFile(result.path)).equals(bytes), context).toBe(true);
      expect(await dishonestCacheEntries(cacheDir), context).toEqual([]);
      expect(await filesIn(join(cacheDir, 'partial')), context).toEqual([]);
      // Each resume starts no earlier than 1 MiB before where the previous answer was cut.
      let cutAt = 0;
      for (const request of portal.requests) {
        expect(request.start, context).toBeLessThanOrEqual(cutAt);
        expect(cutAt - request.start, context).toBeLessThanOrEqual(MiB);
        cutAt = request.start + request.sent;
      }
      expect(portal.requests.at(-1)!.start + portal.requests.at(-1)!.sent, context).toBe(bytes.length);
      const received = portal.requests.reduce((sum, r) => sum + r.sent, 0);
      expect(result.bytesTransferred, context).toBeLessThanOrEqual(received);
      expect(result.bytesTransferred - bytes.length, context).toBeLessThanOrEqual(cuts.length * MiB);
    }
  });
});

describe('pause and resume', () => {
  it('keeps the part while paused and resumes with a Range request guarded by the ETag', async () => {
    const bytes = packageBytes(3 * MiB);
    const target = portal.host('acme/app-7.1.0.tar.gz', bytes);
    portal.pace = { chunk: 64 * 1024, delayMs: 10 };
    const manager = fastManager(cache.dir);
    const states: DownloadState[] = [];
    manager.on('state', (e) => states.push(e.state));
    const handle = manager.download({ target, url: portal.url(target.name) });
    const paused = new Promise<void>((resolve) => manager.on('state', (e) => e.state === 'paused' && resolve()));
    let pausedOnce = false;
    manager.on('progress', (e) => {
      if (pausedOnce || e.receivedBytes < MiB) return;
      pausedOnce = true;
      handle.pause();
    });

    await paused;
    const part = join(cache.dir, 'partial', `${target.sha256}.part`);
    const kept = (await stat(part)).size;
    const sidecar = JSON.parse(await readFile(`${part}.json`, 'utf8')) as Record<string, unknown>;
    expect(kept).toBeGreaterThanOrEqual(MiB);
    expect(sidecar).toEqual({
      url: portal.url(target.name),
      etag: `"sha256-${target.sha256}"`,
      receivedBytes: kept,
      length: bytes.length,
      sha256: target.sha256,
    });
    // Paused means paused: the answer is abandoned (the server sees its connection close), nothing more is asked for
    // or written.
    await expect.poll(() => portal.active, { timeout: 5_000 }).toBe(0);
    expect(portal.requests).toHaveLength(1);
    expect((await stat(part)).size).toBe(kept);

    handle.resume();
    const result = await handle.done;

    expect((await readFile(result.path)).equals(bytes)).toBe(true);
    expect(portal.requests[1]).toMatchObject({
      range: `bytes=${kept}-`,
      ifRange: `"sha256-${target.sha256}"`,
      status: 206,
    });
    expect(result.bytesTransferred).toBe(bytes.length);
    expect(states).toEqual(['queued', 'downloading', 'paused', 'queued', 'downloading', 'verifying', 'done']);
  });

  it('resumes in a new process what a killed one left, re-hashing the part instead of fetching it again', async () => {
    const bytes = packageBytes(4 * MiB);
    const target = portal.host('acme/app-7.2.0.tar.gz', bytes);
    portal.pace = { chunk: 64 * 1024, delayMs: 15 };
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'test/integration/client-downloads/download-child.ts'),
        JSON.stringify({ cacheDir: cache.dir, url: portal.url(target.name), target }),
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        if (
          buffered
            .split('\n')
            .some((line) => line !== '' && (JSON.parse(line) as { receivedBytes?: number }).receivedBytes! >= 2.5 * MiB)
        )
          resolve();
      });
      child.once('exit', () => reject(new Error('the download process ended before it was killed')));
    });
    child.kill('SIGKILL');
    await exited;
    const kept = (await stat(join(cache.dir, 'partial', `${target.sha256}.part`))).size;
    // What had reached the disk when the process died; the bytes still on their way to it are lost with it.
    expect(kept).toBeGreaterThanOrEqual(MiB);
    portal.pace = undefined;
    const before = portal.requests.length;

    const result = await fastManager(cache.dir).download({ target, url: portal.url(target.name) }).done;

    expect(sha256(await readFile(result.path))).toBe(target.sha256);
    expect(portal.requests.slice(before)).toEqual([
      expect.objectContaining({ range: `bytes=${kept}-`, status: 206, start: kept }),
    ]);
    expect(result.bytesTransferred).toBe(bytes.length - kept);
  });
});

describe('a file that changed on the server between attempts', () => {
  it('is fetched again from byte 0 (If-Range answered with 200) and the result is right', async () => {
    const name = 'acme/app-7.3.0.tar.gz';
    const stale = packageBytes(2 * MiB);
    const staleEtag = `"sha256-${sha256(stale)}"`;
    portal.host(name, stale);
    const fresh = packageBytes(2 * MiB);
    const target = { name, length: fresh.length, sha256: sha256(fresh) };
    portal.plan.push({ kind: 'cut-at', offset: 800 * 1024 });
    portal.beforeAnswer = (index) => index === 1 && void portal.host(name, fresh);

    const result = await fastManager(cache.dir).download({ target, url: portal.url(name) }).done;

    expect((await readFile(result.path)).equals(fresh)).toBe(true);
    expect(portal.requests).toHaveLength(2);
    expect(portal.requests[1]).toMatchObject({ ifRange: staleEtag, status: 200, start: 0 });
    expect(result.bytesTransferred).toBe(portal.requests[0]!.sent + fresh.length);
    expect(await dishonestCacheEntries(cache.dir)).toEqual([]);
  });
});

describe('a server that goes down mid-download', () => {
  it('is waited for, and the download completes from where it was once the server is back on the same port', async () => {
    const bytes = packageBytes(3 * MiB);
    const target = portal.host('acme/app-7.4.0.tar.gz', bytes);
    portal.pace = { chunk: 64 * 1024, delayMs: 5 };
    const manager = fastManager(cache.dir, { request: { retries: 8, backoff: { baseMs: 40, maxMs: 200 } } });
    let downAt = 0;
    let down: Promise<void> | undefined;
    let retriesWhileDown = 0;
    manager.on('progress', (e) => {
      if (down !== undefined || e.receivedBytes < MiB) return;
      downAt = e.receivedBytes;
      down = portal.stop();
    });
    // Back only once the client has found it down: the cut answer's retry, then a refused connection's.
    manager.on('retry', () => {
      if (down === undefined) return;
      retriesWhileDown += 1;
      if (retriesWhileDown === 2) void down.then(() => portal.listen());
    });

    const result = await manager.download({ target, url: portal.url(target.name) }).done;

    expect((await readFile(result.path)).equals(bytes)).toBe(true);
    expect(downAt).toBeGreaterThan(0);
    expect(retriesWhileDown).toBeGreaterThanOrEqual(2);
    const resumed = portal.requests.at(-1)!;
    expect(resumed.status).toBe(206);
    expect(resumed.start).toBeGreaterThanOrEqual(downAt);
    expect(result.bytesTransferred).toBeLessThanOrEqual(bytes.length + MiB);
  });
});

describe('cancel', () => {
  it('stops a running download, deletes its part and rejects with DOWNLOAD_CANCELLED', async () => {
    const target = portal.host('acme/app-7.5.0.tar.gz', packageBytes(3 * MiB));
    portal.pace = { chunk: 64 * 1024, delayMs: 10 };
    const manager = fastManager(cache.dir);
    const states: StateEvent[] = [];
    manager.on('state', (e) => states.push(e));
    const handle = manager.download({ target, url: portal.url(target.name) });
    manager.on('progress', (e) => e.receivedBytes >= 512 * 1024 && handle.cancel());

    await expect(handle.done).rejects.toMatchObject({
      code: 'DOWNLOAD_CANCELLED',
      remedy: expect.stringMatching(/\S/),
    });
    expect(await filesIn(join(cache.dir, 'partial'))).toEqual([]);
    expect(await filesIn(join(cache.dir, 'sha256'))).toEqual([]);
    expect(states.at(-1)).toMatchObject({ state: 'cancelled', error: { code: 'DOWNLOAD_CANCELLED' } });
    // Once cancelled, the same package can be asked for again and arrives whole.
    portal.pace = undefined;
    const again = await manager.download({ target, url: portal.url(target.name) }).done;
    expect(again.sha256).toBe(target.sha256);
  });

  it('of a queued or paused download settles at once, without a request for it', async () => {
    const first = portal.host('acme/app-7.6.0.tar.gz', packageBytes(2 * MiB));
    const second = portal.host('acme/app-7.6.1.tar.gz', packageBytes(MiB));
    portal.pace = { chunk: 64 * 1024, delayMs: 10 };
    const manager = fastManager(cache.dir, { concurrency: 1 });
    const running = manager.download({ target: first, url: portal.url(first.name) });
    const queued = manager.download({ target: second, url: portal.url(second.name) });

    queued.cancel();
    await expect(queued.done).rejects.toMatchObject({ code: 'DOWNLOAD_CANCELLED' });
    const pausedState = new Promise<void>((resolve) =>
      manager.on('state', (e) => e.id === running.id && e.state === 'paused' && resolve()),
    );
    let pausedOnce = false;
    manager.on('progress', (e) => {
      if (pausedOnce || e.receivedBytes < 256 * 1024) return;
      pausedOnce = true;
      running.pause();
    });
    await pausedState;
    expect(await filesIn(join(cache.dir, 'partial'))).toHaveLength(2);
    running.cancel();
    await expect(running.done).rejects.toMatchObject({ code: 'DOWNLOAD_CANCELLED' });

    expect(await filesIn(join(cache.dir, 'partial'))).toEqual([]);
    expect(portal.requests.map((r) => r.start)).toEqual([0]);
  });
});
