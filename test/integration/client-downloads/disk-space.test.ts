/**
 * A disk too small for the package: the download refuses to start when the free space says so, and when the disk
 * fills up anyway (the free-space figure lied, or something else wrote), it stops with INSUFFICIENT_SPACE, keeps
 * what it has for a resume, and puts nothing in the cache. The full disk is a real tmpfs, which needs root.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fastManager, filesIn, MiB, packageBytes, portalAndCachePerTest } from './harness.js';
import { type PortalDouble } from './portal-double.js';

let portal: PortalDouble;
let cache: { dir: string; remove: () => Promise<void> };

portalAndCachePerTest((p, c) => {
  portal = p;
  cache = c;
});

const isRoot = process.getuid?.() === 0;

describe('free space', () => {
  it('is checked before any byte is fetched, and the remedy says how much to free', async () => {
    const target = portal.host('acme/big-1.0.0.tar.gz', packageBytes(8 * MiB));
    const manager = fastManager(cache.dir, { freeSpace: async () => 2 * MiB });

    const done = manager.download({ target, url: portal.url(target.name) }).done;

    // Needed: 8 MiB + 16 MiB headroom = 25.2 MB; free: 2.1 MB; to free: 23.1 MB.
    await expect(done).rejects.toMatchObject({
      code: 'INSUFFICIENT_SPACE',
      remedy: expect.stringMatching(/Free at least 24 MB/),
    });
    expect(portal.requests).toHaveLength(0);
  });
});

describe.runIf(isRoot)('a real full disk (tmpfs of 4 MiB)', () => {
  let mountPoint: string;

  beforeEach(async () => {
    mountPoint = join(cache.dir, 'small-disk');
    await mkdir(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
  });

  afterEach(() => {
    execFileSync('umount', [mountPoint]);
  });

  it('refuses a 16 MiB package from the free-space check', async () => {
    const target = portal.host('acme/big-2.0.0.tar.gz', packageBytes(16 * MiB));
    await expect(fastManager(mountPoint).download({ target, url: portal.url(target.name) }).done).rejects.toMatchObject(
      { code: 'INSUFFICIENT_SPACE' },
    );
    expect(portal.requests).toHaveLength(0);
  });

  it('stops at the real ENOSPC with INSUFFICIENT_SPACE, keeps the part, and resumes once there is room', async () => {
    const bytes = packageBytes(16 * MiB);
    const target = portal.host('acme/big-2.0.1.tar.gz', bytes);
    // The check is fooled, so the disk really fills up.
    const manager = fastManager(mountPoint, { freeSpace: async () => 1e12 });

    const done = manager.download({ target, url: portal.url(target.name) }).done;

    await expect(done).rejects.toMatchObject({ code: 'INSUFFICIENT_SPACE', remedy: expect.stringMatching(/\S/) });
    expect(await filesIn(join(mountPoint, 'sha256'))).toEqual([]);
    expect(portal.requests).toHaveLength(1);
    const part = join(mountPoint, 'partial', `${target.sha256}.part`);
    const kept = (await readFile(part)).length;
    expect(kept).toBeGreaterThan(MiB);
    expect(bytes.subarray(0, kept).equals(await readFile(part))).toBe(true);

    execFileSync('mount', ['-o', 'remount,size=40m', mountPoint]);
    const result = await fastManager(mountPoint).download({ target, url: portal.url(target.name) }).done;

    expect((await readFile(result.path)).equals(bytes)).toBe(true);
    expect(portal.requests[1]).toMatchObject({ range: `bytes=${kept}-`, status: 206 });
    expect(result.bytesTransferred).toBe(bytes.length - kept);
  });
});

if (!isRoot) {
  console.warn(
    '\n!!! client-downloads/disk-space: NOT running the real full-disk tests — mounting a tmpfs needs root. !!!\n',
  );
}
