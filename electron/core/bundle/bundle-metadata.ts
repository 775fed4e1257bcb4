/**
 * The TUF metadata a bundle carries, under the names the repository serves them by: every root from 1 to the one
 * trusted now (a machine at the site may still trust the first), the timestamp, the snapshot and targets it leads
 * to, and the hash bins that list the bundle's packages. Timestamp, snapshot, targets and bins come from the
 * client's metadata cache, which tuf-js fills only with what it verified; roots it did not keep, and bins it has
 * not needed yet, are fetched from the portal. The offline verifier checks all of it again at the site.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import got from 'got';
import { TUF_PATH } from '../../../shared/contracts/portal-api.js';
import { HicareError } from '../../../shared/errors.js';
import { transportError } from '../portal/errors.js';
import type { TransportOptions } from '../portal/network.js';

interface Signed {
  signed: {
    version: number;
    meta?: Record<string, { version: number }>;
    delegations?: { succinct_roles?: { bit_length: number; name_prefix: string } };
  };
}

function versionOf(bytes: Buffer, file: string): Signed['signed'] {
  try {
    const document = JSON.parse(bytes.toString('utf8')) as Signed;
    if (!Number.isSafeInteger(document.signed.version)) throw new Error('no version');
    return document.signed;
  } catch {
    throw new HicareError('TRUST_METADATA_INVALID.bundleMetadata', { file }, { file });
  }
}

/** The hash bin a target name is listed in (TAP 15, as tuf-js finds it). */
export function binOf(targetName: string, bitLength: number, prefix: string): string {
  const index = createHash('sha256').update(targetName).digest().readUInt32BE(0) >>> (32 - bitLength);
  const width = (2 ** bitLength - 1).toString(16).length;
  return `${prefix}-${index.toString(16).padStart(width, '0')}`;
}

export interface MetadataSources {
  portalUrl: string;
  /** The client's verified metadata cache (Trust#metadataDir). */
  metadataDir: string;
  transport: TransportOptions;
}

async function fetchMetadata(sources: MetadataSources, file: string): Promise<Buffer> {
  const url = `${new URL(sources.portalUrl).origin}${TUF_PATH}${file}`;
  try {
    return await got(url, { ...sources.transport, timeout: { request: 30_000 }, retry: { limit: 2 } }).buffer();
  } catch (error) {
    throw transportError(error, sources.portalUrl);
  }
}

/** Repository file name → bytes, roots first by version, then timestamp, snapshot, targets and the bins. */
export async function collectMetadata(
  sources: MetadataSources,
  targetNames: readonly string[],
): Promise<{ name: string; bytes: Buffer }[]> {
  const cached = (file: string) => readFile(join(sources.metadataDir, file)).catch(() => undefined);
  const need = async (file: string) => {
    const bytes = await cached(file);
    if (bytes === undefined) throw new HicareError('TRUST_METADATA_INVALID.bundleMetadata', { file }, { file });
    return bytes;
  };
  const root = await need('root.json');
  const rootVersion = versionOf(root, 'root.json').version;
  const out: { name: string; bytes: Buffer }[] = [];
  for (let v = 1; v < rootVersion; v++)
    out.push({ name: `${v}.root.json`, bytes: await fetchMetadata(sources, `${v}.root.json`) });
  out.push({ name: `${rootVersion}.root.json`, bytes: root });
  const timestamp = await need('timestamp.json');
  const snapshot = await need('snapshot.json');
  const targets = await need('targets.json');
  const snapshotSigned = versionOf(snapshot, 'snapshot.json');
  const targetsSigned = versionOf(targets, 'targets.json');
  out.push({ name: 'timestamp.json', bytes: timestamp });
  out.push({ name: `${snapshotSigned.version}.snapshot.json`, bytes: snapshot });
  out.push({ name: `${targetsSigned.version}.targets.json`, bytes: targets });
  const succinct = targetsSigned.delegations?.succinct_roles;
  if (succinct === undefined) return out;
  const bins = [...new Set(targetNames.map((n) => binOf(n, succinct.bit_length, succinct.name_prefix)))].sort();
  for (const bin of bins) {
    const listed = snapshotSigned.meta?.[`${bin}.json`]?.version;
    if (listed === undefined)
      throw new HicareError('TRUST_METADATA_INVALID.bundleMetadata', { file: `${bin}.json` }, { file: `${bin}.json` });
    const held = await cached(`${bin}.json`);
    const bytes =
      held !== undefined && versionOf(held, `${bin}.json`).version === listed
        ? held
        : await fetchMetadata(sources, `${listed}.${bin}.json`);
    out.push({ name: `${listed}.${bin}.json`, bytes });
  }
  return out;
}
