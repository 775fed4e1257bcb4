/**
 * The published catalog as the portal's routes read it: the signed targets of the TUF repository (top-level and every
 * product's role), indexed by name and by product. Reading and parsing them on every request would cost
 * milliseconds at catalog scale, so the index is kept in memory and rebuilt only when the repository's entry point
 * (`timestamp.json`) changes — which also picks up a publish by the CLI next to a running portal, or by the signer of
 * a shared database. A rebuild reads only the product roles whose version changed; the others are reused as parsed.
 */
import {
  AppTargetSchema,
  isAppTargetCustom,
  type AppTarget,
  type ReleaseTarget,
  type ReleaseTargetCustom,
} from '../../shared/contracts/catalog.js';
import { assembleReleases, newestFirst } from '../../shared/domain/release-assembly.js';
import type { Release } from '../../shared/domain/release.js';
import { packageKey } from '../storage/blob-store.js';
import { readState } from '../tuf/metadata-files.js';
import { listedRoles } from '../tuf/product-bins.js';
import { metaNameOf, readDelegatedRole, type StoredRole } from '../tuf/product-roles.js';
import { openRepository, type RepositoryOptions, type TufRepository } from '../tuf/repository.js';
import type { TargetEntry } from '../tuf/targets-metadata.js';

/** How often, at most, the repository is looked at for a new timestamp. */
const RECHECK_MS = 1000;
/** Product roles read at once while the index is rebuilt. */
const PARALLEL_READS = 8;

export interface ProductCatalog {
  /** Newest version first; one entry per platform build. */
  targets: ReleaseTarget[];
  /** One per version, with its platforms, for the shared domain rules. */
  releases: Release[];
}

interface Index {
  stamp: string;
  byName: Map<string, ReleaseTarget>;
  byProduct: Map<string, ProductCatalog>;
  /** The manager's own installers: signed in the same repository, never offered as a customer release. */
  apps: AppTarget[];
}

/** One signed role as listed: kept across rebuilds while its version stays the same. */
interface ParsedRole {
  version: number;
  targets: ReleaseTarget[];
  /** Per product, sorted and assembled; reused as long as no other role adds targets of the same product. */
  products: Map<string, ProductCatalog>;
}

function listed(name: string, entry: TargetEntry): ReleaseTarget {
  // Everything in the repository went through the publish's schema before it was signed.
  return {
    name,
    length: entry.length,
    sha256: entry.hashes['sha256'] ?? '',
    custom: entry.custom as ReleaseTargetCustom,
  };
}

function productCatalog(list: ReleaseTarget[]): ProductCatalog {
  // The same rule, on the same signed targets, as the client's resolver: both must see the same releases.
  return { targets: newestFirst(list), releases: assembleReleases(list) };
}

function parseRole(version: number, entries: Record<string, TargetEntry>): ParsedRole {
  const targets: ReleaseTarget[] = [];
  const grouped = new Map<string, ReleaseTarget[]>();
  for (const [name, entry] of Object.entries(entries)) {
    const target = listed(name, entry);
    targets.push(target);
    if (isAppTargetCustom(target.custom)) continue;
    const list = grouped.get(target.custom.product) ?? [];
    list.push(target);
    grouped.set(target.custom.product, list);
  }
  return { version, targets, products: new Map([...grouped].map(([p, list]) => [p, productCatalog(list)])) };
}

function buildIndex(stamp: string, roles: ParsedRole[]): Index {
  const byName = new Map<string, ReleaseTarget>();
  const apps: AppTarget[] = [];
  const sources = new Map<string, ParsedRole[]>();
  for (const role of roles) {
    for (const target of role.targets) {
      if (isAppTargetCustom(target.custom)) {
        const app = AppTargetSchema.safeParse(target);
        // An entry this portal cannot read is left out of the feed rather than served half-understood.
        if (app.success) apps.push(app.data);
        continue;
      }
      byName.set(target.name, target);
    }
    for (const product of role.products.keys()) sources.set(product, [...(sources.get(product) ?? []), role]);
  }
  const byProduct = new Map<string, ProductCatalog>();
  for (const [product, from] of sources) {
    const only = from.length === 1 ? from[0]!.products.get(product) : undefined;
    byProduct.set(product, only ?? productCatalog(from.flatMap((r) => r.products.get(product)!.targets)));
  }
  return { stamp, byName, byProduct, apps };
}

export class Catalog {
  readonly repository: TufRepository;
  private index: Index | undefined;
  /** Parsed roles by name (`targets`, `product.<p>`), with the version they were parsed at. */
  private roles = new Map<string, ParsedRole>();
  private checkedAt = 0;
  private loading: Promise<Index> | undefined;

  constructor(options: RepositoryOptions) {
    this.repository = openRepository(options);
  }

  /** The blob store key of a target's bytes. */
  packageKey(target: Pick<ReleaseTarget, 'name' | 'sha256'>): string {
    return packageKey(target);
  }

  async target(name: string): Promise<ReleaseTarget | undefined> {
    return (await this.current()).byName.get(name);
  }

  async product(product: string): Promise<ProductCatalog> {
    return (await this.current()).byProduct.get(product) ?? { targets: [], releases: [] };
  }

  async products(): Promise<string[]> {
    return [...(await this.current()).byProduct.keys()].sort();
  }

  /** The manager's own signed installers (portal/app-updates/ serves them as electron-updater's feed). */
  async appTargets(): Promise<AppTarget[]> {
    return (await this.current()).apps;
  }

  /** Forget the index (after a publish in this process), so the next read sees the new targets at once. */
  invalidate(): void {
    this.checkedAt = 0;
  }

  private async current(): Promise<Index> {
    const now = Date.now();
    if (this.index !== undefined && now - this.checkedAt < RECHECK_MS) return this.index;
    this.loading ??= this.reload().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async reload(): Promise<Index> {
    // Until a repository exists the catalog is empty, not broken.
    const stamp = (await this.repository.metadata.changeStamp()) ?? 'none';
    this.checkedAt = Date.now();
    if (this.index?.stamp !== stamp) this.index = buildIndex(stamp, stamp === 'none' ? [] : await this.readRoles());
    return this.index;
  }

  /** Every role the current snapshot lists, parsing only those whose version is not the one already parsed. */
  private async readRoles(): Promise<ParsedRole[]> {
    const store = this.repository.metadata;
    const state = await readState(store);
    const next = new Map<string, ParsedRole>();
    const top = this.roles.get('targets');
    next.set(
      'targets',
      top?.version === state.targets.signed.version
        ? top
        : parseRole(state.targets.signed.version, state.targets.signed.targets),
    );
    const toRead: string[] = [];
    for (const role of listedRoles(state)) {
      const known = this.roles.get(role);
      if (known !== undefined && known.version === state.snapshot.signed.meta[metaNameOf(role)]?.version)
        next.set(role, known);
      else toRead.push(role);
    }
    // A few reads in flight at once: a full rebuild reads every role, and one at a time it waits on each in turn.
    const reading = toRead.map((role) => ({ role, stored: undefined as StoredRole | undefined }));
    let at = 0;
    const reader = async (): Promise<void> => {
      while (at < reading.length) {
        const item = reading[at++]!;
        item.stored = await readDelegatedRole(store, state, item.role);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, reading.length) }, reader));
    for (const { role, stored } of reading)
      if (stored !== undefined) next.set(role, parseRole(stored.version, stored.document.signed.targets));
    this.roles = next;
    return [...next.values()];
  }
}
