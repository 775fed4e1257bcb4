/**
 * A server that does not send the published package, refuses it, fails, lies about ranges or falls silent: the
 * download ends with the coded error a user can act on, nothing unverified reaches the cache, and only failures
 * worth retrying are retried.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RetryEvent } from '../../../electron/core/downloads/index.js';
import { dishonestCacheEntries, fastManager, filesIn, MiB, packageBytes, portalAndCachePerTest } from './harness.js';
import { type PortalDouble } from './portal-double.js';

let portal: PortalDouble;
let cache: { dir: string; remove: () => Promise<void> };

portalAndCachePerTest((p, c) => {
  portal = p;
  cache = c;
});

async function expectNothingKept(): Promise<void> {
  expect(await filesIn(join(cache.dir, 'sha256'))).toEqual([]);
  expect(await filesIn(join(cache.dir, 'partial'))).toEqual([]);
}

describe('a server sending more than the target', () => {
  it('is stopped by the byte count when it does not announce a length (LENGTH_EXCEEDED)', async () => {
    const target = portal.host('acme/app-3.0.0.tar.gz', packageBytes(2 * MiB));
    portal.always = { kind: 'extra', bytes: 64 * MiB, announce: false };
    const done = fastManager(cache.dir).download({ target, url: portal.url(target.name) }).done;

    await expect(done).rejects.toMatchObject({ code: 'LENGTH_EXCEEDED', remedy: expect.stringMatching(/\S/) });
    await expectNothingKept();
    expect(portal.requests).toHaveLength(1);
    // The flood was cut off long before the 64 MiB were sent.
    expect(portal.requests[0]!.sent).toBeLessThan(2 * MiB + 16 * MiB);
  });

  it('is refused from its Content-Length before a byte is written (LENGTH_EXCEEDED)', async () => {
    const target = portal.host('acme/app-3.0.1.tar.gz', packageBytes(MiB));
    portal.always = { kind: 'extra', bytes: 10, announce: true };
    await expect(fastManager(cache.dir).download({ target, url: portal.url(target.name) }).done).rejects.toMatchObject({
      code: 'LENGTH_EXCEEDED',
    });
    await expectNothingKept();
  });
});

describe('a server sending other bytes', () => {
  it('ends in HASH_MISMATCH naming both hashes, with the bytes quarantined and nothing in the cache', async () => {
    const target = portal.host('acme/app-3.1.0.tar.gz', packageBytes(MiB));
    portal.always = { kind: 'corrupt', at: 12345 };
    const done = fastManager(cache.dir).download({ target, url: portal.url(target.name) }).done;

    await expect(done).rejects.toMatchObject({
      code: 'HASH_MISMATCH',
      message: expect.stringContaining(target.sha256),
      remedy: expect.stringMatching(/\S/),
    });
    const error = (await done.catch((e: unknown) => e)) as { message: string; details: { actual: string } };
    expect(error.message).toContain(error.details.actual);
    await expectNothingKept();
    const quarantined = await filesIn(join(cache.dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatch(new RegExp(`^${target.sha256}-`));
  });
});

describe('a portal refusing the package', () => {
  it('passes its coded error through and does not retry a 4xx', async () => {
    const target = portal.host('acme/app-4.0.0.tar.gz', packageBytes(1024));
    const refusal = {
      code: 'UPGRADE_REQUIRES_UPGRADE_SUPPORT',
      message: 'Version 4 is an upgrade; your contract covers updates only.',
      remedy: 'Move to Upgrade Support to get new major versions.',
    };
    portal.always = { kind: 'status', status: 403, body: refusal };
    const retries: RetryEvent[] = [];
    const manager = fastManager(cache.dir);
    manager.on('retry', (e) => retries.push(e));

    await expect(manager.download({ target, url: portal.url(target.name) }).done).rejects.toMatchObject(refusal);
    expect(portal.requests).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('says PORTAL_ERROR for a 4xx without a coded body', async () => {
    const target = portal.host('acme/app-4.0.1.tar.gz', packageBytes(1024));
    portal.always = { kind: 'status', status: 410, body: 'gone' };
    await expect(fastManager(cache.dir).download({ target, url: portal.url(target.name) }).done).rejects.toMatchObject({
      code: 'PORTAL_ERROR',
      remedy: expect.stringMatching(/\S/),
    });
    expect(portal.requests).toHaveLength(1);
  });
});

describe('a failing server', () => {
  it('is retried with backoff after 500s, and the download then succeeds', async () => {
    const target = portal.host('acme/app-5.0.0.tar.gz', packageBytes(MiB));
    portal.plan.push({ kind: 'status', status: 500 }, { kind: 'status', status: 503 }, { kind: 'status', status: 429 });
    const manager = fastManager(cache.dir);
    const retries: RetryEvent[] = [];
    manager.on('retry', (e) => retries.push(e));

    const result = await manager.download({ target, url: portal.url(target.name) }).done;

    expect(result.sha256).toBe(target.sha256);
    expect(portal.requests.map((r) => r.status)).toEqual([500, 503, 429, 200]);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    // Exponential: each wait is at least half of a step that doubles.
    expect(retries[2]!.delayMs).toBeGreaterThanOrEqual(10);
  });

  it('ends in DOWNLOAD_FAILED with the last cause when it keeps failing', async () => {
    const target = portal.host('acme/app-5.0.1.tar.gz', packageBytes(1024));
    portal.always = { kind: 'status', status: 502 };
    const done = fastManager(cache.dir, { request: { retries: 2 } }).download({
      target,
      url: portal.url(target.name),
    }).done;
    await expect(done).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      message: expect.stringContaining('502'),
      remedy: expect.stringMatching(/\S/),
    });
    expect(portal.requests).toHaveLength(3);
  });

  it('that answers a range with other bytes than asked is a protocol error, not retried', async () => {
    const bytes = packageBytes(MiB);
    const target = portal.host('acme/app-5.1.0.tar.gz', bytes);
    portal.plan.push(
      { kind: 'cut', after: 300 * 1024 },
      { kind: 'content-range', value: `bytes 0-${bytes.length - 1}/${bytes.length}` },
    );
    const done = fastManager(cache.dir).download({ target, url: portal.url(target.name) }).done;
    await expect(done).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      message: expect.stringMatching(/from byte \d+ with bytes from 0/),
    });
    expect(portal.requests).toHaveLength(2);
    expect(await filesIn(join(cache.dir, 'sha256'))).toEqual([]);
  });

  it('that announces another total in its range is a protocol error', async () => {
    const bytes = packageBytes(MiB);
    const target = portal.host('acme/app-5.1.1.tar.gz', bytes);
    portal.plan.push(
      { kind: 'cut', after: 300 * 1024 },
      { kind: 'content-range', value: `bytes ${300 * 1024}-${bytes.length - 1}/${bytes.length + 5}` },
    );
    await expect(fastManager(cache.dir).download({ target, url: portal.url(target.name) }).done).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      message: expect.stringContaining('signed catalog'),
    });
  });

  it('that stalls ends in TIMEOUT', async () => {
    const target = portal.host('acme/app-5.2.0.tar.gz', packageBytes(1024));
    portal.always = { kind: 'stall' };
    const done = fastManager(cache.dir, { request: { timeoutMs: 200, retries: 1 } }).download({
      target,
      url: portal.url(target.name),
    }).done;
    await expect(done).rejects.toMatchObject({ code: 'TIMEOUT', remedy: expect.stringMatching(/\S/) });
    expect(portal.requests).toHaveLength(2);
  });
});

describe('no server at all', () => {
  it('ends in OFFLINE after the retries', async () => {
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const target = { name: 'acme/app-6.0.0.tar.gz', length: 10, sha256: 'a'.repeat(64) };
    const manager = fastManager(cache.dir, { request: { retries: 2 } });
    const retries: RetryEvent[] = [];
    manager.on('retry', (e) => retries.push(e));
    await expect(manager.download({ target, url: `http://127.0.0.1:${port}/p` }).done).rejects.toMatchObject({
      code: 'OFFLINE',
      remedy: expect.stringMatching(/\S/),
    });
    expect(retries).toHaveLength(2);
    expect(await dishonestCacheEntries(cache.dir)).toEqual([]);
  });
});
