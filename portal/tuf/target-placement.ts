/**
 * A publish's working copy of where targets live: top-level targets and the product roles the batch touches, each
 * read only when a target of its product is looked up (a publish into a catalog of 100,000 targets reads one role,
 * not all of them), with its hash bins when it has them. It records what changed, so only those roles (and, in a
 * binned product, only the bins whose entries changed) are signed anew.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Root } from '@tufjs/models';
import type { MetadataStore } from './metadata-store.js';
import type { RepositoryState } from './metadata-files.js';
import { productDocuments, readProduct, type RoleContent, type StoredProduct } from './product-bins.js';
import { isProductRole, productRoleName, productRoleOf } from './product-roles.js';
import type { TargetEntry } from './targets-metadata.js';

/** Where a target is: a delegated role's name, or undefined for top-level targets. */
export type Place = string | undefined;

export class TargetPlacement {
  readonly top: Record<string, TargetEntry>;
  topChanged = false;
  private readonly roles = new Map<string, Record<string, TargetEntry>>();
  private readonly stored = new Map<string, StoredProduct | undefined>();
  private readonly changed = new Set<string>();

  constructor(
    private readonly store: MetadataStore,
    private readonly state: RepositoryState,
  ) {
    this.top = { ...state.targets.signed.targets };
  }

  /** A product's role (and bins) as stored, read once per publish. */
  async product(role: string): Promise<StoredProduct | undefined> {
    if (!this.stored.has(role)) this.stored.set(role, await readProduct(this.store, this.state, role));
    return this.stored.get(role);
  }

  private async load(role: string): Promise<Record<string, TargetEntry>> {
    let targets = this.roles.get(role);
    if (targets === undefined) {
      targets = { ...(await this.product(role))?.targets };
      this.roles.set(role, targets);
    }
    return targets;
  }

  private async targetsAt(place: Place): Promise<Record<string, TargetEntry>> {
    return place === undefined ? this.top : this.load(place);
  }

  private markChanged(place: Place): void {
    if (place === undefined) this.topChanged = true;
    else this.changed.add(place);
  }

  /** The published entry under `name`, wherever it is (top-level first, as clients look). */
  async find(name: string): Promise<{ place: Place; entry: TargetEntry } | undefined> {
    if (Object.hasOwn(this.top, name)) return { place: undefined, entry: this.top[name]! };
    const role = productRoleName(name.split('/')[0] ?? '');
    if (!isProductRole(role)) return undefined;
    const targets = await this.load(role);
    return Object.hasOwn(targets, name) ? { place: role, entry: targets[name]! } : undefined;
  }

  /** Puts `entry` where it belongs (moving it if it was elsewhere); returns whether anything changed. */
  async put(name: string, entry: TargetEntry): Promise<boolean> {
    const place = productRoleOf(name, entry);
    const existing = await this.find(name);
    if (existing !== undefined && existing.place === place && isDeepStrictEqual(existing.entry, entry)) return false;
    if (existing !== undefined && existing.place !== place) {
      delete (await this.targetsAt(existing.place))[name];
      this.markChanged(existing.place);
    }
    (await this.targetsAt(place))[name] = entry;
    this.markChanged(place);
    return true;
  }

  /**
   * Moves every release still in top-level targets (a repository from before product roles) into its product's
   * role. Idempotent: afterwards top-level holds only what belongs there. Clients that held the old top-level keep
   * working: a target moving into a delegated role is an ordinary change of the repository.
   */
  async moveReleasesOutOfTop(): Promise<number> {
    let moved = 0;
    for (const [name, entry] of Object.entries(this.top)) {
      const place = productRoleOf(name, entry);
      if (place === undefined) continue;
      delete this.top[name];
      this.topChanged = true;
      (await this.load(place))[name] = entry;
      this.changed.add(place);
      moved++;
    }
    return moved;
  }

  /**
   * The documents to sign anew: for each changed product, its role or the bins that changed (see productDocuments);
   * `stale` adds products whose listed documents must be re-signed although their entries did not change.
   */
  async changedDocuments(
    root: Root,
    binThreshold: number,
    stale: ReadonlyMap<string, { resignAll?: boolean; documents?: ReadonlySet<string> }> = new Map(),
  ): Promise<Map<string, RoleContent>> {
    const out = new Map<string, RoleContent>();
    for (const role of [...new Set([...this.changed, ...stale.keys()])].sort()) {
      const current = await this.product(role);
      const targets = await this.load(role);
      const why = stale.get(role);
      const documents = productDocuments(root, role, current, targets, {
        binThreshold,
        ...(why?.resignAll === true ? { resignAll: true } : {}),
        ...(why?.documents === undefined ? {} : { stale: why.documents }),
      });
      for (const [name, content] of documents) out.set(name, content);
    }
    return out;
  }

  get anyChange(): boolean {
    return this.topChanged || this.changed.size > 0;
  }
}
