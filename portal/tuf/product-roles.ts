/**
 * The catalog's layout: top-level targets holds the manager's own installers and delegates every product's releases
 * to a role of its own, `product.<product>`, signed with the online targets key(s). A client then fetches and
 * verifies only the roles of the products its contracts cover, not the whole catalog, and a publish re-signs only
 * the roles it changed. Each role is stored as `N.product.<product>.json` and listed in the snapshot.
 */
import type { Root } from '@tufjs/models';
import { isAppTargetCustom } from '../../shared/contracts/catalog.js';
import { ProductIdSchema } from '../../shared/contracts/common.js';
import type { MetadataStore } from './metadata-store.js';
import { readText, type RepositoryState } from './metadata-files.js';
import { parseTargets, type TargetEntry, type TargetsDocument } from './targets-metadata.js';

export const PRODUCT_ROLE_PREFIX = 'product.';
/**
 * tuf-js matches a delegation's path pattern segment by segment, so each depth needs a pattern of its own. Release
 * names have 4 segments (`<product>/<version>/<platform>-<arch>/<file>`); deeper names stay in top-level targets.
 */
const MAX_SEGMENTS = 5;

/** The `delegations` field of top-level targets, as the specification's JSON. */
export interface DelegationsJson {
  keys: Record<string, unknown>;
  roles: {
    name: string;
    keyids: string[];
    threshold: number;
    terminating: boolean;
    paths: string[];
  }[];
}

export function productRoleName(product: string): string {
  return `${PRODUCT_ROLE_PREFIX}${product}`;
}

/** The snapshot's file name for a role: `targets.json`, `product.<p>.json`. */
export function metaNameOf(role: string): string {
  return `${role}.json`;
}

export function isProductRole(role: string): boolean {
  return (
    role.startsWith(PRODUCT_ROLE_PREFIX) && ProductIdSchema.safeParse(role.slice(PRODUCT_ROLE_PREFIX.length)).success
  );
}

/**
 * The delegated role a target belongs in, or undefined for top-level targets: the manager's installers, and any name
 * whose first segment is not its product (or that is deeper than a delegation's patterns reach).
 */
export function productRoleOf(name: string, entry: Pick<TargetEntry, 'custom'>): string | undefined {
  const custom = entry.custom;
  if (typeof custom !== 'object' || custom === null || isAppTargetCustom(custom)) return undefined;
  const product = (custom as { product?: unknown }).product;
  if (typeof product !== 'string' || !ProductIdSchema.safeParse(product).success) return undefined;
  const segments = name.split('/');
  if (segments[0] !== product || segments.length < 2 || segments.length > MAX_SEGMENTS) return undefined;
  return productRoleName(product);
}

function pathsFor(product: string): string[] {
  return Array.from({ length: MAX_SEGMENTS - 1 }, (_, depth) => `${product}${'/*'.repeat(depth + 1)}`);
}

/** The delegated roles the snapshot lists, sorted: the ones clients can reach. */
export function delegatedRoles(state: Pick<RepositoryState, 'snapshot'>): string[] {
  return Object.keys(state.snapshot.signed.meta)
    .map((file) => file.replace(/\.json$/, ''))
    .filter(isProductRole)
    .sort();
}

/**
 * The keys every delegated role is signed with: the online targets key(s) root names, with root's targets threshold,
 * so that rotating the targets key in root is all it takes to move every product role and bin to the new key.
 */
export function targetsKeysOf(root: Root): { keys: Record<string, unknown>; keyids: string[]; threshold: number } {
  const targetsRole = root.roles['targets'];
  const keyids = [...(targetsRole?.keyIDs ?? [])].sort();
  const keys: Record<string, unknown> = {};
  for (const keyid of keyids) {
    const key = root.keys[keyid];
    if (key !== undefined) keys[keyid] = key.toJSON();
  }
  return { keys, keyids, threshold: targetsRole?.threshold ?? 1 };
}

/** Top-level targets' delegations to `roles`, keyed and thresholded as root's targets role. */
export function delegationsFor(root: Root, roles: Iterable<string>): DelegationsJson {
  const { keys, keyids, threshold } = targetsKeysOf(root);
  return {
    keys,
    roles: [...new Set(roles)].sort().map((name) => ({
      name,
      keyids,
      threshold,
      terminating: true,
      paths: pathsFor(name.slice(PRODUCT_ROLE_PREFIX.length)),
    })),
  };
}

export interface StoredRole {
  name: string;
  version: number;
  document: TargetsDocument;
}

/** A delegated role as the snapshot names it (version), or undefined when the snapshot does not list it. */
export async function readDelegatedRole(
  store: MetadataStore,
  state: Pick<RepositoryState, 'snapshot'>,
  role: string,
): Promise<StoredRole | undefined> {
  const meta = state.snapshot.signed.meta[metaNameOf(role)];
  if (meta === undefined) return undefined;
  const file = `${meta.version}.${role}.json`;
  return { name: role, version: meta.version, document: parseTargets(await readText(store, file), file) };
}
