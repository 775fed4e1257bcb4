/**
 * The repository's metadata on disk, laid out for consistent snapshots: every root as `N.root.json` (clients walk
 * the chain one version at a time) plus `root.json`, targets and snapshot only as `N.<role>.json` (so a client that
 * read timestamp N always finds the snapshot and targets N refers to, even while a newer set is being written), and
 * the one unversioned entry point, `timestamp.json`. The files go through a MetadataStore (a folder or the database).
 */
import { Metadata, MetadataKind, MetaFile, type Root, type Snapshot, type Timestamp } from '@tufjs/models';
import { HicareError } from '../../shared/errors.js';
import { sha256Hex } from './canonical.js';
import { type TufRole } from './keys.js';
import { FolderMetadataStore, type MetadataStore } from './metadata-store.js';
import { parseTargets, serializeTargets, type TargetsDocument } from './targets-metadata.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long freshly signed metadata stays valid. Online roles are short so a stolen online key is worth little for long. */
export const LIFETIME_MS: Record<TufRole, number> = {
  root: 365 * DAY,
  targets: 90 * DAY,
  snapshot: 7 * DAY,
  timestamp: DAY,
};

/** The TUF specification version this repository's metadata declares (the one `@tufjs/models` implements). */
export const SPEC_VERSION = '1.0.31';

/** TUF's `expires`: UTC to the second, no fraction. */
export function expiresAt(now: Date, role: TufRole): string {
  return new Date(now.getTime() + LIFETIME_MS[role]).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface RepositoryState {
  root: Metadata<Root>;
  timestamp: Metadata<Timestamp>;
  snapshot: Metadata<Snapshot>;
  /** Plain JSON: see targets-metadata.ts for why not `Metadata<Targets>`. */
  targets: TargetsDocument;
}

export const TARGETS_META = 'targets.json';

export function metaFileFor(version: number, bytes: Buffer): MetaFile {
  return new MetaFile({ version, length: bytes.length, hashes: { sha256: sha256Hex(bytes) } });
}

type SmallMetadata = Metadata<Root | Timestamp | Snapshot>;

function serialize(metadata: SmallMetadata): Buffer {
  // Signatures cover the canonical form, so the layout is free: indented for the people who audit these files.
  return Buffer.from(`${JSON.stringify(metadata.toJSON(), null, 2)}\n`);
}

function fileNames(metadata: SmallMetadata): string[] {
  const { type, version } = metadata.signed;
  switch (type) {
    case MetadataKind.Root:
      return [`${version}.root.json`, 'root.json'];
    case MetadataKind.Timestamp:
      return ['timestamp.json'];
    case MetadataKind.Snapshot:
      return [`${version}.snapshot.json`];
  }
}

/** A store, or the folder of a repository kept as files (tools and tests name repositories that way). */
export type MetadataSource = string | MetadataStore;

export function metadataStoreOf(source: MetadataSource): MetadataStore {
  return typeof source === 'string' ? new FolderMetadataStore(source) : source;
}

/** Writes a signed file under every name it is served as; returns the bytes (snapshot and timestamp hash them). */
export async function writeMetadata(store: MetadataStore, metadata: SmallMetadata): Promise<Buffer> {
  const bytes = serialize(metadata);
  // In order: for root the versioned file is what clients fetch, so it must exist before `root.json` points past it.
  for (const name of fileNames(metadata)) await store.put(name, bytes);
  return bytes;
}

export async function writeTargets(store: MetadataStore, document: TargetsDocument): Promise<Buffer> {
  const bytes = serializeTargets(document);
  await store.put(`${document.signed.version}.targets.json`, bytes);
  return bytes;
}

/** The JSON shape `@tufjs/models` parses (its own alias is not exported). */
export type JsonObject = Parameters<typeof Metadata.fromJSON>[1];

export async function readText(store: MetadataStore, name: string): Promise<string> {
  const found = await store.get(name);
  if (found === undefined) {
    throw new HicareError('NOT_FOUND.tufMetadata', { name }, { name });
  }
  return found.bytes.toString('utf8');
}

async function readJson(store: MetadataStore, name: string): Promise<JsonObject> {
  return JSON.parse(await readText(store, name)) as JsonObject;
}

/** The newest root: `root.json`, or a later `N.root.json` if a rotation stopped before updating `root.json`. */
export async function readRoot(source: MetadataSource): Promise<Metadata<Root>> {
  const store = metadataStoreOf(source);
  let root = Metadata.fromJSON(MetadataKind.Root, await readJson(store, 'root.json'));
  while ((await store.sha256Of(`${root.signed.version + 1}.root.json`)) !== undefined) {
    root = Metadata.fromJSON(MetadataKind.Root, await readJson(store, `${root.signed.version + 1}.root.json`));
  }
  return root;
}

export async function readRootVersion(source: MetadataSource, version: number): Promise<Metadata<Root>> {
  return Metadata.fromJSON(MetadataKind.Root, await readJson(metadataStoreOf(source), `${version}.root.json`));
}

/** The set a client would see now: follow timestamp → snapshot → targets by version. */
export async function readState(source: MetadataSource): Promise<RepositoryState> {
  const store = metadataStoreOf(source);
  const root = await readRoot(store);
  const timestamp = Metadata.fromJSON(MetadataKind.Timestamp, await readJson(store, 'timestamp.json'));
  const snapshot = Metadata.fromJSON(
    MetadataKind.Snapshot,
    await readJson(store, `${timestamp.signed.snapshotMeta.version}.snapshot.json`),
  );
  const targetsMeta = snapshot.signed.meta[TARGETS_META];
  if (targetsMeta === undefined) {
    throw new HicareError('INTERNAL.tufSnapshotWithoutTargets', {
      version: snapshot.signed.version,
      file: TARGETS_META,
    });
  }
  const targetsName = `${targetsMeta.version}.targets.json`;
  const targets = parseTargets(await readText(store, targetsName), targetsName);
  return { root, timestamp, snapshot, targets };
}

/**
 * Deletes versions older than the last few of snapshot, targets and every hash bin. A client mid-refresh may still
 * ask for the version its timestamp named a moment ago, so the recent ones stay; older ones are never asked for again
 * and, with many targets, each weighs megabytes. Roots are never pruned: clients walk every version of the chain.
 */
export async function pruneOldVersions(store: MetadataStore, state: RepositoryState, keep = 3): Promise<void> {
  const current = new Map<string, number>([
    ['snapshot', state.snapshot.signed.version],
    ['targets', state.targets.signed.version],
  ]);
  for (const [file, meta] of Object.entries(state.snapshot.signed.meta))
    current.set(file.replace(/\.json$/, ''), meta.version);
  for (const entry of await store.list()) {
    const match = /^(\d+)\.(.+)\.json$/.exec(entry);
    if (match === null || match[2] === 'root') continue;
    const newest = current.get(match[2]!);
    if (newest !== undefined && Number(match[1]) <= newest - keep) await store.delete(entry);
  }
}
