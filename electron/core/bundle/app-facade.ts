/**
 * What the app asks of offline bundles: export the chosen releases with their proof (one bundle file, or a folder
 * of real file names beside it), verify a bundle against the root this machine trusts, and install from one. The
 * app's handlers call only these; the bundle writer, reader and offline verifier sit behind them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HicareError } from '../../../shared/errors.js';
import type { HicareClient } from '../client/hicare-client.js';
import type { InstallResult } from '../install/index.js';
import { exportFolder as writeFolder } from './bundle-folder.js';
import { openBundleFile } from './bundle-reader.js';
import { createBundle, type BundleProgress } from './create.js';
import { installFromBundle } from './install-from-bundle.js';
import { verifyBundle, type OfflineTrustOptions } from './verify.js';

export interface BundleExportRequest {
  serials: string[];
  targets: string[];
  validDays?: number;
}

export interface BundleExportProgress {
  target: string;
  receivedBytes: number;
  totalBytes: number;
}

export interface BundleVerdictView {
  portal: string;
  issuedAt: string;
  validUntil: string;
  contract: string;
  serials: string[];
  packages: { target: string; fileName: string; length: number; product: string; version: string; platform: string }[];
}

/** Downloading and then writing a package are one bar to the user: bytes fetched, then bytes stored. */
function progressOf(onProgress?: (p: BundleExportProgress) => void): ((event: BundleProgress) => void) | undefined {
  if (onProgress === undefined) return undefined;
  return (event) =>
    onProgress({
      target: event.name,
      receivedBytes: event.phase === 'download' ? event.receivedBytes : event.writtenBytes,
      totalBytes: event.totalBytes,
    });
}

function trustOf(client: HicareClient): OfflineTrustOptions {
  return { dataDirectory: client.dataDirectory, rootFile: client.trustRootFile };
}

export async function exportBundle(
  client: HicareClient,
  req: BundleExportRequest,
  outFile: string,
  onProgress?: (p: BundleExportProgress) => void,
): Promise<{ file: string; bytes: number; validUntil: string }> {
  const progress = progressOf(onProgress);
  const created = await createBundle(client, {
    serials: req.serials,
    selection: { kind: 'release', names: req.targets },
    out: outFile,
    ...(req.validDays === undefined ? {} : { validDays: req.validDays }),
    ...(progress === undefined ? {} : { onProgress: progress }),
  });
  return { file: created.file, bytes: created.bytes, validUntil: created.statement.signed.validUntil };
}

/** A folder is written from a bundle made first in a private temporary folder, so both exports share one path. */
export async function exportFolder(
  client: HicareClient,
  req: BundleExportRequest,
  outDir: string,
  onProgress?: (p: BundleExportProgress) => void,
): Promise<{ folder: string; files: string[]; validUntil: string }> {
  const work = await mkdtemp(join(tmpdir(), 'hicare-export-'));
  try {
    const made = await exportBundle(client, req, join(work, 'bundle.tar'), onProgress);
    const contents = await openBundleFile(made.file);
    try {
      const manifest = await writeFolder(contents, outDir);
      return { folder: outDir, files: manifest.members.map((m) => m.name), validUntil: made.validUntil };
    } finally {
      await contents.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function verifyBundleFile(
  client: HicareClient,
  file: string,
  serial?: string,
): Promise<BundleVerdictView> {
  const contents = await openBundleFile(file);
  try {
    const known = serial === undefined ? undefined : client.inventory.list().find((s) => s.serialNumber === serial);
    const verdict = await verifyBundle(contents, trustOf(client), {
      now: new Date(),
      ...(serial === undefined ? {} : { serial }),
      ...(known === undefined ? {} : { contracts: known.contractIds }),
    });
    return {
      portal: verdict.portal,
      issuedAt: verdict.issuedAt,
      validUntil: verdict.validUntil,
      contract: verdict.contract.id,
      serials: verdict.serials,
      packages: verdict.packages.map((p) => ({
        target: p.target,
        fileName: p.file,
        length: p.length,
        product: p.product,
        version: p.version,
        platform: p.platform,
      })),
    };
  } finally {
    await contents.close();
  }
}

export async function installFromBundleFile(
  client: HicareClient,
  file: string,
  serial: string,
  target?: string,
  onLog?: (line: { stream: string; text: string }) => void,
): Promise<InstallResult> {
  const contents = await openBundleFile(file);
  try {
    const outcome = await installFromBundle(client, contents, trustOf(client), {
      serial,
      target,
      ...(onLog === undefined ? {} : { onLog }),
    });
    const last = outcome.results.at(-1);
    // installFromBundle installs at least one release or refuses with its reason; an empty outcome is not possible.
    if (last === undefined) {
      throw new HicareError('PACKAGE_NOT_FOR_SYSTEM.bundleHasNone', {
        product: '—',
        platform: client.platform,
        serial,
      });
    }
    return last.result;
  } finally {
    await contents.close();
  }
}
