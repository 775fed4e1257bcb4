/**
 * Hash bins inside a product's role. Past PRODUCT_BIN_THRESHOLD targets, a product's role `product.<p>` lists no
 * targets itself and delegates with TUF's succinct hash-bin roles (TAP 15) to 2^k bins `product.<p>.bin-<hex>`,
 * because tuf-js verifies a targets file in time that grows faster than linearly with its entries. A target belongs
 * to the bin given by the first k bits of the SHA-256 of its name, the rule tuf-js follows in
 * `SuccinctRoles#getRoleForTarget` (not exported by @tufjs/models, so it is written out here). Bins are signed with
 * the targets role's keys, stored as `N.product.<p>.bin-<hex>.json` and listed in the snapshot like the product
 * roles. k is fixed by the publish that first bins a product: a TUF client refuses a snapshot that drops a file it
 * listed before, so bins are never renamed or merged.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Root } from '@tufjs/models';
import { HicareError } from '../../shared/errors.js';
import type { MetadataStore } from './metadata-store.js';
import type { RepositoryState } from './metadata-files.js';
import { isProductRole, metaNameOf, readDelegatedRole, targetsKeysOf, type StoredRole } from './product-roles.js';
import type { TargetEntry, TargetsDocument } from './targets-metadata.js';

/** A product role with more targets than this is split into hash bins. */
export const PRODUCT_BIN_THRESHOLD = 4096;
/** About this many entries per bin when a product is first binned: a few hundred verify in a few milliseconds. */
export const TARGET_BIN_ENTRIES = 400;
const MAX_BIT_LENGTH = 14;
const BIN_SUFFIX = /\.bin-[0-9a-f]{1,4}$/;

/** A product role's `delegations` once it is binned, as the specification's JSON. */
export interface SuccinctDelegation {
  keys: Record<string, unknown>;
  succinct_roles: { keyids: string[]; threshold: number; bit_length: number; name_prefix: string };
}

/** The content of one delegated role to sign: its targets, and for a binned product role its delegation. */
export interface RoleContent {
  targets: Record<string, TargetEntry>;
  delegations?: SuccinctDelegation;
}

/** A product's role as stored, with its bins when it is binned. */
export interface StoredProduct {
  role: StoredRole;
  bins?: { bitLength: number; stored: Map<string, StoredRole> };
  /** Every target of the product, from the role or from its bins. */
  targets: Record<string, TargetEntry>;
}

export function binPrefixOf(productRole: string): string {
  return `${productRole}.bin`;
}

export function isProductBin(role: string): boolean {
  return BIN_SUFFIX.test(role) && isProductRole(role.replace(BIN_SUFFIX, ''));
}

/** The fewest bits that keep `count` targets at about TARGET_BIN_ENTRIES per bin (at least 2 bins). */
export function bitLengthFor(count: number, perBin = TARGET_BIN_ENTRIES): number {
  let bits = 1;
  while (bits < MAX_BIT_LENGTH && count / 2 ** bits > perBin) bits++;
  return bits;
}

function binName(prefix: string, index: number, bitLength: number): string {
  // Suffixes are as wide as the last bin's number in hex, as TAP 15 names them.
  return `${prefix}-${index.toString(16).padStart((2 ** bitLength - 1).toString(16).length, '0')}`;
}

/** The bin a target name belongs to. */
export function binFor(prefix: string, name: string, bitLength: number): string {
  return binName(prefix, createHash('sha256').update(name).digest().readUInt32BE(0) >>> (32 - bitLength), bitLength);
}

/** Every bin name, in order. */
export function allBins(prefix: string, bitLength: number): string[] {
  return Array.from({ length: 2 ** bitLength }, (_, i) => binName(prefix, i, bitLength));
}

/** A product role's delegation to its bins, keyed and thresholded as root's targets role. */
export function succinctDelegationFor(root: Root, productRole: string, bitLength: number): SuccinctDelegation {
  const { keys, keyids, threshold } = targetsKeysOf(root);
  return {
    keys,
    succinct_roles: {
      keyids,
      threshold,
      bit_length: bitLength,
      name_prefix: binPrefixOf(productRole),
    },
  };
}

/** The bit length a stored product role delegates with, or undefined while it lists its targets itself. */
export function binBitsOf(document: TargetsDocument, source: string): number | undefined {
  const delegations = document.signed['delegations'] as Partial<SuccinctDelegation> | undefined;
  const bits = delegations?.succinct_roles?.bit_length;
  if (bits === undefined) return undefined;
  // Only this portal writes the role; a bit length it never writes means the stored file is not what it signed.
  if (!Number.isSafeInteger(bits) || bits < 1 || bits > MAX_BIT_LENGTH) {
    throw new HicareError('INTERNAL.tufNotTargets', { source }, { source, bits });
  }
  return bits;
}

/** Every delegated role file the snapshot lists: product roles and their bins, sorted. */
export function listedRoles(state: Pick<RepositoryState, 'snapshot'>): string[] {
  return Object.keys(state.snapshot.signed.meta)
    .map((file) => file.replace(/\.json$/, ''))
    .filter((role) => isProductRole(role) || isProductBin(role))
    .sort();
}

/** A product's role and, when it is binned, every bin the snapshot lists for it. */
export async function readProduct(
  store: MetadataStore,
  state: Pick<RepositoryState, 'snapshot'>,
  productRole: string,
): Promise<StoredProduct | undefined> {
  const role = await readDelegatedRole(store, state, productRole);
  if (role === undefined) return undefined;
  const bitLength = binBitsOf(role.document, `${role.version}.${productRole}.json`);
  if (bitLength === undefined) return { role, targets: role.document.signed.targets };
  const stored = new Map<string, StoredRole>();
  const targets: Record<string, TargetEntry> = {};
  for (const bin of allBins(binPrefixOf(productRole), bitLength)) {
    const read = await readDelegatedRole(store, state, bin);
    if (read === undefined) {
      throw new HicareError(
        'INTERNAL.tufSnapshotWithoutBin',
        { version: state.snapshot.signed.version, bin },
        { bin, meta: metaNameOf(bin) },
      );
    }
    stored.set(bin, read);
    Object.assign(targets, read.document.signed.targets);
  }
  return { role, bins: { bitLength, stored }, targets };
}

export interface LayoutOptions {
  /** Bin a product past this many targets (PRODUCT_BIN_THRESHOLD unless a test wants it small). */
  binThreshold: number;
  /** Sign every document of the product, changed or not (near expiry, or after the targets key rotated). */
  resignAll?: boolean;
  /** Only these documents of a binned product are stale: re-sign just them (and whatever changed). */
  stale?: ReadonlySet<string>;
}

/**
 * The documents to sign for a product whose complete target list is now `targets`: the role alone while it is
 * small; the role (delegating, no targets) and every bin on the publish that crosses the threshold; afterwards only
 * the bins whose entries changed, and the role itself only when its delegation changed (a rotated targets key).
 */
export function productDocuments(
  root: Root,
  productRole: string,
  current: StoredProduct | undefined,
  targets: Record<string, TargetEntry>,
  options: LayoutOptions,
): Map<string, RoleContent> {
  const out = new Map<string, RoleContent>();
  const stale = options.stale ?? new Set<string>();
  const bitLength =
    current?.bins?.bitLength ??
    (Object.keys(targets).length > options.binThreshold ? bitLengthFor(Object.keys(targets).length) : undefined);
  if (bitLength === undefined) {
    out.set(productRole, { targets });
    return out;
  }
  const delegations = succinctDelegationFor(root, productRole, bitLength);
  const prefix = binPrefixOf(productRole);
  const grouped = new Map<string, Record<string, TargetEntry>>(allBins(prefix, bitLength).map((bin) => [bin, {}]));
  for (const [name, entry] of Object.entries(targets)) grouped.get(binFor(prefix, name, bitLength))![name] = entry;
  const roleChanged =
    current?.bins === undefined ||
    options.resignAll === true ||
    stale.has(productRole) ||
    !isDeepStrictEqual(current.role.document.signed['delegations'], delegations);
  if (roleChanged) out.set(productRole, { targets: {}, delegations });
  for (const [bin, entries] of grouped) {
    const before = current?.bins?.stored.get(bin)?.document.signed.targets;
    if (before === undefined || options.resignAll === true || stale.has(bin) || !isDeepStrictEqual(before, entries))
      out.set(bin, { targets: entries });
  }
  return out;
}
