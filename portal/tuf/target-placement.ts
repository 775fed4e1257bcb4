/**
 * A publish's working copy of where targets live: top-level targets and the product roles the batch touches, each
 * read only when a target of its product is looked up (a publish into a catalog of 100,000 targets reads one role,
 * not all of them). It records what changed, so only those roles are signed anew.
 */
import { isDeepStrictEqual } from 'node:util';
import type { MetadataStore } from './metadata-store.js';
import type { RepositoryState } from './metadata-files.js';
import { isProductRole, productRoleName, productRoleOf, readDelegatedRole } from './product-roles.js';
import type { TargetEntry } from './targets-metadata.js';

/** Where a target is: a delegated role's name, or undefined for top-level targets. */
export type Place = string | undefined;

export class TargetPlacement {
  readonly top: Record<string, TargetEntry>;
  topChanged = false;
  private readonly roles = new Map<string, Record<string, TargetEntry>>();
  private readonly changed = new Set<string>();

  constructor(
    private readonly store: MetadataStore,
    private readonly state: RepositoryState,
  ) {
    this.top = { ...state.targets.signed.targets };
  }

  private async load(role: string): Promise<Record<string, TargetEntry>> {
    let targets = this.roles.get(role);
    if (targets === undefined) {
      const stored = await readDelegatedRole(this.store, this.state, role);
      targets = { ...stored?.document.signed.targets };
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

  /** The roles to sign anew, each with its complete target list. */
  changedRoles(): Map<string, Record<string, TargetEntry>> {
    return new Map([...this.changed].sort().map((role) => [role, this.roles.get(role)!]));
  }

  get anyChange(): boolean {
    return this.topChanged || this.changed.size > 0;
  }
}
