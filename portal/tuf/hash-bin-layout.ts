/**
 * Where hash-binned targets live. Top-level targets delegates with TUF's succinct hash-bin roles (TAP 15) to 2^k
 * bins named `bins-<hex>`; a target belongs to the bin given by the first k bits of the SHA-256 of its name, the
 * rule of TAP 15 that tuf-js follows in `SuccinctRoles#getRoleForTarget` (not exported by @tufjs/models, so it is
 * written out here; test/bench/tuf-catalog.ts looks every published target up through tuf-js).
 * Bins are stored like top-level targets, as `N.bins-<hex>.json` in the metadata store, and each is listed in the
 * snapshot.
 */
import { createHash } from 'node:crypto';
import { HicareError } from '../../shared/errors.js';
import { metadataStoreOf, readState, readText, type MetadataSource, type RepositoryState } from './metadata-files.js';
import { parseTargets, type TargetsDocument } from './targets-metadata.js';

export const BIN_PREFIX = 'bins';
/** A bin's verification by tuf-js grows faster than linearly with its entries (see test/bench/tuf-catalog.ts). */
export const TARGET_BIN_ENTRIES = 400;
const MAX_BIT_LENGTH = 14;

/** The `delegations` field of top-level targets as the JSON of the specification. */
export interface SuccinctDelegation {
  keys: Record<string, unknown>;
  succinct_roles: { keyids: string[]; threshold: number; bit_length: number; name_prefix: string };
}

export interface StoredBin {
  version: number;
  /** Size of the stored file, as the snapshot lists it. */
  bytes: number;
  document: TargetsDocument;
}

export interface BinnedState extends RepositoryState {
  /** null while the repository does not delegate to hash bins yet. */
  bitLength: number | null;
  bins: Map<string, StoredBin>;
}

/** The fewest bits that keep `count` targets at about TARGET_BIN_ENTRIES per bin (at least 2 bins). */
export function bitLengthFor(count: number, perBin = TARGET_BIN_ENTRIES): number {
  let bits = 1;
  while (bits < MAX_BIT_LENGTH && count / 2 ** bits > perBin) bits++;
  return bits;
}

export function assertBitLength(bitLength: number): void {
  if (!Number.isSafeInteger(bitLength) || bitLength < 1 || bitLength > MAX_BIT_LENGTH) {
    throw new HicareError(
      'INVALID_INPUT.tufBinBits',
      { value: String(bitLength), max: MAX_BIT_LENGTH },
      {
        bitLength,
      },
    );
  }
}

function binName(index: number, bitLength: number): string {
  // Suffixes are as wide as the last bin's number in hex, as TAP 15 names them.
  return `${BIN_PREFIX}-${index.toString(16).padStart((2 ** bitLength - 1).toString(16).length, '0')}`;
}

/** The bin a target name belongs to. */
export function binFor(name: string, bitLength: number): string {
  return binName(createHash('sha256').update(name).digest().readUInt32BE(0) >>> (32 - bitLength), bitLength);
}

/** Every bin name, in order. */
export function allBins(bitLength: number): string[] {
  return Array.from({ length: 2 ** bitLength }, (_, i) => binName(i, bitLength));
}

export function delegationOf(state: RepositoryState): SuccinctDelegation | undefined {
  const delegations = state.targets.signed['delegations'] as Partial<SuccinctDelegation> | undefined;
  const roles = delegations?.succinct_roles;
  return roles !== undefined && roles.name_prefix === BIN_PREFIX && delegations?.keys !== undefined
    ? (delegations as SuccinctDelegation)
    : undefined;
}

/** The set a client would see now, with every bin the snapshot lists. */
export async function readBinnedState(source: MetadataSource): Promise<BinnedState> {
  const store = metadataStoreOf(source);
  const state = await readState(store);
  const delegation = delegationOf(state);
  const bins = new Map<string, StoredBin>();
  if (delegation !== undefined) {
    for (const name of allBins(delegation.succinct_roles.bit_length)) {
      const meta = state.snapshot.signed.meta[`${name}.json`];
      if (meta === undefined) {
        throw new HicareError(
          'INTERNAL.tufSnapshotWithoutBin',
          { version: state.snapshot.signed.version, bin: name },
          { bin: name },
        );
      }
      const file = `${meta.version}.${name}.json`;
      const text = await readText(store, file);
      bins.set(name, { version: meta.version, bytes: Buffer.byteLength(text), document: parseTargets(text, file) });
    }
  }
  return { ...state, bitLength: delegation?.succinct_roles.bit_length ?? null, bins };
}
