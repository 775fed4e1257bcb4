/**
 * Re-signing the online roles. A change to targets needs a new snapshot (it records the targets version) and a new
 * timestamp (it records the snapshot version); a fresh snapshot needs a new timestamp. Each new file gets version + 1
 * and is written before the file that refers to it, so `timestamp.json` — the only entry point — flips last.
 * Delegated product roles (product-roles.ts) and their hash bins (product-bins.ts) are signed with the targets key
 * and recorded in the snapshot like targets; top-level targets is re-signed with them only when its delegation list
 * changes.
 */
import { isDeepStrictEqual } from 'node:util';
import { Metadata, Snapshot, Timestamp } from '@tufjs/models';
import { loadTrustedKey, type KeyDirs } from './keys.js';
import type { MetadataStore } from './metadata-store.js';
import {
  expiresAt,
  metaFileFor,
  pruneOldVersions,
  TARGETS_META,
  writeMetadata,
  writeTargets,
  type RepositoryState,
} from './metadata-files.js';
import type { RoleContent } from './product-bins.js';
import { delegatedRoles, delegationsFor, isProductRole, metaNameOf } from './product-roles.js';
import { serializeTargets, signTargets, type TargetEntry, type TargetsSigned } from './targets-metadata.js';

export type OnlineRole = 'targets' | 'snapshot' | 'timestamp';

export interface ResignOptions {
  metadata: MetadataStore;
  keysDir: KeyDirs;
  state: RepositoryState;
  /** The first role to re-sign; every role after it in targets → snapshot → timestamp follows. */
  from: OnlineRole;
  now: Date;
  /** The complete new target list; only with `from: 'targets'`. Defaults to the current one. */
  targets?: Record<string, TargetEntry>;
  /**
   * Delegated roles and bins to sign anew, each with its complete content (the same content re-signs it, e.g. near
   * expiry). A product role the snapshot does not list yet is added to top-level targets' delegations.
   */
  roles?: ReadonlyMap<string, RoleContent>;
}

export async function resign(options: ResignOptions): Promise<RepositoryState> {
  const { metadata: store, keysDir, now } = options;
  const { root } = options.state;
  let { targets, snapshot, timestamp } = options.state;
  const roles = options.roles ?? new Map<string, RoleContent>();
  const meta = { ...snapshot.signed.meta };

  if (roles.size > 0) {
    const key = await loadTrustedKey(keysDir, 'targets', root.signed);
    for (const [role, content] of roles) {
      const signed: TargetsSigned = {
        _type: 'targets',
        spec_version: targets.signed.spec_version,
        version: (meta[metaNameOf(role)]?.version ?? 0) + 1,
        expires: expiresAt(now, 'targets'),
        targets: content.targets,
      };
      if (content.delegations !== undefined) signed['delegations'] = content.delegations;
      const bytes = serializeTargets(signTargets(signed, key));
      await store.put(`${signed.version}.${role}.json`, bytes);
      meta[metaNameOf(role)] = metaFileFor(signed.version, bytes);
    }
  }

  // The delegations follow root (a rotated targets key) and the roles the snapshot lists (a new product).
  const listed = [...new Set([...delegatedRoles(options.state), ...[...roles.keys()].filter(isProductRole)])];
  const current = targets.signed['delegations'];
  const delegations = listed.length === 0 && current === undefined ? current : delegationsFor(root.signed, listed);
  const from = options.from === 'targets' || !isDeepStrictEqual(current, delegations) ? 'targets' : options.from;

  if (from === 'targets') {
    const signed: TargetsSigned = {
      ...targets.signed,
      version: targets.signed.version + 1,
      expires: expiresAt(now, 'targets'),
      targets: options.targets ?? targets.signed.targets,
    };
    if (delegations !== undefined) signed['delegations'] = delegations;
    targets = signTargets(signed, await loadTrustedKey(keysDir, 'targets', root.signed));
  }

  if (from === 'targets' || from === 'snapshot' || roles.size > 0) {
    if (from === 'targets') {
      // Length matters beyond integrity: tuf-js caps the targets download at this length when it is given and at
      // 5 MB otherwise, which a catalog of tens of thousands of releases exceeds.
      meta[TARGETS_META] = metaFileFor(targets.signed.version, await writeTargets(store, targets));
    }
    snapshot = new Metadata(
      new Snapshot({
        version: snapshot.signed.version + 1,
        specVersion: snapshot.signed.specVersion,
        expires: expiresAt(now, 'snapshot'),
        meta,
      }),
    );
    snapshot.sign((await loadTrustedKey(keysDir, 'snapshot', root.signed)).signer, false);
    const snapshotBytes = await writeMetadata(store, snapshot);
    timestamp = nextTimestamp(timestamp, metaFileFor(snapshot.signed.version, snapshotBytes), now);
  } else {
    timestamp = nextTimestamp(timestamp, timestamp.signed.snapshotMeta, now);
  }

  timestamp.sign((await loadTrustedKey(keysDir, 'timestamp', root.signed)).signer, false);
  await writeMetadata(store, timestamp);

  const state = { root, targets, snapshot, timestamp };
  await pruneOldVersions(store, state);
  return state;
}

function nextTimestamp(
  previous: Metadata<Timestamp>,
  snapshotMeta: Timestamp['snapshotMeta'],
  now: Date,
): Metadata<Timestamp> {
  return new Metadata(
    new Timestamp({
      version: previous.signed.version + 1,
      specVersion: previous.signed.specVersion,
      expires: expiresAt(now, 'timestamp'),
      snapshotMeta,
    }),
  );
}

/** Whether the stored signature on a role's metadata is by a key the current root trusts (false mid-rotation). */
export function signedByTrustedKey(state: RepositoryState, role: OnlineRole): boolean {
  const trusted = state.root.signed.roles[role]?.keyIDs ?? [];
  const signers =
    role === 'targets' ? state.targets.signatures.map((s) => s.keyid) : Object.keys(state[role].signatures);
  return signers.some((keyId) => trusted.includes(keyId));
}
