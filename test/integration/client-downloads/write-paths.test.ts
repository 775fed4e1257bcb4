/**
 * The ways a package's bytes reach the disk and the hash: hashed on a thread of its own or inline, written with
 * O_DIRECT or through the page cache, in blocks aligned or not. Whichever way is taken, the digest is node:crypto's
 * for the same bytes, the file holds exactly the bytes sent, and a cut costs at most the missing bytes + 1 MiB.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlockPool } from '../../../electron/core/downloads/block-pool.js';
import { PartWriter } from '../../../electron/core/downloads/part-writer.js';
import { InlineHash, ThreadHash, type RunningHash } from '../../../electron/core/downloads/running-hash.js';
import { DownloadManager, type DownloadManagerTuning } from '../../../electron/core/downloads/index.js';
import { seededRandom } from '../../support/seeded-random.js';
import {
  dishonestCacheEntries,
  filesIn,
  MiB,
  packageBytes,
  sha256,
  tempDir,
  portalAndCachePerTest,
} from './harness.js';
import { type PortalDouble } from './portal-double.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const O_DIRECT = (constants as { O_DIRECT?: number }).O_DIRECT;

/** A manager with fast retries (as the harness's) and the given way of writing and hashing. */
function tunedManager(cacheDir: string, tuning: NonNullable<DownloadManagerTuning['tuning']>): DownloadManager {
  return new DownloadManager({
    cacheDir,
    tuning,
    request: { retries: 4, timeoutMs: 5_000, backoff: { baseMs: 5, maxMs: 50 } },
  });
}

/** Whether this file system takes O_DIRECT (tmpfs on older kernels and some network file systems do not). */
async function directIoSupported(path: string): Promise<boolean> {
  if (O_DIRECT === undefined) return false;
  return open(path, constants.O_WRONLY | O_DIRECT).then(
    (handle) => handle.close().then(() => true),
    () => false,
  );
}

/** Feeds `bytes` to `hash` in chunks of the given sizes, two blocks in flight, the way the download sink does. */
async function feed(hash: RunningHash, pool: BlockPool, bytes: Buffer, sizes: number[]): Promise<void> {
  const inFlight: Promise<void>[] = [];
  const blocks = [pool.take()!, pool.take()!];
  let at = 0;
  for (let i = 0; at < bytes.length; i += 1) {
    const block = blocks[i % 2]!;
    // The block is refilled only once the hash is done with what it held.
    if (inFlight.length === 2) await inFlight.shift();
    const size = Math.min(sizes[i % sizes.length]!, bytes.length - at, block.bytes.length);
    bytes.copy(block.bytes, 0, at, at + size);
    inFlight.push(hash.update(block, size));
    at += size;
  }
  await Promise.all(inFlight);
  for (const block of blocks) pool.give(block);
}

describe('the hashing thread', () => {
  const sizes = [1, 2, 63, 64, 65, 4095, 4096, 4097, 65_535, 65_536, 65_537, MiB - 1, MiB, MiB + 1, 4 * MiB];

  it.each(sizes)('gives node:crypto’s digest for %i-byte chunks', async (size) => {
    const pool = new BlockPool(4 * MiB, 2);
    const hash = new ThreadHash(pool);
    // Enough bytes for several chunks of every size, without taking all day over the 1-byte ones.
    const bytes = randomBytes(Math.min(12 * MiB, Math.max(3 * size + 17, size * 2000)));
    try {
      await feed(hash, pool, bytes, [size]);
      expect(await hash.digest()).toBe(sha256(bytes));
    } finally {
      await hash.close();
    }
  });

  it('agrees with node:crypto over seeded mixed chunk sizes, starts afresh after each digest and after a reset', async () => {
    const random = seededRandom(20250611);
    const pool = new BlockPool(4 * MiB, 2);
    const thread = new ThreadHash(pool);
    const inline = new InlineHash();
    try {
      for (let round = 0; round < 5; round += 1) {
        const bytes = randomBytes(1 + Math.floor(random() * 20 * MiB));
        const mixed = Array.from({ length: 40 }, () => 1 + Math.floor(random() * 4 * MiB));
        await feed(thread, pool, bytes, mixed);
        await feed(inline, pool, bytes, mixed);
        const expected = sha256(bytes);
        expect(await thread.digest(), `round ${round}`).toBe(expected);
        expect(await inline.digest(), `round ${round}`).toBe(expected);
      }
      expect(await thread.digest()).toBe(EMPTY_SHA256);

      await feed(thread, pool, randomBytes(3 * MiB), [MiB]);
      thread.reset();
      const after = randomBytes(MiB + 5);
      await feed(thread, pool, after, [MiB]);
      expect(await thread.digest()).toBe(sha256(after));
    } finally {
      await thread.close();
    }
  });

  it('refuses work once closed instead of hanging', async () => {
    const pool = new BlockPool(MiB, 2);
    const hash = new ThreadHash(pool);
    await hash.close();
    const block = pool.take()!;
    await expect(hash.update(block, 10)).rejects.toThrow(/closed/);
    await expect(hash.digest()).rejects.toThrow(/closed/);
  });
});

describe('the part writer', () => {
  let dir: { dir: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('writes aligned blocks directly where the file system allows it, everything else through the page cache', async () => {
    const path = join(dir.dir, 'x.part');
    const handle = await open(path, 'w+');
    const supported = await directIoSupported(path);
    const writer = await PartWriter.open(path, handle, true);
    const pool = new BlockPool(MiB, 3);
    const expected = randomBytes(3 * MiB + 777);
    try {
      expect(writer.directIo).toBe(supported);
      expect(pool.aligned).toBe(true);
      // The shapes a resumed download writes: what the part held, the rest of its first block (unaligned), then
      // whole aligned blocks and a partial last one, queued up and written in one call.
      const put = async (ranges: [number, number][]) => {
        const blocks = ranges.map(([from, to]) => {
          const block = pool.take()!;
          expected.copy(block.bytes, 0, from, to);
          return { block, bytes: to - from };
        });
        await writer.write(
          blocks.map((b) => b.block.bytes.subarray(0, b.bytes)),
          ranges[0]![0],
          pool.aligned,
        );
        for (const b of blocks) pool.give(b.block);
      };
      await put([[0, 1000]]);
      await put([[1000, MiB]]);
      await put([
        [MiB, 2 * MiB],
        [2 * MiB, 3 * MiB],
        [3 * MiB, expected.length],
      ]);
      expect(writer.directIo).toBe(supported);
    } finally {
      await writer.close();
      await handle.close();
    }
    expect((await readFile(path)).equals(expected)).toBe(true);
  });

  it('falls back to ordinary writes, losing nothing, when the kernel refuses a direct write', async () => {
    const path = join(dir.dir, 'y.part');
    const handle = await open(path, 'w+');
    const supported = await directIoSupported(path);
    const writer = await PartWriter.open(path, handle, true);
    const expected = randomBytes(2 * 4096);
    try {
      expect(writer.directIo).toBe(supported);
      // Memory one byte off a page boundary, claimed to be aligned: O_DIRECT answers EINVAL.
      const misaligned = Buffer.allocUnsafeSlow(3 * 4096).subarray(1, 1 + expected.length);
      expected.copy(misaligned);
      await writer.write([misaligned.subarray(0, 4096), misaligned.subarray(4096)], 0, true);
      expect(writer.directIo).toBe(false);
    } finally {
      await writer.close();
      await handle.close();
    }
    expect((await readFile(path)).equals(expected)).toBe(true);
  });
});

describe('a download through each write path', () => {
  let portal: PortalDouble;
  let cache: { dir: string; remove: () => Promise<void> };
  portalAndCachePerTest((p, c) => {
    portal = p;
    cache = c;
  });

  const paths = [
    { name: 'hash thread + direct I/O', tuning: { hashThreadFromBytes: 0, directIo: true } },
    { name: 'inline hash + page cache', tuning: { hashThreadFromBytes: Number.POSITIVE_INFINITY, directIo: false } },
    {
      name: 'hash thread + blocks of an odd size',
      tuning: { hashThreadFromBytes: 0, blockBytes: 100_003, maxQueuedBytes: 300_000 },
    },
  ];

  it.each(paths)(
    '$name: lands the exact bytes after cuts at unaligned offsets, fetching at most 1 MiB again per cut',
    async ({ tuning }) => {
      const bytes = packageBytes(6 * MiB + 4321);
      const target = portal.host('acme/app-9.0.0.tar.gz', bytes);
      const cuts = [12_345, 2 * MiB + 1, 4 * MiB + 4095];
      portal.plan.push(...cuts.map((offset) => ({ kind: 'cut-at' as const, offset })));

      const result = await tunedManager(cache.dir, tuning).download({ target, url: portal.url(target.name) }).done;

      expect((await readFile(result.path)).equals(bytes)).toBe(true);
      expect(await dishonestCacheEntries(cache.dir)).toEqual([]);
      expect(await filesIn(join(cache.dir, 'partial'))).toEqual([]);
      expect(portal.requests).toHaveLength(cuts.length + 1);
      // Each resume starts where the cut was, or at most 1 MiB before it (a chunk that was waiting for a block is dropped).
      cuts.forEach((cut, i) => {
        const start = portal.requests[i + 1]!.start;
        expect(start).toBeLessThanOrEqual(cut);
        expect(cut - start).toBeLessThanOrEqual(MiB);
      });
      expect(result.bytesTransferred - bytes.length).toBeLessThanOrEqual(cuts.length * MiB);
    },
  );

  it('hash thread + direct I/O: a paused download resumes by hashing its part again on the thread, fetching only the rest', async () => {
    const bytes = packageBytes(6 * MiB + 99);
    const target = portal.host('acme/app-9.0.1.tar.gz', bytes);
    portal.pace = { chunk: 64 * 1024, delayMs: 5 };
    const manager = tunedManager(cache.dir, { hashThreadFromBytes: 0 });
    const handle = manager.download({ target, url: portal.url(target.name) });
    const paused = new Promise<void>((resolve) => manager.on('state', (e) => e.state === 'paused' && resolve()));
    let pausedOnce = false;
    manager.on('progress', (e) => {
      if (pausedOnce || e.receivedBytes < 2.5 * MiB) return;
      pausedOnce = true;
      handle.pause();
    });
    await paused;
    const kept = (await readFile(join(cache.dir, 'partial', `${target.sha256}.part`))).length;
    expect(kept).toBeGreaterThan(2 * MiB);
    portal.pace = undefined;

    handle.resume();
    const result = await handle.done;

    expect((await readFile(result.path)).equals(bytes)).toBe(true);
    expect(portal.requests[1]).toMatchObject({ range: `bytes=${kept}-`, status: 206 });
    expect(result.bytesTransferred).toBe(bytes.length);
  });

  it('hash thread + direct I/O: a package that differs from its target is quarantined, not published', async () => {
    const bytes = packageBytes(3 * MiB);
    const target = portal.host('acme/app-9.1.0.tar.gz', bytes);
    portal.plan.push({ kind: 'corrupt', at: 2 * MiB + 5 });

    const done = tunedManager(cache.dir, { hashThreadFromBytes: 0 }).download({
      target,
      url: portal.url(target.name),
    }).done;

    await expect(done).rejects.toMatchObject({ code: 'HASH_MISMATCH', details: { expected: target.sha256 } });
    expect(await filesIn(join(cache.dir, 'sha256'))).toEqual([]);
    const quarantined = await filesIn(join(cache.dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    const kept = await readFile(join(cache.dir, 'quarantine', quarantined[0]!));
    expect(createHash('sha256').update(kept).digest('hex')).not.toBe(target.sha256);
    expect(kept.length).toBe(bytes.length);
  });
});
