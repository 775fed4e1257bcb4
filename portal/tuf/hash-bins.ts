/**
 * Publishing into hash bins, for catalogs too large for one targets file: tuf-js verifies a targets file in time
 * that grows faster than linearly with its entries (~10 s at 8,000), so 100,000 releases in top-level targets
 * cannot be verified in a client's second. Here top-level targets delegates to 2^k bins (hash-bin-layout.ts) of a
 * few hundred entries, and a client verifies only the bin of the target it looks up.
 *
 * The same promises as `TufRepository#addTargets`: everything is validated before anything is stored, bytes are
 * stored before the metadata naming them, each changed bin, targets, snapshot and timestamp is signed once per
 * batch, different bytes under a published name are refused. Bins are signed with the online targets key, which
 * top-level targets names as the bins' key. The number of bins is fixed by the first binned publish: a TUF client
 * refuses a snapshot that drops a file it listed before, so bins are never renamed or merged.
 */
import { isDeepStrictEqual } from 'node:util';
import { Metadata, MetaFile, Snapshot } from '@tufjs/models';
import {
  ReleaseTargetCustomSchema,
  type ReleaseTarget,
  type ReleaseTargetCustom,
} from '../../shared/contracts/catalog.js';
import { HicareError } from '../../shared/errors.js';
import { sha256Hex } from './canonical.js';
import { loadTrustedKey, type SigningKey } from './keys.js';
import { expiresAt, type JsonObject } from './metadata-files.js';
import { resign } from './publish.js';
import { REFRESH_MARGIN_MS, type RepositoryOptions, type TargetInput } from './repository.js';
import { storesFor, type RepositoryStores } from './stores.js';
import { commitStaged, discardStaged, stageFiles } from './target-files.js';
import { assertTargetName } from './target-name.js';
import {
  serializeTargets,
  signTargets,
  targetEntry,
  type TargetEntry,
  type TargetsSigned,
} from './targets-metadata.js';
import {
  allBins,
  assertBitLength,
  binFor,
  BIN_PREFIX,
  bitLengthFor,
  delegationOf,
  readBinnedState,
  type BinnedState,
  type SuccinctDelegation,
} from './hash-bin-layout.js';

export interface HashBinOptions extends RepositoryOptions {
  /** Bins = 2^bitLength; only for the first binned publish, which otherwise sizes it from the batch. */
  bitLength?: number;
  now?: Date;
}

export interface HashBinPublish {
  bitLength: number;
  bins: number;
  /** Bins signed anew by this batch. */
  changedBins: number;
  targets: ReleaseTarget[];
}

interface Prepared {
  name: string;
  path: string;
  custom: JsonObject;
}

function prepare(inputs: readonly TargetInput[]): Prepared[] {
  const seen = new Set<string>();
  return inputs.map((input) => {
    assertTargetName(input.name);
    if (seen.has(input.name))
      throw new HicareError('INVALID_INPUT.tufTargetTwice', { name: input.name }, { name: input.name });
    seen.add(input.name);
    const parsed = ReleaseTargetCustomSchema.safeParse(input.custom);
    if (!parsed.success) {
      throw new HicareError(
        'INVALID_INPUT.tufTargetMetadata',
        { name: input.name },
        {
          name: input.name,
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      );
    }
    if (input.path === undefined) {
      throw new HicareError('INVALID_INPUT.tufNoPackageFile', { name: input.name }, { name: input.name });
    }
    // A JSON round trip drops keys whose value is undefined, which canonical JSON (and so signing) cannot encode.
    return { name: input.name, path: input.path, custom: JSON.parse(JSON.stringify(parsed.data)) as JsonObject };
  });
}

function delegationFor(key: SigningKey, bitLength: number): SuccinctDelegation {
  return {
    keys: { [key.keyId]: key.publicKey.toJSON() },
    succinct_roles: { keyids: [key.keyId], threshold: 1, bit_length: bitLength, name_prefix: BIN_PREFIX },
  };
}

function binSigned(
  previous: TargetsSigned | undefined,
  specVersion: string,
  targets: Record<string, TargetEntry>,
  now: Date,
): TargetsSigned {
  return {
    _type: 'targets',
    spec_version: specVersion,
    version: (previous?.version ?? 0) + 1,
    expires: expiresAt(now, 'targets'),
    targets,
  };
}

/** Writes the changed bins, then re-signs targets (when it changed) → snapshot → timestamp over them. */
async function commitBins(
  options: HashBinOptions,
  stores: RepositoryStores,
  state: BinnedState,
  key: SigningKey,
  changed: Map<string, Record<string, TargetEntry>>,
  top: { targets: Record<string, TargetEntry>; delegation: SuccinctDelegation; changed: boolean },
  now: Date,
): Promise<void> {
  const meta = { ...state.snapshot.signed.meta };
  for (const [name, targets] of changed) {
    const signed = binSigned(state.bins.get(name)?.document.signed, state.targets.signed.spec_version, targets, now);
    const bytes = serializeTargets(signTargets(signed, key));
    await stores.metadata.put(`${signed.version}.${name}.json`, bytes);
    meta[`${name}.json`] = new MetaFile({
      version: signed.version,
      length: bytes.length,
      hashes: { sha256: sha256Hex(bytes) },
    });
  }
  // resign() carries the snapshot's meta over, so the bins enter it through the state it starts from.
  const s = state.snapshot.signed;
  const snapshot = new Metadata(
    new Snapshot({ version: s.version, specVersion: s.specVersion, expires: s.expires, meta }),
    state.snapshot.signatures,
  );
  const targets = { ...state.targets, signed: { ...state.targets.signed, delegations: top.delegation } };
  const from = top.changed ? 'targets' : 'snapshot';
  // resign() prunes old versions of every file the new snapshot lists, bins included.
  await resign({
    metadata: stores.metadata,
    keysDir: options.keysDir,
    state: { ...state, snapshot, targets },
    from,
    now,
    ...(from === 'targets' ? { targets: top.targets } : {}),
  });
}

function listed(name: string, entry: TargetEntry): ReleaseTarget {
  return {
    name,
    length: entry.length,
    sha256: entry.hashes['sha256'] ?? '',
    custom: entry.custom as ReleaseTargetCustom,
  };
}

/**
 * Publishes a batch into the hash bins. Names already published directly in top-level targets (by `addTargets`)
 * stay there, since clients look there first. An empty batch still turns a repository into a binned one.
 */
export async function publishToHashBins(
  options: HashBinOptions,
  inputs: readonly TargetInput[],
): Promise<HashBinPublish> {
  const now = options.now ?? new Date();
  const prepared = prepare(inputs);
  if (options.bitLength !== undefined) assertBitLength(options.bitLength);
  const stores = storesFor(options);
  return stores.lock.run(async () => {
    const state = await readBinnedState(stores.metadata);
    if (state.bitLength !== null && options.bitLength !== undefined && options.bitLength !== state.bitLength) {
      throw new HicareError(
        'INVALID_INPUT.tufBinsChosen',
        { bins: 2 ** state.bitLength },
        {
          bitLength: state.bitLength,
        },
      );
    }
    const key = await loadTrustedKey(options.keysDir, 'targets', state.root.signed);
    for (const role of ['snapshot', 'timestamp'] as const)
      await loadTrustedKey(options.keysDir, role, state.root.signed);
    const published = [...state.bins.values()].reduce((n, b) => n + Object.keys(b.document.signed.targets).length, 0);
    const bitLength = state.bitLength ?? options.bitLength ?? bitLengthFor(published + prepared.length);
    const delegation = delegationFor(key, bitLength);

    const staged = await stageFiles(prepared);
    const top = {
      targets: { ...state.targets.signed.targets },
      delegation,
      changed: !isDeepStrictEqual(delegationOf(state), delegation),
    };
    // A new layout lists every bin, empty ones too: tuf-js asks the snapshot for the bin of any name it looks up.
    const changed = new Map<string, Record<string, TargetEntry>>(
      state.bitLength === null ? allBins(bitLength).map((b) => [b, {}]) : [],
    );
    const entries: TargetEntry[] = [];
    try {
      prepared.forEach((item, i) => {
        const file = staged[i]!;
        const entry: TargetEntry = { length: file.length, hashes: { sha256: file.sha256 }, custom: item.custom };
        const atTop = targetEntry(state.targets.signed, item.name) !== undefined;
        const bin = binFor(item.name, bitLength);
        let binTargets = changed.get(bin);
        const current = atTop ? top.targets : (binTargets ?? state.bins.get(bin)?.document.signed.targets ?? {});
        const existing = Object.hasOwn(current, item.name) ? current[item.name] : undefined;
        if (existing !== undefined && (existing.hashes['sha256'] !== file.sha256 || existing.length !== file.length)) {
          throw new HicareError(
            'TARGET_CONFLICT.tufDifferentBytes',
            { name: item.name },
            {
              name: item.name,
              published: existing.hashes['sha256'],
              offered: file.sha256,
            },
          );
        }
        entries.push(entry);
        if (existing !== undefined && isDeepStrictEqual(existing, entry)) return;
        if (atTop) {
          top.targets[item.name] = entry;
          top.changed = true;
          return;
        }
        if (binTargets === undefined) {
          binTargets = { ...state.bins.get(bin)?.document.signed.targets };
          changed.set(bin, binTargets);
        }
        binTargets[item.name] = entry;
      });
    } catch (error) {
      await discardStaged(staged);
      throw error;
    }
    await commitStaged(stores.blobs, staged);
    if (changed.size > 0 || top.changed) await commitBins(options, stores, state, key, changed, top, now);
    return {
      bitLength,
      bins: 2 ** bitLength,
      changedBins: changed.size,
      targets: prepared.map((item, i) => listed(item.name, entries[i]!)),
    };
  });
}

/**
 * For the portal's scheduler, beside `refreshTimestamp`: re-signs the bins that near expiry (with the targets
 * role's margin) or are not signed by the key top-level targets names for them (after a targets key rotation).
 * Returns how many bins were re-signed.
 */
export async function refreshHashBins(options: RepositoryOptions & { now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const stores = storesFor(options);
  return stores.lock.run(async () => {
    const state = await readBinnedState(stores.metadata);
    if (state.bitLength === null) return 0;
    const key = await loadTrustedKey(options.keysDir, 'targets', state.root.signed);
    const delegation = delegationFor(key, state.bitLength);
    const changed = new Map<string, Record<string, TargetEntry>>();
    for (const [name, bin] of state.bins) {
      const stale =
        Date.parse(bin.document.signed.expires) - now.getTime() <= REFRESH_MARGIN_MS.targets ||
        !bin.document.signatures.some((s) => s.keyid === key.keyId);
      if (stale) changed.set(name, bin.document.signed.targets);
    }
    const top = {
      targets: state.targets.signed.targets,
      delegation,
      changed: !isDeepStrictEqual(delegationOf(state), delegation),
    };
    if (changed.size > 0 || top.changed) await commitBins(options, stores, state, key, changed, top, now);
    return changed.size;
  });
}

export {
  allBins,
  binFor,
  bitLengthFor,
  readBinnedState,
  TARGET_BIN_ENTRIES,
  type BinnedState,
  type StoredBin,
} from './hash-bin-layout.js';
