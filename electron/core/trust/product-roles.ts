/**
 * The signed releases of chosen products. The portal's top-level targets delegates each product's releases to a
 * role `product.<product>` (which may in turn delegate to hash bins), so a customer fetches and verifies only the
 * roles of the products it has contracts for, never the whole catalog.
 *
 * tuf-js walks delegations only towards one target name (`getTargetInfo`); listing a product needs its role loaded
 * without a name. The updater's own `loadTargets(role, parent)` does exactly what a lookup does for that role — the
 * cached copy when it still matches the snapshot's version, length and hashes, else a fetch through the same fetcher,
 * checked against the snapshot and signed by the keys and threshold its parent's delegation names, then cached in
 * the metadata directory — and keeps the role in the updater's trusted set, where later lookups find it. It is
 * private in tuf-js's typings only; `delegatedRoleLoader` checks it is there.
 */
import type { Metadata, Targets } from '@tufjs/models';
import type { Updater } from 'tuf-js';
import { delegatedPathTest } from './delegated-paths.js';

/** The products whose releases to list, or every product the catalog delegates (a vendor's full listing). */
export type ProductScope = readonly string[] | 'all';

export const PRODUCT_ROLE_PREFIX = 'product.';

/** A delegated role's name for a product's releases. */
export function productRole(product: string): string {
  return `${PRODUCT_ROLE_PREFIX}${product}`;
}

export type LoadRole = (role: string, parent: string) => Promise<Metadata<Targets>>;

interface UpdaterInternals {
  loadTargets?: (role: string, parent: string) => Promise<Metadata<Targets> | undefined>;
}

/** The updater's loader for one delegated role; a tuf-js without it fails here, loudly, not with a wrong listing. */
export function delegatedRoleLoader(updater: Updater): LoadRole {
  const internals = updater as unknown as UpdaterInternals;
  const load = internals.loadTargets;
  if (typeof load !== 'function') throw new TypeError('tuf-js no longer has Updater#loadTargets');
  return async (role, parent) => {
    const loaded = await load.call(updater, role, parent);
    if (loaded === undefined) throw new TypeError(`tuf-js loaded no metadata for ${role}`);
    return loaded;
  };
}

/** One verified role and the product whose releases it lists. */
export interface ProductRole {
  product: string;
  role: string;
  metadata: Metadata<Targets>;
  /**
   * Whether the delegations leading to this role hand it `name`. A role is trusted only for the names delegated to
   * it (as a lookup would find them); an entry outside them is not listed.
   */
  trusts: (name: string) => boolean;
}

/** Roles below a product role, past which a delegation is not followed (a product role, its bins, no further). */
const MAX_DEPTH = 2;

interface Child {
  role: string;
  /** The names this delegation hands the child. */
  hands: (name: string) => boolean;
}

/** The children a verified targets role delegates to: every hash bin, or every named role. */
function childRoles(metadata: Metadata<Targets>): Child[] {
  const delegations = metadata.signed.delegations;
  if (delegations === undefined) return [];
  const succinct = delegations.succinctRoles;
  if (succinct !== undefined)
    return [...succinct.getRoles()].map((role) => ({
      role,
      hands: (name) => succinct.getRoleForTarget(name) === role,
    }));
  return Object.values(delegations.roles ?? {}).map((child) => ({
    role: child.name,
    hands: delegatedPathTest(child),
  }));
}

/**
 * Loads (verifying) the product roles of `scope` that top-level targets delegates, and everything they delegate to.
 * A product the catalog delegates no role for has no releases in it. Roles of one level load in parallel; a failure
 * is reported with the product it concerns (`onError`) and nothing of that load is returned.
 */
export async function loadProductRoles(
  top: Metadata<Targets>,
  scope: ProductScope,
  load: LoadRole,
  onError: (error: unknown, product: string) => Error,
): Promise<ProductRole[]> {
  const delegated = childRoles(top).filter(({ role }) => role.startsWith(PRODUCT_ROLE_PREFIX));
  const chosen = scope === 'all' ? undefined : new Set(scope.map(productRole));
  const wanted = delegated.filter(({ role }) => chosen === undefined || chosen.has(role));
  const loadUnder = async (
    product: string,
    { role, hands }: Child,
    parent: { role: string; trusts: (name: string) => boolean },
    depth: number,
  ): Promise<ProductRole[]> => {
    const metadata = await load(role, parent.role).catch((error: unknown) => Promise.reject(onError(error, product)));
    const trusts = (name: string) => hands(name) && parent.trusts(name);
    const children = depth < MAX_DEPTH ? childRoles(metadata) : [];
    const below = await Promise.all(children.map((child) => loadUnder(product, child, { role, trusts }, depth + 1)));
    return [{ product, role, metadata, trusts }, ...below.flat()];
  };
  const topLevel = { role: 'targets', trusts: () => true };
  const loaded = await Promise.all(
    wanted.map((child) => loadUnder(child.role.slice(PRODUCT_ROLE_PREFIX.length), child, topLevel, 1)),
  );
  return loaded.flat();
}
