/** What the download tests share: temp cache folders, a portal double per test and a look inside the cache. */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DownloadManager } from '../../../electron/core/downloads/index.js';
import type { DownloadManagerOptions } from '../../../electron/core/downloads/index.js';
import { afterEach, beforeEach } from 'vitest';
import { makeTempDir, type TempDir } from '../../support/temp-dir.js';
import { PortalDouble } from './portal-double.js';

export const MiB = 1024 * 1024;

export function tempDir(prefix = 'hicare-dl-'): Promise<TempDir> {
  return makeTempDir(prefix);
}

/** A package's bytes: random, so that no two packages share a hash. */
export function packageBytes(length: number): Buffer {
  return randomBytes(length);
}

/** A manager with fast retries, so that fault tests take milliseconds, not the real backoff's seconds. */
export function fastManager(cacheDir: string, options: Partial<DownloadManagerOptions> = {}): DownloadManager {
  return new DownloadManager({
    cacheDir,
    ...options,
    request: {
      retries: 4,
      timeoutMs: 5_000,
      ...options.request,
      backoff: { baseMs: 5, maxMs: 50, ...options.request?.backoff },
    },
  });
}

export async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/** The cache's promise: every file under sha256/ hashes to its own name. Returns the names that break it. */
export async function dishonestCacheEntries(cacheDir: string): Promise<string[]> {
  const bad: string[] = [];
  for (const name of await filesIn(join(cacheDir, 'sha256'))) {
    const actual = createHash('sha256')
      .update(await readFile(join(cacheDir, 'sha256', name)))
      .digest('hex');
    if (actual !== name) bad.push(name);
  }
  return bad;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A fresh portal double and an empty cache folder for every test of the file (or describe block) that calls this:
 * `fresh` receives both before each test; both are stopped and removed after it.
 */
export function portalAndCachePerTest(
  fresh: (portal: PortalDouble, cache: { dir: string; remove: () => Promise<void> }) => void,
): void {
  let portal: PortalDouble | undefined;
  let cache: { dir: string; remove: () => Promise<void> } | undefined;
  beforeEach(async () => {
    portal = await PortalDouble.start();
    cache = await tempDir();
    fresh(portal, cache);
  });
  afterEach(async () => {
    await portal?.stop();
    await cache?.remove();
  });
}
