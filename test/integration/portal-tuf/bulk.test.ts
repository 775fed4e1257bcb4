/**
 * A catalog of a few thousand releases, published in one batch (one signature per role) and read by the real tuf-js
 * client. The 100,000-target case is measured by `npm run bench:portal`, where its minutes do not slow every run.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { type TargetInput } from '../../../portal/tuf/repository.js';
import { cleanup, freshRepository, releaseCustom, serve, trustingClient } from './helpers.js';

afterEach(cleanup);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  console.log(`[portal-tuf bulk] ${label}: ${Math.round(ms)} ms`);
  return { value, ms };
}

/** `count` releases with distinct small package files under `dir`. */
async function releases(dir: string, count: number): Promise<TargetInput[]> {
  await mkdir(dir);
  // Parsed once: the batch's cost should be the repository's, not zod's on 100,000 equal objects.
  const custom = ReleaseTargetCustomSchema.parse(releaseCustom({ notes: '' }));
  const inputs: TargetInput[] = [];
  for (let i = 0; i < count; i++) {
    const version = `${Math.floor(i / 1000)}.${i % 1000}.0`;
    inputs.push({
      name: `product-${i % 50}/${version}/linux-x64/product-${version}.tar.gz`,
      path: join(dir, `${i}.tar.gz`),
      custom: { ...custom, version },
    });
  }
  for (let i = 0; i < count; i += 500) {
    await Promise.all(inputs.slice(i, i + 500).map((input, j) => writeFile(input.path ?? '', `package ${i + j}`)));
  }
  return inputs;
}

describe('large catalogs', () => {
  it(
    'serves a 2,000-target catalog that tuf-js refreshes, looks up and downloads from',
    { timeout: 120_000 },
    async () => {
      const { repoDir, workDir, repo } = await freshRepository();
      const inputs = await releases(join(workDir, 'sources'), 2000);
      await timed('addTargets(2,000)', () => repo.addTargets(inputs));
      const client = await trustingClient(repoDir, await serve(repoDir));

      const updater = client.updater();
      await timed('tuf-js refresh with 2,000 targets', () => updater.refresh());
      const info = await updater.getTargetInfo(inputs[1999]!.name);
      expect(info?.custom).toMatchObject({ version: '1.999.0' });
      expect(await readFile(await updater.downloadTarget(info!), 'utf8')).toBe('package 1999');
    },
  );
});
