/**
 * The TUF metadata a bundle carries, under the names the repository serves them by: every root from 1 to the one
 * trusted now (a machine at the site may still trust the first), the timestamp, the snapshot and targets it leads
 * to, and the delegated roles that list the bundle's packages (their products' roles and bins). Timestamp, snapshot,
 * targets and those roles come from the client's metadata cache, which tuf-js fills only with what it verified; roots
 * it did not keep, and roles it has not needed yet, are fetched from the portal. The offline verifier checks all of it again at the site.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Targets } from '@tufjs/models';
import got from 'got';
import { TUF_PATH } from '../../../shared/contracts/portal-api.js';
import { HicareError } from '../../../shared/errors.js';
import { transportError } from '../portal/errors.js';
import type { TransportOptions } from '../portal/network.js';

interface Signed {
  signed: {
    version: number;
    meta?: Record<string, { version: number }>;
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
  const roles = await rolesListing(targetNames, JSON.parse(targets.toString('utf8')) as TargetsDocument, (role) => {
    const listed = snapshotSigned.meta?.[`${role}.json`]?.version;
    if (listed === undefined)
      throw new HicareError(
        'TRUST_METADATA_INVALID.bundleMetadata',
        { file: `${role}.json` },
        { file: `${role}.json` },
      );
    return delegatedBytes(sources, role, listed);
  });
  for (const [role, { version, bytes }] of [...roles].sort(([a], [b]) => (a < b ? -1 : 1)))
    out.push({ name: `${version}.${role}.json`, bytes });
  return out;
}

interface TargetsDocument {
  signed: Parameters<typeof Targets.fromJSON>[0];
}

/** The role's bytes as the snapshot lists them: the verified cached copy when it is that version, else the portal's. */
async function delegatedBytes(
  sources: MetadataSources,
  role: string,
  version: number,
): Promise<{ version: number; bytes: Buffer }> {
  const held = await readFile(join(sources.metadataDir, `${role}.json`)).catch(() => undefined);
  const bytes =
    held !== undefined && versionOf(held, `${role}.json`).version === version
      ? held
      : await fetchMetadata(sources, `${version}.${role}.json`);
  return { version, bytes };
}

/**
 * Every delegated role a lookup of the bundle's packages passes through (a product's role, its hash bin), found as
 * tuf-js walks delegations: roles whose paths or bins take the name, in order, until one lists it or terminates.
 */
async function rolesListing(
  targetNames: readonly string[],
  top: TargetsDocument,
  read: (role: string) => Promise<{ version: number; bytes: Buffer }>,
): Promise<Map<string, { version: number; bytes: Buffer }>> {
  const roles = new Map<string, { version: number; bytes: Buffer; signed: Targets }>();
  const load = async (role: string) => {
    let known = roles.get(role);
    if (known === undefined) {
      const { version, bytes } = await read(role);
      known = {
        version,
        bytes,
        signed: Targets.fromJSON((JSON.parse(bytes.toString('utf8')) as TargetsDocument).signed),
      };
      roles.set(role, known);
    }
    return known.signed;
  };
  /** Whether the search for `name` ended here: found, or stopped by a terminating delegation. */
  const search = async (parent: Targets, name: string, depth: number): Promise<boolean> => {
    if (parent.targets[name] !== undefined) return true;
    if (depth >= 3) return false;
    for (const { role, terminating } of parent.delegations?.rolesForTarget(name) ?? []) {
      if ((await search(await load(role), name, depth + 1)) || terminating) return true;
    }
    return false;
  };
  const topSigned = Targets.fromJSON(top.signed);
  for (const name of targetNames) await search(topSigned, name, 0);
  return new Map([...roles].map(([role, { version, bytes }]) => [role, { version, bytes }]));
}
