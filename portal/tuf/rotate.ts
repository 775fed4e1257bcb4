/**
 * `keys rotate <role>`: replace one role's key. Clients learn keys only from root, so a rotation publishes root N+1
 * listing the new key, signed by the key of root N (which clients already trust, so they can chain to it). Rotating
 * root itself signs N+1 with both the old and the new root key: clients require a new root to satisfy the old root's
 * threshold and its own. After an online key changes, that role's metadata is re-signed with the new key (and the
 * files that refer to it follow), or clients that accept the new root would reject the old signatures.
 */
import { Metadata, Root } from '@tufjs/models';
import { discardNextKey, loadTrustedKey, promoteNextKey, stageNextKey, type TufRole } from './keys.js';
import { expiresAt, readState, writeMetadata, type JsonObject } from './metadata-files.js';
import { PRODUCT_BIN_THRESHOLD, type RoleContent } from './product-bins.js';
import { delegatedRoles } from './product-roles.js';
import { resign } from './publish.js';
import type { RepositoryOptions } from './repository.js';
import { storesFor } from './stores.js';
import { TargetPlacement } from './target-placement.js';

export interface RotationResult {
  role: TufRole;
  retiredKeyIds: string[];
  keyId: string;
  rootVersion: number;
}

interface RootJson {
  version: number;
  expires: string;
  keys: Record<string, unknown>;
  roles: Record<string, { keyids: string[]; threshold: number }>;
  [field: string]: unknown;
}

/** The next root: same as `current` but with `role` trusting only `newKey`, and keys nobody uses any more dropped. */
function nextRoot(current: Root, role: TufRole, newKeyId: string, newKeyJson: unknown, now: Date): Root {
  const json = structuredClone(current.toJSON()) as unknown as RootJson;
  const roleEntry = json.roles[role];
  if (roleEntry === undefined) throw new TypeError(`root has no ${role} role`);
  roleEntry.keyids = [newKeyId];
  json.keys[newKeyId] = newKeyJson;
  const stillUsed = new Set(Object.values(json.roles).flatMap((r) => r.keyids));
  for (const keyId of Object.keys(json.keys)) if (!stillUsed.has(keyId)) delete json.keys[keyId];
  json.version = current.version + 1;
  json.expires = expiresAt(now, 'root');
  return Root.fromJSON(json as unknown as JsonObject);
}

export async function rotateKey(options: RepositoryOptions & { role: TufRole; now?: Date }): Promise<RotationResult> {
  const { keysDir, role } = options;
  const { metadata, lock } = storesFor(options);
  const now = options.now ?? new Date();
  return lock.run(async () => {
    const state = await readState(metadata);
    const rootKey = await loadTrustedKey(keysDir, 'root', state.root.signed);
    const retiredKeyIds = [...(state.root.signed.roles[role]?.keyIDs ?? [])];
    const newKey = await stageNextKey(keysDir, role);
    let root: Metadata<Root>;
    try {
      root = new Metadata(nextRoot(state.root.signed, role, newKey.keyId, newKey.publicKey.toJSON(), now));
      root.sign(rootKey.signer);
      if (role === 'root') root.sign(newKey.signer);
      // The two checks a client makes before it accepts this root; failing here is far better than failing in the field.
      state.root.verifyDelegate('root', root);
      root.verifyDelegate('root', root);
      await writeMetadata(metadata, root);
    } catch (error) {
      await discardNextKey(keysDir, role);
      throw error;
    }
    await promoteNextKey(keysDir, role);
    if (role !== 'root') {
      // Product roles and their bins are signed with the targets key too: each is re-signed, and the delegations
      // (top-level's and binned products') name the new key.
      let roles = new Map<string, RoleContent>();
      if (role === 'targets') {
        const placement = new TargetPlacement(metadata, state);
        const every = new Map(delegatedRoles(state).map((name) => [name, { resignAll: true }]));
        roles = await placement.changedDocuments(
          root.signed,
          options.productBinThreshold ?? PRODUCT_BIN_THRESHOLD,
          every,
        );
      }
      await resign({ metadata, keysDir, state: { ...state, root }, from: role, now, roles });
    }
    return { role, retiredKeyIds, keyId: newKey.keyId, rootVersion: root.signed.version };
  });
}
