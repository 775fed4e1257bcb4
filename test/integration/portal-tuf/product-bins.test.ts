/**
 * A product role past its size limit delegates to hash bins (`product.<p>.bin-<hex>`): the publish that crosses the
 * limit bins the product, every release stays findable by a real tuf-js client (one that held the unbinned role too),
 * a later publish re-signs only the bin it changed, a tampered bin is refused, the portal's catalog lists binned
 * products, and the scheduler and a targets key rotation keep every bin fresh and trusted. The limit is set small
 * here; the portal's own is PRODUCT_BIN_THRESHOLD.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../portal/catalog/catalog.js';
import { sha256Hex } from '../../../portal/tuf/canonical.js';
import { readState, type RepositoryState } from '../../../portal/tuf/metadata-files.js';
import { allBins, binFor, binPrefixOf, type SuccinctDelegation } from '../../../portal/tuf/product-bins.js';
import { openRepository, type TufRepository } from '../../../portal/tuf/repository.js';
import { rotateKey } from '../../../portal/tuf/rotate.js';
import { parseTargets, serializeTargets } from '../../../portal/tuf/targets-metadata.js';
import {
  cleanup,
  DAY,
  freshRepository,
  listInSnapshot,
  packageFile,
  releaseCustom,
  roleVersion,
  serve,
  trustingClient,
  type Fixture,
} from './helpers.js';

afterEach(cleanup);

const THRESHOLD = 4;
const ROLE = 'product.atlas';
const PREFIX = binPrefixOf(ROLE);
const nameOf = (version: string): string => `atlas/${version}/linux-x64/atlas-${version}.tar.gz`;
const versions = (count: number, from = 0): string[] => Array.from({ length: count }, (_, i) => `1.${from + i}.0`);

function binnedRepository(fixture: Fixture): TufRepository {
  return openRepository({ ...fixture.repo.options, productBinThreshold: THRESHOLD });
}

async function publish(fixture: Fixture, repo: TufRepository, list: string[]): Promise<void> {
  const inputs = [];
  for (const version of list) {
    inputs.push({
      name: nameOf(version),
      path: await packageFile(fixture.workDir, `atlas-${version}`, `bytes of atlas ${version}`),
      custom: releaseCustom({ product: 'atlas', version, lifecycle: undefined }),
    });
  }
  await repo.addTargets(inputs);
}

function delegationOf(role: { signed: Record<string, unknown> }): SuccinctDelegation | undefined {
  return role.signed['delegations'] as SuccinctDelegation | undefined;
}

async function productRole(fixture: Fixture, state: RepositoryState) {
  const version = state.snapshot.signed.meta[`${ROLE}.json`]!.version;
  const file = join(fixture.repoDir, `${version}.${ROLE}.json`);
  return parseTargets(await readFile(file, 'utf8'), file);
}

/** Snapshot version of every bin of atlas. */
function binVersions(state: RepositoryState, bits: number): Record<string, number> {
  return Object.fromEntries(
    allBins(PREFIX, bits).map((bin) => [bin, state.snapshot.signed.meta[`${bin}.json`]!.version]),
  );
}

describe('hash bins inside a product role', () => {
  it('bins a product on the publish that crosses the limit; every release stays findable, old clients too', async () => {
    const fixture = await freshRepository();
    const repo = binnedRepository(fixture);
    await publish(fixture, repo, versions(THRESHOLD));
    let state = await readState(fixture.repoDir);
    expect(Object.keys((await productRole(fixture, state)).signed.targets)).toHaveLength(THRESHOLD);

    const served = await serve(fixture.repoDir);
    const client = await trustingClient(fixture.repoDir, served);
    const before = client.updater();
    await before.refresh();
    expect(await before.getTargetInfo(nameOf('1.0.0'))).toBeDefined();

    await publish(fixture, repo, versions(1, THRESHOLD));
    state = await readState(fixture.repoDir);
    const role = await productRole(fixture, state);
    expect(role.signed.targets).toEqual({});
    const delegation = delegationOf(role)!;
    const targetsRole = state.root.signed.roles['targets']!;
    expect(delegation.succinct_roles).toEqual({
      keyids: targetsRole.keyIDs,
      threshold: targetsRole.threshold,
      bit_length: 1,
      name_prefix: 'product.atlas.bin',
    });
    // The snapshot lists every bin with version, length and hash, so a client checks a bin before parsing it.
    for (const bin of allBins(PREFIX, 1)) {
      const meta = state.snapshot.signed.meta[`${bin}.json`]!;
      const bytes = await readFile(join(fixture.repoDir, `${meta.version}.${bin}.json`));
      expect(meta.length).toBe(bytes.length);
      expect(meta.hashes?.['sha256']).toBe(sha256Hex(bytes));
    }

    const all = versions(THRESHOLD + 1);
    // The client that held the unbinned role, and one that starts now.
    for (const updater of [client.updater(), (await trustingClient(fixture.repoDir, served)).updater()]) {
      await updater.refresh();
      for (const version of all) {
        const info = await updater.getTargetInfo(nameOf(version));
        expect(info?.length, version).toBe(`bytes of atlas ${version}`.length);
      }
      expect(await updater.getTargetInfo(nameOf('9.9.9'))).toBeUndefined();
    }
    expect(served.requests.some((path) => /\/1\.product\.atlas\.bin-[01]\.json$/.test(path))).toBe(true);
    expect((await repo.readTargets()).map((t) => t.name).sort()).toEqual(all.map(nameOf).sort());
  });

  it('a publish after binning re-signs only the bin it changed', async () => {
    const fixture = await freshRepository();
    const repo = binnedRepository(fixture);
    await publish(fixture, repo, versions(THRESHOLD + 1));
    const before = await readState(fixture.repoDir);
    const roleBefore = await roleVersion(fixture.repoDir, ROLE);
    const binsBefore = binVersions(before, 1);

    await publish(fixture, repo, ['2.0.0']);
    const after = await readState(fixture.repoDir);
    expect(after.targets.signed.version).toBe(before.targets.signed.version);
    expect(await roleVersion(fixture.repoDir, ROLE)).toBe(roleBefore);
    const changed = binFor(PREFIX, nameOf('2.0.0'), 1);
    expect(binVersions(after, 1)).toEqual({ ...binsBefore, [changed]: binsBefore[changed]! + 1 });

    // The bit length stays as first chosen, however the product grows.
    await publish(fixture, repo, versions(20, 100));
    const grown = await readState(fixture.repoDir);
    expect(delegationOf(await productRole(fixture, grown))?.succinct_roles.bit_length).toBe(1);
    expect(await repo.readTargets()).toHaveLength(THRESHOLD + 2 + 20);
  });

  it('a tuf-js client refuses a bin changed after it was signed', async () => {
    const fixture = await freshRepository();
    const repo = binnedRepository(fixture);
    await publish(fixture, repo, versions(THRESHOLD + 1));
    const state = await readState(fixture.repoDir);
    const target = nameOf('1.0.0');
    const bin = binFor(PREFIX, target, 1);
    const version = state.snapshot.signed.meta[`${bin}.json`]!.version;
    const file = join(fixture.repoDir, `${version}.${bin}.json`);
    const document = parseTargets(await readFile(file, 'utf8'), file);
    document.signed.targets[target]!.length += 1;
    const bytes = serializeTargets(document);
    await writeFile(file, bytes);
    // The snapshot agrees with the tampered bytes, so only the bin's signature stands in the way.
    await listInSnapshot(fixture, state, bin, version, bytes);
    const updater = (await trustingClient(fixture.repoDir, await serve(fixture.repoDir))).updater();
    await updater.refresh();
    await expect(updater.getTargetInfo(target)).rejects.toThrow(/bin-[01] was signed by 0\/1 keys/);
  });

  it('the portal’s catalog lists a binned product whole', async () => {
    const fixture = await freshRepository();
    const repo = binnedRepository(fixture);
    await publish(fixture, repo, versions(THRESHOLD + 3));
    const catalog = new Catalog(repo.options);
    expect(await catalog.products()).toContain('atlas');
    const listed = (await catalog.product('atlas')).targets.map((t) => t.name).sort();
    expect(listed).toEqual(
      versions(THRESHOLD + 3)
        .map(nameOf)
        .sort(),
    );
    expect((await catalog.target(nameOf('1.2.0')))?.length).toBe('bytes of atlas 1.2.0'.length);
  });

  it('the scheduler re-signs bins near expiry, and a targets key rotation re-signs every bin', async () => {
    const fixture = await freshRepository();
    const repo = binnedRepository(fixture);
    await publish(fixture, repo, versions(THRESHOLD + 1));
    const start = await readState(fixture.repoDir);
    const roleStart = await roleVersion(fixture.repoDir, ROLE);
    const binsStart = binVersions(start, 1);

    const role = await productRole(fixture, start);
    const nearExpiry = new Date(Date.parse(role.signed.expires) - DAY);
    expect(await repo.refreshTimestamp({ now: nearExpiry })).toBe(true);
    const refreshed = await readState(fixture.repoDir);
    expect(await roleVersion(fixture.repoDir, ROLE)).toBe(roleStart + 1);
    for (const [bin, version] of Object.entries(binVersions(refreshed, 1))) expect(version).toBe(binsStart[bin]! + 1);

    const rotated = await rotateKey({ ...repo.options, role: 'targets' });
    const after = await readState(fixture.repoDir);
    const delegation = delegationOf(await productRole(fixture, after))!;
    expect(delegation.succinct_roles.keyids).toEqual([rotated.keyId]);
    for (const bin of allBins(PREFIX, 1)) {
      const meta = after.snapshot.signed.meta[`${bin}.json`]!;
      const file = join(fixture.repoDir, `${meta.version}.${bin}.json`);
      expect(parseTargets(await readFile(file, 'utf8'), file).signatures.map((s) => s.keyid)).toEqual([rotated.keyId]);
    }
    // Nothing is left stale for the scheduler.
    expect(await repo.refreshTimestamp()).toBe(false);
    const updater = (await trustingClient(fixture.repoDir, await serve(fixture.repoDir))).updater();
    await updater.refresh();
    for (const version of versions(THRESHOLD + 1)) expect(await updater.getTargetInfo(nameOf(version))).toBeDefined();
  });
});
