/**
 * `hicare install --bundle`: a release installed from an offline bundle, with no network call. The bundle is
 * verified first (for this system's serial and, when the machine knows it, its contract); the release for the
 * system's product and this desktop's platform is chosen from what it verified — the newest that installs over the
 * version on the system, or every hop of the path in order — and its bytes are copied into the package cache,
 * hashed again on the way (the file could change after it was verified), then installed as an online install is.
 */
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { platformOfBuild } from '../../../shared/domain/release-assembly.js';
import { compareVersions } from '../../../shared/domain/release.js';
import { HicareError } from '../../../shared/errors.js';
import type { HicareClient } from '../client/hicare-client.js';
import { hopRefusal } from '../client/upgrade-path.js';
import { PackageCache } from '../downloads/package-cache.js';
import type { InstallResult } from '../install/index.js';
import type { BundleContents } from './contents.js';
import { checkPackageBytes, verifyBundle, type BundleVerdict, type OfflineTrustOptions } from './verify.js';

export interface BundleInstallOptions {
  serial: string;
  /** One target of the bundle to install; the newest fitting release (or the path to it) when absent. */
  target?: string | undefined;
  /** The contract the user says the system is on; otherwise the inventory's, when the machine knows them. */
  contract?: string | undefined;
  onLog?: (line: { stream: string; text: string }) => void;
  /** Before each release is installed: which of how many. */
  onStep?: (step: { release: ReleaseTarget; step: number; count: number }) => void;
}

export interface BundleInstallOutcome {
  verdict: BundleVerdict;
  results: { target: string; result: InstallResult }[];
}

/** The releases to install, in order: the named one, or the newest that fits — through its path when it must. */
function chooseReleases(
  client: HicareClient,
  verdict: BundleVerdict,
  serial: string,
  product: string,
  installed: string | null,
  named: string | undefined,
): ReleaseTarget[] {
  if (named !== undefined) {
    const release = verdict.releases.find((r) => r.name === named);
    if (release === undefined) throw new HicareError('PACKAGE_NOT_FOR_SYSTEM.bundleLacksTarget', { name: named });
    return [release];
  }
  const fitting = verdict.releases
    .filter((r) => r.custom.product === product && platformOfBuild(r) === client.platform)
    .sort((a, b) => compareVersions(a.custom.version, b.custom.version));
  if (fitting.length === 0)
    throw new HicareError('PACKAGE_NOT_FOR_SYSTEM.bundleHasNone', { product, platform: client.platform, serial });
  const newer = fitting.filter((r) => installed === null || compareVersions(r.custom.version, installed) > 0);
  const newest = newer.at(-1);
  if (newest === undefined)
    throw new HicareError('PACKAGE_NOT_FOR_SYSTEM.bundleNothingNewer', { serial, version: installed ?? '' });
  const direct = hopRefusal(serial, installed, newest, verdict.releases, true, client.readerLanguage()) === null;
  return direct ? [newest] : newer;
}

/** The bundle's bytes of `release` into the package cache under their hash, checked again as they are copied. */
async function intoCache(client: HicareClient, contents: BundleContents, release: ReleaseTarget): Promise<string> {
  const cache = new PackageCache(join(client.dataDirectory, 'packages'));
  await cache.ensure();
  if ((await cache.lookup(release.sha256, release.length, new Date())) === 'hit')
    return cache.packagePath(release.sha256);
  const part = cache.partPath(release.sha256);
  const handle = await open(part, 'w');
  try {
    await checkPackageBytes(contents, release, async (bytes) => {
      await handle.write(bytes);
    });
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(part, { force: true });
    throw error;
  }
  await handle.close();
  return cache.publish(part, release.sha256);
}

/**
 * A system this machine never learned from the portal (it may never have signed in) is taken from the bundle's
 * signed target: its product, a folder under the install root as the inventory makes for this desktop's systems.
 */
function productOf(client: HicareClient, serial: string, verdict: BundleVerdict, named: string | undefined): string {
  const candidates = verdict.releases.filter(
    (r) => (named === undefined || r.name === named) && platformOfBuild(r) === client.platform,
  );
  const products = [...new Set(candidates.map((r) => r.custom.product))];
  if (products.length !== 1) {
    throw new HicareError('PACKAGE_NOT_FOR_SYSTEM.bundleHasNone', {
      product: products.join(', ') || '—',
      platform: client.platform,
      serial,
    });
  }
  return products[0]!;
}

function adoptSystem(client: HicareClient, serial: string, product: string, contractId: string): void {
  const records = client.inventory.list().map((s) => ({
    serialNumber: s.serialNumber,
    product: s.product,
    location: s.location,
    contractIds: s.contractIds,
    installedVersion: s.installedVersion,
    platform: s.platform,
    ...(s.notInCatalog === true ? { notInCatalog: true as const } : {}),
  }));
  records.push({
    serialNumber: serial,
    product,
    location: serial,
    contractIds: [contractId],
    installedVersion: null,
    platform: client.platform,
  });
  client.inventory.sync(records, { installRoot: client.installRoot, platform: client.platform });
}

export async function installFromBundle(
  client: HicareClient,
  contents: BundleContents,
  trust: OfflineTrustOptions,
  options: BundleInstallOptions,
): Promise<BundleInstallOutcome> {
  const { serial } = options;
  const known = client.inventory.list().find((s) => s.serialNumber === serial);
  const contracts = options.contract !== undefined ? [options.contract] : known?.contractIds;
  let verdict: BundleVerdict;
  try {
    verdict = await verifyBundle(contents, trust, { now: new Date(), serial, contracts });
  } catch (error) {
    await recordRefusal(client, `Installing from ${contents.origin} on ${serial} refused`, error, serial);
    throw error;
  }
  const product = known?.product ?? productOf(client, serial, verdict, options.target);
  const releases = chooseReleases(client, verdict, serial, product, known?.installedVersion ?? null, options.target);
  if (known === undefined) adoptSystem(client, serial, product, verdict.contract.id);
  const results: BundleInstallOutcome['results'] = [];
  for (const [index, release] of releases.entries()) {
    options.onStep?.({ release, step: index + 1, count: releases.length });
    const path = await intoCache(client, contents, release);
    const result = await client.installVerifiedPackage(release, serial, path, {
      ...(options.onLog === undefined ? {} : { onLog: options.onLog }),
    });
    results.push({ target: release.name, result });
  }
  return { verdict, results };
}

/** A refused bundle is a step the operation log shows, like a refused download. */
async function recordRefusal(client: HicareClient, summary: string, error: unknown, serial: string): Promise<void> {
  const code = error instanceof HicareError ? error.code : 'INTERNAL';
  await client.operations
    .append('failure', `${summary}: ${code}`, { serialNumber: serial, code })
    .catch(() => undefined);
}
