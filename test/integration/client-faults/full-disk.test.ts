/**
 * A full disk under the client's data directory, for real: a small tmpfs (mounting one needs root; without it these
 * tests are skipped, and say so). A package bigger than the disk is refused before a byte is fetched; a disk that
 * fills up while a package is coming in stops the download with INSUFFICIENT_SPACE, leaves nothing in the verified
 * cache, installs nothing, and keeps what came for a resume once there is room again.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../../electron/core/client/hicare-client.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { ATLAS_SYSTEM, customerClient } from '../client-attacks/customer-client.js';
import { expectRefused, filesIn, footprint } from '../client-attacks/nothing-installed.js';
import { PortalProxy } from '../client-attacks/portal-proxy.js';
import { publishRelease, randomArchive } from '../client-attacks/published-release.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { untilTrue } from '../wait.js';

const MiB = 1024 * 1024;
const isRoot = process.getuid?.() === 0;
if (!isRoot)
  console.warn(
    'SKIPPED: the full-disk tests mount a tmpfs, which needs root; run them as root to exercise a real full disk.',
  );

let demo: DemoPortal;
let proxy: PortalProxy;
let big: ReleaseTarget;
let mounts: string[] = [];

async function smallDisk(name: string, size: string): Promise<string> {
  const dir = join(demo.dir, name);
  await mkdir(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** Writes to `path` until the disk says no more. */
async function fillDisk(path: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    for (const size of [MiB, 4096]) {
      const block = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          if ((await handle.write(block)).bytesWritten < size) break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  if (!isRoot) return;
  demo = await startDemoPortal();
  proxy = await PortalProxy.start(demo.url);
  big = await publishRelease(demo, { product: 'atlas', version: '1.9.5', content: randomArchive('1.9.5', 12 * MiB) });
}, 60_000);
afterEach(() => {
  for (const dir of mounts) execFileSync('umount', ['-l', dir]);
  mounts = [];
  if (isRoot) proxy.rule = undefined;
});
afterAll(async () => {
  if (!isRoot) return;
  await proxy.close();
  await demo.close();
});

describe.runIf(isRoot)('a full disk', () => {
  it('refuses a package bigger than the disk before fetching a byte', async () => {
    const dataDirectory = await smallDisk('disk-4m', '4m');
    const { client } = await customerClient(demo, { portalUrl: proxy.url, dataDirectory });
    const before = await footprint(client, dataDirectory);
    const fetched = proxy.requests.filter((r) => r.includes('/api/v1/packages/')).length;
    const error = await expectRefused(client.install(big.name, ATLAS_SYSTEM), 'INSUFFICIENT_SPACE', {
      client,
      dataDirectory,
      before,
    });
    expect(error.remedy).toMatch(/Free at least \d+ MB/);
    expect(proxy.requests.filter((r) => r.includes('/api/v1/packages/'))).toHaveLength(fetched);
    expect(await filesIn(join(dataDirectory, 'packages', 'sha256'))).toEqual([]);
    expect(await filesIn(join(dataDirectory, 'installs'))).toEqual([]);
  });

  it('stops when the disk fills up mid-download, keeps the part, and resumes once there is room', async () => {
    const dataDirectory = await smallDisk('disk-32m', '32m');
    const { client, reopen } = await customerClient(demo, { portalUrl: proxy.url, dataDirectory });
    const before = await footprint(client, dataDirectory);
    proxy.rule = (req) =>
      (req.url ?? '').startsWith('/api/v1/packages/') ? { kind: 'forward', bytesPerSecond: 8 * MiB } : undefined;
    const part = join(dataDirectory, 'packages', 'partial', `${big.sha256}.part`);
    const filler = join(dataDirectory, 'filler.bin');
    const attempt = client.install(big.name, ATLAS_SYSTEM);
    // Something else fills the disk while the package is coming in.
    await untilTrue(async () => ((await stat(part).catch(() => undefined))?.size ?? 0) >= MiB, {
      what: 'the download to write its first MiB',
      timeoutMs: 10_000,
      intervalMs: 10,
    });
    await fillDisk(filler);

    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e as { code?: string; remedy?: string },
    );
    // The operation log is on the same full disk: recording the failure may not be possible, and must not hide it.
    expect(error).toMatchObject({
      code: 'INSUFFICIENT_SPACE',
      remedy: expect.stringMatching(/what was downloaded is kept/),
    });
    expect(await filesIn(join(dataDirectory, 'packages', 'sha256'))).toEqual([]);
    expect(await filesIn(join(dataDirectory, 'installs'))).toEqual(Object.keys(before.installs));
    expect(client.inventory.get(ATLAS_SYSTEM).installedVersion).toBe(before.versions[ATLAS_SYSTEM]);
    const kept = (await stat(part)).size;
    expect(kept).toBeGreaterThanOrEqual(MiB);

    // Room again: the download picks up where it stopped and the cache gets the right bytes.
    await rm(filler);
    proxy.rule = undefined;
    const resumed = await reopen().download(big.name, { serialNumber: ATLAS_SYSTEM });
    expect(resumed.bytesTransferred).toBeLessThanOrEqual(big.length - kept + MiB);
    expect(await sha256File(resumed.path)).toBe(big.sha256);
  });
});
