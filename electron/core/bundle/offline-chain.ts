/**
 * The bundle's TUF metadata, verified as a TUF client would online but from the bundle's bytes: roots chained one
 * version at a time from the trusted root, then timestamp → snapshot → targets → delegated roles, each signed by the
 * keys its parent names and matching the version (and length and hashes, when given) its parent lists. What online
 * freshness would check is checked at the statement's issue date instead, by the caller.
 */
import {
  Metadata,
  MetadataKind,
  type MetaFile,
  type Root,
  type Snapshot,
  type Targets,
  type Timestamp,
} from '@tufjs/models';
import { HicareError } from '../../../shared/errors.js';

/** Which signed file a refusal is about, as the messages name it. */
export type MetadataKindWord = 'timestamp' | 'snapshot' | 'targets' | 'delegated';

export interface ChainedRoots {
  root: Metadata<Root>;
  /** Roots newer than the trusted one, oldest first, as the bundle stored them. */
  newRoots: { version: number; bytes: Buffer }[];
}

const ROOT_FILE = /^([1-9]\d{0,9})\.root\.json$/;

function parse<T extends Root | Timestamp | Snapshot | Targets>(
  kind: MetadataKind,
  bytes: Buffer,
  onError: () => HicareError,
): Metadata<T> {
  try {
    return Metadata.fromJSON(
      kind as MetadataKind.Targets,
      JSON.parse(bytes.toString('utf8')) as never,
    ) as unknown as Metadata<T>;
  } catch {
    throw onError();
  }
}

/** Roots trusted+1, +2, … from the bundle, each signed by the previous root's keys and by its own. */
export function chainRoots(trusted: Metadata<Root>, metadata: ReadonlyMap<string, Buffer>): ChainedRoots {
  const versions = [...metadata.keys()]
    .map((name) => ROOT_FILE.exec(name)?.[1])
    .filter((v) => v !== undefined)
    .map(Number);
  const newest = Math.max(0, ...versions);
  const current = trusted.signed.version;
  if (newest < current) throw new HicareError('BUNDLE_ROLLBACK.olderRoot', { version: newest, seen: current });
  let root = trusted;
  const newRoots: ChainedRoots['newRoots'] = [];
  for (let version = current + 1; version <= newest; version += 1) {
    const bytes = metadata.get(`${version}.root.json`);
    if (bytes === undefined) throw new HicareError('BUNDLE_UNTRUSTED.missingRoot', { version });
    const next = parse<Root>(
      MetadataKind.Root,
      bytes,
      () => new HicareError('BUNDLE_UNTRUSTED.rootUnreadable', { version }),
    );
    try {
      root.verifyDelegate('root', next);
      next.verifyDelegate('root', next);
    } catch {
      throw new HicareError('BUNDLE_UNTRUSTED.rootNotChained', { version });
    }
    if (next.signed.version !== version) throw new HicareError('BUNDLE_UNTRUSTED.rootNotChained', { version });
    root = next;
    newRoots.push({ version, bytes });
  }
  return { root, newRoots };
}

/** One signed file of the bundle, checked against its parent's listing of it and its signer. */
function listed<T extends Timestamp | Snapshot | Targets>(
  metadata: ReadonlyMap<string, Buffer>,
  file: string,
  kindOf: MetadataKind,
  word: MetadataKindWord,
  meta: MetaFile | undefined,
  sign: (m: Metadata<T>) => void,
): Metadata<T> {
  const version = meta?.version ?? 0;
  const bytes = metadata.get(file);
  if (bytes === undefined || meta === undefined)
    throw new HicareError('BUNDLE_UNTRUSTED.metadataMissing', { kind: word, version });
  try {
    meta.verify(bytes);
  } catch {
    throw new HicareError('BUNDLE_UNTRUSTED.metaMismatch', { kind: word });
  }
  const parsed = parse<T>(kindOf, bytes, () => new HicareError('BUNDLE_UNTRUSTED.metadataUnreadable', { kind: word }));
  try {
    sign(parsed);
  } catch {
    throw new HicareError('BUNDLE_UNTRUSTED.signature', { kind: word });
  }
  if (parsed.signed.version !== meta.version) throw new HicareError('BUNDLE_UNTRUSTED.metaMismatch', { kind: word });
  return parsed;
}

export interface VerifiedMetadata {
  timestamp: Metadata<Timestamp>;
  snapshot: Metadata<Snapshot>;
  targets: Metadata<Targets>;
  /** Each verified delegated role (a product's, a hash bin), by name, loaded only when a package needs it. */
  delegated: Map<string, Metadata<Targets>>;
}

export function verifyTopLevel(root: Metadata<Root>, metadata: ReadonlyMap<string, Buffer>): VerifiedMetadata {
  const tsBytes = metadata.get('timestamp.json');
  if (tsBytes === undefined)
    throw new HicareError('BUNDLE_UNTRUSTED.metadataMissing', { kind: 'timestamp', version: 0 });
  const timestamp = parse<Timestamp>(
    MetadataKind.Timestamp,
    tsBytes,
    () => new HicareError('BUNDLE_UNTRUSTED.metadataUnreadable', { kind: 'timestamp' }),
  );
  try {
    root.verifyDelegate('timestamp', timestamp);
  } catch {
    throw new HicareError('BUNDLE_UNTRUSTED.signature', { kind: 'timestamp' });
  }
  const snapshotMeta = timestamp.signed.snapshotMeta;
  const snapshot = listed<Snapshot>(
    metadata,
    `${snapshotMeta.version}.snapshot.json`,
    MetadataKind.Snapshot,
    'snapshot',
    snapshotMeta,
    (m) => root.verifyDelegate('snapshot', m),
  );
  const targetsMeta = snapshot.signed.meta['targets.json'];
  const targets = listed<Targets>(
    metadata,
    `${targetsMeta?.version ?? 0}.targets.json`,
    MetadataKind.Targets,
    'targets',
    targetsMeta,
    (m) => root.verifyDelegate('targets', m),
  );
  return { timestamp, snapshot, targets, delegated: new Map() };
}

/**
 * The signed entry of a target, found as tuf-js's lookup finds it: in top-level targets, else down the delegations
 * whose paths (or hash bins) take its name, in order — a product's role, then its bin — each role verified against
 * the snapshot and its delegator's keys when first needed. A terminating delegation ends the search.
 */
export function findTarget(
  verified: VerifiedMetadata,
  metadata: ReadonlyMap<string, Buffer>,
  name: string,
): { entry: Targets['targets'][string]; role: string } | undefined {
  const search = (
    parent: Metadata<Targets>,
    parentRole: string,
    depth: number,
  ): { entry: Targets['targets'][string]; role: string } | undefined => {
    const entry = parent.signed.targets[name];
    if (entry !== undefined) return { entry, role: parentRole };
    if (depth >= MAX_DELEGATION_DEPTH) return undefined;
    for (const { role, terminating } of parent.signed.delegations?.rolesForTarget(name) ?? []) {
      const child = delegatedRole(verified, metadata, parent, role);
      const found = child === undefined ? undefined : search(child, role, depth + 1);
      if (found !== undefined || terminating) return found;
    }
    return undefined;
  };
  return search(verified.targets, 'targets', 0);
}

/** Top-level targets → a product's role → its hash bin. */
const MAX_DELEGATION_DEPTH = 3;

function delegatedRole(
  verified: VerifiedMetadata,
  metadata: ReadonlyMap<string, Buffer>,
  parent: Metadata<Targets>,
  role: string,
): Metadata<Targets> | undefined {
  const known = verified.delegated.get(role);
  if (known !== undefined) return known;
  const meta = verified.snapshot.signed.meta[`${role}.json`];
  if (meta === undefined) return undefined;
  const loaded = listed<Targets>(
    metadata,
    `${meta.version}.${role}.json`,
    MetadataKind.Targets,
    'delegated',
    meta,
    (m) => parent.verifyDelegate(role, m),
  );
  verified.delegated.set(role, loaded);
  return loaded;
}
