/**
 * The published catalog as the portal's routes read it: the signed targets of the TUF repository, indexed by name
 * and by product. Reading and parsing targets.json on every request would cost milliseconds at catalog scale, so
 * the index is kept in memory and rebuilt only when the repository's entry point (`timestamp.json`) changes — which
 * also picks up a publish by the CLI next to a running portal, or by the signer of a shared database.
 */
import {
  AppTargetSchema,
  isAppTargetCustom,
  type AppTarget,
  type ReleaseTarget,
} from '../../shared/contracts/catalog.js';
import { assembleReleases, newestFirst } from '../../shared/domain/release-assembly.js';
import type { Release } from '../../shared/domain/release.js';
import { packageKey } from '../storage/blob-store.js';
import { openRepository, type RepositoryOptions, type TufRepository } from '../tuf/repository.js';

/** How often, at most, the repository is looked at for a new timestamp. */
const RECHECK_MS = 1000;

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

function buildIndex(stamp: string, targets: ReleaseTarget[]): Index {
  const byName = new Map<string, ReleaseTarget>();
  const grouped = new Map<string, ReleaseTarget[]>();
  const apps: AppTarget[] = [];
  for (const target of targets) {
    if (isAppTargetCustom(target.custom)) {
      const app = AppTargetSchema.safeParse(target);
      // An entry this portal cannot read is left out of the feed rather than served half-understood.
      if (app.success) apps.push(app.data);
      continue;
    }
    byName.set(target.name, target);
    const list = grouped.get(target.custom.product) ?? [];
    list.push(target);
    grouped.set(target.custom.product, list);
  }
  const byProduct = new Map<string, ProductCatalog>();
  for (const [product, list] of grouped) {
    // The same rule, on the same signed targets, as the client's resolver: both must see the same releases.
    byProduct.set(product, { targets: newestFirst(list), releases: assembleReleases(list) });
  }
  return { stamp, byName, byProduct, apps };
}

export class Catalog {
  readonly repository: TufRepository;
  private index: Index | undefined;
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
    if (this.index?.stamp !== stamp)
      this.index = buildIndex(stamp, stamp === 'none' ? [] : await this.repository.readTargets());
    return this.index;
  }
}
