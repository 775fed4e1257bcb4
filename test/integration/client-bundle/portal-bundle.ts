/**
 * The parts of a bundle taken from a real test portal: its signed metadata as it serves it under /tuf/ (every root,
 * the timestamp, the snapshot and targets it names, the delegated roles that list the packages), the packages downloaded with a
 * customer's token, and a statement signed with the portal's own online timestamp key, as the portal signs one.
 */
import { canonicalize } from '@tufjs/canonical-json';
import { Metadata, MetadataKind, type Snapshot, type Targets, type Timestamp } from '@tufjs/models';
import { STATEMENT_TYPE, type EntitlementStatement } from '../../../shared/contracts/bundle.js';
import { packagePath } from '../../../shared/contracts/portal-api.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { loadKey } from '../../../portal/tuf/keys.js';
import type { BundleParts } from './memory-bundle.js';

const DAY = 86_400_000;

async function fetchBytes(url: string, token?: string): Promise<Buffer | undefined> {
  const response = await fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Every root the portal serves, 1 up to the newest, and the current timestamp → snapshot → targets → bins chain. */
export async function portalMetadata(portalUrl: string, targetNames: readonly string[]): Promise<Map<string, Buffer>> {
  const tuf = `${portalUrl}/tuf`;
  const metadata = new Map<string, Buffer>();
  for (let version = 1; ; version += 1) {
    const root = await fetchBytes(`${tuf}/${version}.root.json`);
    if (root === undefined) break;
    metadata.set(`${version}.root.json`, root);
  }
  const json = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as never;
  const timestampBytes = (await fetchBytes(`${tuf}/timestamp.json`))!;
  metadata.set('timestamp.json', timestampBytes);
  const timestamp = Metadata.fromJSON(MetadataKind.Timestamp, json(timestampBytes)) as Metadata<Timestamp>;
  const snapshotName = `${timestamp.signed.snapshotMeta.version}.snapshot.json`;
  const snapshotBytes = (await fetchBytes(`${tuf}/${snapshotName}`))!;
  metadata.set(snapshotName, snapshotBytes);
  const snapshot = Metadata.fromJSON(MetadataKind.Snapshot, json(snapshotBytes)) as Metadata<Snapshot>;
  const targetsName = `${snapshot.signed.meta['targets.json']!.version}.targets.json`;
  const targetsBytes = (await fetchBytes(`${tuf}/${targetsName}`))!;
  metadata.set(targetsName, targetsBytes);
  const targets = Metadata.fromJSON(MetadataKind.Targets, json(targetsBytes)) as Metadata<Targets>;
  // Every delegated role a lookup passes through (a product's role, then its bin), as tuf-js walks them.
  const fetchRole = async (role: string) => {
    const file = `${snapshot.signed.meta[`${role}.json`]!.version}.${role}.json`;
    const bytes = metadata.get(file) ?? (await fetchBytes(`${tuf}/${file}`))!;
    metadata.set(file, bytes);
    return Metadata.fromJSON(MetadataKind.Targets, json(bytes)) as Metadata<Targets>;
  };
  const walk = async (parent: Metadata<Targets>, name: string): Promise<boolean> => {
    if (parent.signed.targets[name] !== undefined) return true;
    for (const { role, terminating } of parent.signed.delegations?.rolesForTarget(name) ?? [])
      if ((await walk(await fetchRole(role), name)) || terminating) return true;
    return false;
  };
  for (const name of targetNames) await walk(targets, name);
  return metadata;
}

export async function packageBytes(portalUrl: string, token: string, target: ReleaseTarget): Promise<Buffer> {
  const bytes = await fetchBytes(`${portalUrl}${packagePath(target.name)}`, token);
  if (bytes === undefined) throw new Error(`${target.name} is not served`);
  return bytes;
}

export interface StatementFacts {
  portal: string;
  contract: { id: string; customerId: string };
  serials: string[];
  targets: readonly ReleaseTarget[];
  issuedAt?: Date;
  validDays?: number;
}

/** The statement as the portal signs it: ed25519 over the canonical JSON of `signed`, by the timestamp key. */
export async function signStatement(
  keysDir: string,
  facts: StatementFacts,
  options: { role?: 'timestamp' | 'targets' | 'snapshot'; edit?: (signed: EntitlementStatement) => void } = {},
): Promise<Buffer> {
  const issuedAt = facts.issuedAt ?? new Date();
  const signed: EntitlementStatement = {
    _type: STATEMENT_TYPE,
    version: 1,
    portal: new URL(facts.portal).origin,
    contract: facts.contract,
    serials: facts.serials,
    targets: facts.targets.map((t) => ({ name: t.name, length: t.length, sha256: t.sha256, serials: facts.serials })),
    issuedAt: issuedAt.toISOString(),
    validUntil: new Date(issuedAt.getTime() + (facts.validDays ?? 30) * DAY).toISOString(),
  };
  options.edit?.(signed);
  const key = await loadKey(keysDir, options.role ?? 'timestamp');
  const signature = key.signer(Buffer.from(canonicalize(signed as never)));
  return Buffer.from(JSON.stringify({ signed, signatures: [{ keyid: signature.keyID, sig: signature.sig }] }));
}

/** Metadata, packages and a valid statement for `targets`, taken from the portal as it is now. */
export async function portalBundle(
  portalUrl: string,
  keysDir: string,
  token: string,
  facts: Omit<StatementFacts, 'portal'>,
): Promise<BundleParts> {
  const metadata = await portalMetadata(
    portalUrl,
    facts.targets.map((t) => t.name),
  );
  const packages = new Map<string, Buffer>();
  for (const target of facts.targets) packages.set(target.name, await packageBytes(portalUrl, token, target));
  return { metadata, packages, statement: await signStatement(keysDir, { ...facts, portal: portalUrl }) };
}
