/**
 * `createBundle`: what IT staff carry to a site without internet. The packages are chosen as the online client would
 * choose them (named targets, each system's recommended update or upgrade, or the hops of a path to a version),
 * downloaded through the client's verified path — so the portal decides entitlement and every byte is checked
 * against its signed target — and written with the metadata that verifies them and a statement the portal signs
 * for exactly these serials and targets.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { SignedStatement } from '../../../shared/contracts/bundle.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { platformOfBuild } from '../../../shared/domain/release-assembly.js';
import { HicareError } from '../../../shared/errors.js';
import type { HicareClient } from '../client/hicare-client.js';
import { planPath } from '../client/upgrade-path.js';
import { collectMetadata } from './bundle-metadata.js';
import { writeBundle } from './bundle-writer.js';
import type { BundleManifest } from './bundle-layout.js';

export type BundleSelection =
  { kind: 'release'; names: readonly string[] } | { kind: 'updates' } | { kind: 'pathTo'; version: string };

export type BundleProgress =
  | { phase: 'download'; name: string; receivedBytes: number; totalBytes: number; bytesPerSecond: number }
  | { phase: 'write'; name: string; writtenBytes: number; totalBytes: number };

export interface CreateBundleOptions {
  serials: readonly string[];
  selection: BundleSelection;
  out: string;
  validDays?: number;
  previews?: boolean;
  now?: () => Date;
  onProgress?: (event: BundleProgress) => void;
}

export interface BundlePackage {
  name: string;
  /** The file name it installs as. */
  file: string;
  length: number;
  sha256: string;
  product: string;
  version: string;
}

export interface CreatedBundle {
  file: string;
  bytes: number;
  manifest: BundleManifest;
  statement: SignedStatement;
  packages: BundlePackage[];
}

interface Chosen {
  target: ReleaseTarget;
  /** The system the download is asked for: the portal checks it against that system's contract. */
  serial: string;
}

function list(serials: readonly string[]): string {
  return serials.join(', ');
}

async function chooseUpdates(client: HicareClient, serials: readonly string[]): Promise<Chosen[]> {
  const resolutions = await client.check();
  const chosen: Chosen[] = [];
  for (const serial of serials) {
    const resolution = resolutions.find((r) => r.system.serialNumber === serial);
    if (resolution === undefined) throw new HicareError('NOT_FOUND.bundleSystem', { serial });
    const plan = resolution.recommended?.plan;
    if (plan?.ok !== true) continue;
    const platform = resolution.system.platform ?? client.platform;
    const candidates = [...resolution.updates, ...resolution.upgrades];
    for (const hop of plan.hops) {
      const candidate = candidates.find(
        (c) => c.verdict.allowed && c.target.custom.version === hop.version && platformOfBuild(c.target) === platform,
      );
      if (candidate !== undefined) chosen.push({ target: candidate.target, serial });
    }
  }
  return chosen;
}

async function chooseReleases(
  client: HicareClient,
  serials: readonly string[],
  names: readonly string[],
): Promise<Chosen[]> {
  const systems = await client.systems();
  for (const serial of serials)
    if (!systems.some((s) => s.serialNumber === serial)) throw new HicareError('NOT_FOUND.bundleSystem', { serial });
  const chosen: Chosen[] = [];
  for (const name of names) {
    const target = await client.trust.verifiedTarget(name);
    const system = systems.find((s) => serials.includes(s.serialNumber) && s.product === target.custom.product);
    if (system === undefined)
      throw new HicareError('INVALID_INPUT.bundleReleaseNotForSystems', { name, serials: list(serials) });
    chosen.push({ target, serial: system.serialNumber });
  }
  return chosen;
}

async function choosePath(
  client: HicareClient,
  serials: readonly string[],
  version: string,
  previews: boolean,
): Promise<Chosen[]> {
  const chosen: Chosen[] = [];
  for (const serial of serials) {
    const plan = await planPath(client, serial, version, { previews });
    chosen.push(...plan.hops.map((hop) => ({ target: hop.target, serial })));
  }
  return chosen;
}

/** One entry per target, the first system asking for it named for its download. */
function distinct(chosen: readonly Chosen[]): Chosen[] {
  const seen = new Map<string, Chosen>();
  for (const c of chosen) if (!seen.has(c.target.name)) seen.set(c.target.name, c);
  return [...seen.values()];
}

export async function createBundle(client: HicareClient, options: CreateBundleOptions): Promise<CreatedBundle> {
  const { serials, selection } = options;
  const now = options.now ?? (() => new Date());
  await client.trust.refresh();
  const chosen = distinct(
    selection.kind === 'release'
      ? await chooseReleases(client, serials, selection.names)
      : selection.kind === 'updates'
        ? await chooseUpdates(client, serials)
        : await choosePath(client, serials, selection.version, options.previews === true),
  );
  if (chosen.length === 0) throw new HicareError('INVALID_INPUT.bundleNothingAvailable', { serials: list(serials) });

  const stopListening = client.downloads.on('progress', (p) =>
    options.onProgress?.({
      phase: 'download',
      name: p.name,
      receivedBytes: p.receivedBytes,
      totalBytes: p.totalBytes,
      bytesPerSecond: p.bytesPerSecond,
    }),
  );
  let downloads;
  try {
    downloads = await Promise.all(
      chosen.map(async (c) => ({ ...c, download: await client.download(c.target.name, { serialNumber: c.serial }) })),
    );
  } finally {
    stopListening();
  }

  const targetNames = downloads.map((d) => d.target.name);
  const statement = await client.portal.call('issueStatement', {
    body: {
      serials: [...serials],
      targets: targetNames,
      ...(options.validDays === undefined ? {} : { validDays: options.validDays }),
    },
  });
  const metadata = await collectMetadata(
    { portalUrl: client.portal.portalUrl, metadataDir: client.trust.metadataDir, transport: client.portal.transport },
    targetNames,
  );
  const written = await writeBundle(options.out, {
    createdAt: now().toISOString(),
    portal: client.portal.portalUrl,
    metadata,
    statement: Buffer.from(`${JSON.stringify(statement, null, 2)}\n`),
    packages: downloads.map((d) => ({
      name: d.target.name,
      length: d.target.length,
      sha256: d.target.sha256,
      open: () => createReadStream(d.download.path, { highWaterMark: 1024 * 1024 }),
    })),
    onPackageBytes: (name, writtenBytes, totalBytes) =>
      options.onProgress?.({ phase: 'write', name, writtenBytes, totalBytes }),
  });
  await client.operations.append(
    'download',
    `Wrote an offline bundle for ${list(serials)} with ${downloads.length} packages`,
    { file: options.out, serials: [...serials], targets: targetNames, validUntil: statement.signed.validUntil },
  );
  return {
    file: written.file,
    bytes: written.bytes,
    manifest: written.manifest,
    statement,
    packages: downloads.map((d) => ({
      name: d.target.name,
      file: basename(d.target.name),
      length: d.target.length,
      sha256: d.target.sha256,
      product: d.target.custom.product,
      version: d.target.custom.version,
    })),
  };
}
