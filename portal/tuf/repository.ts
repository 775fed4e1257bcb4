/**
 * The portal's TUF repository: a directory served statically under `/tuf/` (metadata at its top, package bytes under
 * `targets/`). Publishing validates everything first, so a bad batch changes nothing, then stores the bytes, then
 * signs targets → snapshot → timestamp once for the whole batch.
 */
import { mkdir } from 'node:fs/promises';
import { Metadata, Root, Snapshot, Timestamp } from '@tufjs/models';
import {
  ReleaseTargetCustomSchema,
  type ReleaseTarget,
  type ReleaseTargetCustom,
} from '../../shared/contracts/catalog.js';
import { HicareError } from '../../shared/errors.js';
import type { BlobStore } from '../storage/blob-store.js';
import { loadKey, loadTrustedKey, TUF_ROLES, type KeyDirs, type SigningKey, type TufRole } from './keys.js';
import type { RepositoryLock } from './lock.js';
import type { MetadataStore } from './metadata-store.js';
import {
  expiresAt,
  metaFileFor,
  readState,
  SPEC_VERSION,
  TARGETS_META,
  writeMetadata,
  writeTargets,
  type JsonObject,
  type RepositoryState,
} from './metadata-files.js';
import { resign, signedByTrustedKey, type OnlineRole } from './publish.js';
import { assertTargetName } from './target-name.js';
import { storesFor, type StoreOptions } from './stores.js';
import { commitStaged, discardStaged, stageFiles } from './target-files.js';
import { listedRoles, PRODUCT_BIN_THRESHOLD } from './product-bins.js';
import { delegatedRoles, readDelegatedRole } from './product-roles.js';
import { TargetPlacement } from './target-placement.js';
import { emptyTargets, signTargets, type TargetEntry, type TargetsDocument } from './targets-metadata.js';

export interface RepositoryOptions extends StoreOptions {
  /** Holds `offline/root.pem` and `online/{targets,snapshot,timestamp}.pem` (or see KeyDirs). */
  keysDir: KeyDirs;
  /** A product's role is split into hash bins past this many targets (product-bins.ts); tests set it small. */
  productBinThreshold?: number;
}

export interface TargetInput {
  /** A safe relative path, e.g. `product/1.2.0/linux-x64/product-1.2.0.tar.gz`. */
  name: string;
  /**
   * Where the package bytes are now; they are copied into the blob store. Absent for a target already published,
   * whose stored bytes stay (a change of its metadata only, such as a new lifecycle).
   */
  path?: string;
  /** Validated with ReleaseTargetCustomSchema; stored with its defaults filled in. */
  custom: unknown;
}

const ONLINE_ROLES = ['targets', 'snapshot', 'timestamp'] as const satisfies readonly OnlineRole[];
const HOUR = 3_600_000;
/**
 * How close to expiry each online role may get before the scheduler re-signs it. The timestamp's margin leaves a
 * missed hourly run or two before clients see it expire; the longer-lived roles get margins to match.
 */
export const REFRESH_MARGIN_MS: Record<OnlineRole, number> = {
  timestamp: 6 * HOUR,
  snapshot: 24 * HOUR,
  targets: 7 * 24 * HOUR,
};

/** Creates version 1 of every role, signed with the keys in `keysDir` (see `initKeys`). */
export async function initRepository(options: RepositoryOptions & { now?: Date }): Promise<TufRepository> {
  const { repoDir, keysDir } = options;
  const { metadata, lock } = storesFor(options);
  const now = options.now ?? new Date();
  if (metadata.kind === 'folder' || options.lock === undefined) await mkdir(repoDir, { recursive: true });
  return lock.run(async () => {
    if (
      (await metadata.sha256Of('root.json')) !== undefined ||
      (await metadata.sha256Of('1.root.json')) !== undefined
    ) {
      throw metadata.kind === 'folder'
        ? new HicareError('TUF_ALREADY_INITIALIZED.tufRepositoryInFolder', { repoDir }, { repoDir })
        : new HicareError('TUF_ALREADY_INITIALIZED.tufRepositoryInDatabase', {}, { repoDir });
    }
    const keys = {} as Record<TufRole, SigningKey>;
    for (const role of TUF_ROLES) keys[role] = await loadKey(keysDir, role);

    const root = new Root({
      version: 1,
      specVersion: SPEC_VERSION,
      expires: expiresAt(now, 'root'),
      consistentSnapshot: true,
    });
    for (const role of TUF_ROLES) root.addKey(keys[role].publicKey, role);
    const rootMd = new Metadata(root);
    rootMd.sign(keys.root.signer);

    // Written leaves first, so that whoever sees root.json also finds the rest.
    const targets = signTargets(emptyTargets(SPEC_VERSION, expiresAt(now, 'targets')), keys.targets);
    const targetsMeta = metaFileFor(1, await writeTargets(metadata, targets));
    const snapshot = new Metadata(
      new Snapshot({
        version: 1,
        specVersion: SPEC_VERSION,
        expires: expiresAt(now, 'snapshot'),
        meta: { [TARGETS_META]: targetsMeta },
      }),
    );
    snapshot.sign(keys.snapshot.signer);
    const snapshotMeta = metaFileFor(1, await writeMetadata(metadata, snapshot));
    const timestamp = new Metadata(
      new Timestamp({ version: 1, specVersion: SPEC_VERSION, expires: expiresAt(now, 'timestamp'), snapshotMeta }),
    );
    timestamp.sign(keys.timestamp.signer);
    await writeMetadata(metadata, timestamp);
    await writeMetadata(metadata, rootMd);
    return new TufRepository(options);
  });
}

export function openRepository(options: RepositoryOptions): TufRepository {
  return new TufRepository(options);
}

function parseCustom(name: string, custom: unknown): JsonObject {
  const parsed = ReleaseTargetCustomSchema.safeParse(custom);
  if (!parsed.success) {
    throw new HicareError(
      'INVALID_INPUT.tufTargetMetadata',
      { name },
      {
        name,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    );
  }
  // A JSON round trip drops keys whose value is undefined, which canonical JSON (and so signing) cannot encode.
  return JSON.parse(JSON.stringify(parsed.data)) as JsonObject;
}

function listed(name: string, entry: TargetEntry): ReleaseTarget {
  // Everything in targets went through parseCustom before it was signed.
  return { name, length: entry.length, sha256: entry.hashes.sha256 ?? '', custom: entry.custom as ReleaseTargetCustom };
}

/** The stored bytes of a published target, for an input that changes only its metadata. */
function keptBytes(existing: TargetEntry | undefined, name: string): { sha256: string; length: number } {
  if (existing === undefined) {
    throw new HicareError('INVALID_INPUT.tufNeedsPackageFile', { name }, { name });
  }
  return { sha256: existing.hashes.sha256 ?? '', length: existing.length };
}

export class TufRepository {
  readonly repoDir: string;
  readonly keysDir: KeyDirs;
  readonly metadata: MetadataStore;
  readonly blobs: BlobStore;
  readonly lock: RepositoryLock;
  readonly productBinThreshold: number;

  constructor(options: RepositoryOptions) {
    this.repoDir = options.repoDir;
    this.productBinThreshold = options.productBinThreshold ?? PRODUCT_BIN_THRESHOLD;
    this.keysDir = options.keysDir;
    ({ metadata: this.metadata, blobs: this.blobs, lock: this.lock } = storesFor(options));
  }

  /** The options that reach the same stores, for the functions beside this class (rotation). */
  get options(): RepositoryOptions {
    return {
      repoDir: this.repoDir,
      keysDir: this.keysDir,
      metadata: this.metadata,
      blobs: this.blobs,
      lock: this.lock,
      productBinThreshold: this.productBinThreshold,
    };
  }

  async addTarget(input: TargetInput & { now?: Date }): Promise<ReleaseTarget> {
    const [target] = await this.addTargets([input], input.now === undefined ? {} : { now: input.now });
    return target!;
  }

  /**
   * Publishes a batch with one signature per role. Re-publishing a target with the same bytes updates its custom
   * metadata; different bytes under a published name are refused (TARGET_CONFLICT), because clients and caches treat
   * a name as one package. A batch that changes nothing signs nothing.
   */
  async addTargets(inputs: readonly TargetInput[], options: { now?: Date } = {}): Promise<ReleaseTarget[]> {
    const now = options.now ?? new Date();
    const seen = new Set<string>();
    const prepared = inputs.map((input) => {
      assertTargetName(input.name);
      if (seen.has(input.name)) {
        throw new HicareError('INVALID_INPUT.tufTargetTwice', { name: input.name }, { name: input.name });
      }
      seen.add(input.name);
      return { name: input.name, path: input.path, custom: parseCustom(input.name, input.custom) };
    });
    if (prepared.length === 0) return [];

    return this.lock.run(async () => {
      const state = await readState(this.metadata);
      // Missing keys found now, before any bytes are stored, keep a refused publish from leaving files behind.
      for (const role of ONLINE_ROLES) await loadTrustedKey(this.keysDir, role, state.root.signed);
      const placement = new TargetPlacement(this.metadata, state);
      await placement.moveReleasesOutOfTop();
      const existing: (TargetEntry | undefined)[] = [];
      for (const item of prepared) existing.push((await placement.find(item.name))?.entry);
      const kept = prepared.map((item, i) => (item.path === undefined ? keptBytes(existing[i], item.name) : undefined));
      const toStage = prepared.flatMap((item) =>
        item.path === undefined ? [] : [{ name: item.name, path: item.path }],
      );
      const staged = await stageFiles(toStage);
      const entries: TargetEntry[] = [];
      try {
        let s = 0;
        prepared.forEach((item, i) => {
          const file = kept[i] ?? staged[s++]!;
          const published = existing[i];
          if (
            published !== undefined &&
            (published.hashes.sha256 !== file.sha256 || published.length !== file.length)
          ) {
            throw new HicareError(
              'TARGET_CONFLICT.tufDifferentBytes',
              { name: item.name },
              { name: item.name, published: published.hashes.sha256, offered: file.sha256 },
            );
          }
          entries.push({ length: file.length, hashes: { sha256: file.sha256 }, custom: item.custom });
        });
      } catch (error) {
        await discardStaged(staged);
        throw error;
      }
      await commitStaged(this.blobs, staged);
      for (const [i, item] of prepared.entries()) await placement.put(item.name, entries[i]!);
      if (placement.anyChange) await this.commit(state, placement, now);
      return prepared.map((item, i) => listed(item.name, entries[i]!));
    });
  }

  /** Signs the roles a placement changed, then snapshot and timestamp (top-level targets only when it changed). */
  private async commit(state: RepositoryState, placement: TargetPlacement, now: Date): Promise<void> {
    await resign({
      metadata: this.metadata,
      keysDir: this.keysDir,
      state,
      from: placement.topChanged ? 'targets' : 'snapshot',
      now,
      targets: placement.top,
      roles: await placement.changedDocuments(state.root.signed, this.productBinThreshold),
    });
  }

  /**
   * For the portal's scheduler: re-signs the timestamp when it is within 6 hours of expiry. It also re-signs snapshot,
   * targets or a product's role when they near their own expiry, or when they are not signed by the key root trusts
   * (a rotation that stopped half-way), since a fresh timestamp over expired or untrusted metadata would not help any
   * client. Releases still in top-level targets (a repository from before product roles) are moved into their
   * products' roles here too, so an upgraded portal converts within the hour even if nothing is published.
   * Returns whether anything was re-signed.
   */
  async refreshTimestamp(options: { now?: Date } = {}): Promise<boolean> {
    const now = options.now ?? new Date();
    return this.lock.run(async () => {
      const state = await readState(this.metadata);
      const stale = (role: OnlineRole): boolean =>
        Date.parse(state[role].signed.expires) - now.getTime() <= REFRESH_MARGIN_MS[role] ||
        !signedByTrustedKey(state, role);
      // Delegated roles and their bins expire like targets and are signed with its key, so they go stale on the same
      // terms; only the stale documents of a product are re-signed.
      const trusted = state.root.signed.roles['targets']?.keyIDs ?? [];
      const isStale = (document: TargetsDocument): boolean =>
        Date.parse(document.signed.expires) - now.getTime() <= REFRESH_MARGIN_MS.targets ||
        !document.signatures.some((s) => trusted.includes(s.keyid));
      const placement = new TargetPlacement(this.metadata, state);
      const staleRoles = new Map<string, { documents: ReadonlySet<string> }>();
      for (const role of delegatedRoles(state)) {
        const product = await placement.product(role);
        if (product === undefined) continue;
        const documents = new Set<string>();
        if (isStale(product.role.document)) documents.add(role);
        for (const [bin, stored] of product.bins?.stored ?? []) if (isStale(stored.document)) documents.add(bin);
        if (documents.size > 0) staleRoles.set(role, { documents });
      }
      const moved = (await placement.moveReleasesOutOfTop()) > 0;
      const from = moved ? 'targets' : ONLINE_ROLES.find(stale);
      const roles = await placement.changedDocuments(state.root.signed, this.productBinThreshold, staleRoles);
      if (from === undefined && roles.size === 0) return false;
      await resign({
        metadata: this.metadata,
        keysDir: this.keysDir,
        state,
        from: from ?? 'snapshot',
        now,
        targets: placement.top,
        roles,
      });
      return true;
    });
  }

  /**
   * The published targets, as the current timestamp leads a client to them: top-level, then each product role and
   * bin (a binned product's role lists no targets itself).
   */
  async readTargets(): Promise<ReleaseTarget[]> {
    const state = await readState(this.metadata);
    const all = Object.entries(state.targets.signed.targets).map(([name, entry]) => listed(name, entry));
    for (const role of listedRoles(state)) {
      const stored = await readDelegatedRole(this.metadata, state, role);
      for (const [name, entry] of Object.entries(stored?.document.signed.targets ?? {})) all.push(listed(name, entry));
    }
    return all;
  }
}
