/**
 * Trust in the portal's signed catalog: tuf-js's updater, started from a root the user trusts — the vendor's root
 * shipped in resources/trust/root.json, or a root file the user pointed at explicitly (the demo portal's, made at
 * seed time), shown with its fingerprint. Nothing is ever trusted on first use: a portal whose metadata does not
 * chain to that root is refused. Every package the app downloads or installs is checked against its verified
 * target first; what the portal's JSON API says about a package is only believed when it matches.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import type { Metadata, Targets } from '@tufjs/models';
import { BaseFetcher, Updater } from 'tuf-js';
import { DownloadHTTPError } from 'tuf-js/dist/error.js';
import got from 'got';
import { isAppTargetCustom, ReleaseTargetCustomSchema, type ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { TUF_PATH } from '../../../shared/contracts/portal-api.js';
import { HicareError } from '../../../shared/errors.js';
import type { TransportOptions } from '../portal/network.js';
import { delegatedRoleLoader, loadProductRoles, type LoadRole, type ProductScope } from './product-roles.js';
import { TimestampRevalidation } from './timestamp-revalidation.js';
import { trustError } from './trust-errors.js';

/** The SHA-256 of a root file, grouped for reading aloud over the phone: `AB12 CD34 …`. */
export function rootFingerprint(bytes: Buffer): string {
  const hex = createHash('sha256').update(bytes).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/** A target's signed facts as verified metadata states them, whatever its custom metadata describes. */
export interface SignedEntry {
  name: string;
  length: number;
  hashes: Record<string, string>;
  custom: unknown;
}

export interface TrustOptions {
  dataDirectory: string;
  portalUrl: string;
  /** The root the client starts from. */
  rootFile: string;
  transport?: TransportOptions;
  timeoutMs?: number;
}

/**
 * tuf-js's fetches through got, so proxies and extra CAs apply to metadata as they do to everything else. The
 * timestamp is asked for conditionally (see TimestampRevalidation): a 304 hands tuf-js the copy it already holds.
 */
class GotFetcher extends BaseFetcher {
  constructor(
    private readonly transport: TransportOptions,
    private readonly timeoutMs: number,
    private readonly timestamp: TimestampRevalidation,
  ) {
    super();
  }

  // tuf-js 5 reads a web stream; got hands a Node one, which Readable.toWeb adapts without copying the chunks.
  override async fetch(url: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    const stream = await this.fetchNode(url);
    return Readable.toWeb(Readable.from(stream)) as ReadableStream<Uint8Array<ArrayBuffer>>;
  }

  private async fetchNode(url: string): Promise<NodeJS.ReadableStream> {
    const conditional = TimestampRevalidation.isTimestamp(url);
    const held = conditional ? await this.timestamp.condition() : undefined;
    const headers = held === undefined ? {} : { 'if-none-match': held.etag };
    return new Promise((resolve, reject) => {
      const stream = got.stream(url, {
        ...this.transport,
        headers,
        throwHttpErrors: false,
        timeout: { connect: 5000, response: this.timeoutMs },
        retry: { limit: 1 },
      });
      stream.once(
        'response',
        (response: { statusCode: number; headers: Record<string, string | string[] | undefined> }) => {
          if (response.statusCode === 304 && held !== undefined) {
            stream.destroy();
            resolve(Readable.from([held.bytes]));
          } else if (response.statusCode >= 300) {
            stream.destroy();
            // tuf-js reads a 403/404 on the next root version as "no newer root", so the status must reach it in its type.
            // A 304 nobody asked for is a broken proxy: it has no body to verify.
            reject(new DownloadHTTPError(`${url} answered ${response.statusCode}`, response.statusCode));
          } else if (conditional) {
            const etag = response.headers['etag'];
            const tap = this.timestamp.observe(typeof etag === 'string' ? etag : undefined);
            pipeline(stream, tap, () => undefined);
            resolve(tap);
          } else resolve(stream);
        },
      );
      stream.once('error', reject);
    });
  }
}

export type { ProductScope };

/** One load per role at a time: screens listing together would otherwise fetch and write the same role twice. */
function sharedLoads(load: LoadRole): LoadRole {
  const loading = new Map<string, ReturnType<LoadRole>>();
  return (role, parent) => {
    let pending = loading.get(role);
    if (pending === undefined) {
      pending = load(role, parent).finally(() => loading.delete(role));
      loading.set(role, pending);
    }
    return pending;
  };
}

export class Trust {
  readonly metadataDir: string;
  private readonly options: TrustOptions;
  private updater: Updater | undefined;
  /** The updater's role loader, sharing one load of a role among callers listing at once. */
  private roleLoader: LoadRole | undefined;
  private readonly releases = new WeakMap<Metadata<Targets>, readonly ReleaseTarget[]>();
  private refreshing: Promise<void> | undefined;

  constructor(options: TrustOptions) {
    this.options = options;
    const portal = createHash('sha256').update(new URL(options.portalUrl).origin).digest('hex').slice(0, 16);
    this.metadataDir = join(options.dataDirectory, 'trust', portal);
  }

  /** Fetches and verifies the newest metadata; afterwards `verifiedTarget` answers from it. */
  async refresh(): Promise<void> {
    // tuf-js writes its metadata cache as it goes: two refreshes at once (the UI loads several screens together)
    // would write the same files. Callers arriving during a refresh share it.
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    const root = await readFile(this.options.rootFile).catch(() => {
      throw new HicareError('UNTRUSTED_PORTAL.rootUnreadable', { file: this.options.rootFile });
    });
    await this.seed(root);
    const timestamp = new TimestampRevalidation(this.metadataDir);
    const updater = new Updater({
      metadataBaseUrl: `${new URL(this.options.portalUrl).origin}${TUF_PATH.replace(/\/$/, '')}`,
      metadataDir: this.metadataDir,
      fetcher: new GotFetcher(this.options.transport ?? {}, this.options.timeoutMs ?? 15_000, timestamp),
    });
    try {
      await updater.refresh();
    } catch (error) {
      timestamp.discard();
      throw trustError(error, this.options.portalUrl);
    }
    // Only metadata tuf-js verified and kept gets an ETag remembered for it; a lost sidecar just costs a full fetch.
    await timestamp.settle().catch(() => undefined);
    this.updater = updater;
    this.roleLoader = sharedLoads(delegatedRoleLoader(updater));
  }

  /**
   * A fresh metadata cache starts from the trusted root. When the user trusts a different root (another portal
   * behind the same address, a re-seeded demo), the old cache is dropped: it chains to keys no longer trusted.
   */
  private async seed(root: Buffer): Promise<void> {
    const pinFile = join(this.metadataDir, 'trusted-root.sha256');
    const fingerprint = createHash('sha256').update(root).digest('hex');
    const pinned = await readFile(pinFile, 'utf8').catch(() => '');
    if (pinned.trim() !== fingerprint) {
      await rm(this.metadataDir, { recursive: true, force: true });
      await mkdir(this.metadataDir, { recursive: true });
      await copyFile(this.options.rootFile, join(this.metadataDir, 'root.json'));
      await writeFile(pinFile, `${fingerprint}\n`);
    }
  }

  /**
   * The signed releases of `scope`'s products: those top-level targets lists (the manager's own installers are not
   * releases) and those of each product's delegated role and its bins, loaded and verified only for those products
   * (`'all'`: every product the catalog delegates, a vendor's full listing). A name is listed once, from the role a
   * lookup of it would believe (top-level first); an entry outside what its role was delegated is not listed. A
   * product role that fails verification is refused with a coded error naming the product, and nothing is listed.
   */
  async allTargets(scope: ProductScope): Promise<ReleaseTarget[]> {
    if (this.updater === undefined) await this.refresh();
    const load = this.roleLoader!;
    const portal = this.options.portalUrl;
    const top = await load('targets', 'root').catch((error: unknown) => Promise.reject(trustError(error, portal)));
    const roles = await loadProductRoles(top, scope, load, (error, product) => trustError(error, portal, product));
    const wanted = scope === 'all' ? undefined : new Set(scope);
    const out: ReleaseTarget[] = [];
    const seen = new Set<string>();
    const add = (targets: readonly ReleaseTarget[], keep: (target: ReleaseTarget) => boolean) => {
      for (const target of targets) {
        if (seen.has(target.name) || !keep(target)) continue;
        seen.add(target.name);
        out.push(target);
      }
    };
    add(
      this.releasesOf(top, () => true),
      (t) => wanted === undefined || wanted.has(t.custom.product),
    );
    for (const { product, metadata, trusts } of roles)
      add(this.releasesOf(metadata, trusts), (t) => t.custom.product === product);
    return out;
  }

  /** The releases a verified role lists under names it was delegated, read once per loaded role. */
  private releasesOf(metadata: Metadata<Targets>, trusts: (name: string) => boolean): readonly ReleaseTarget[] {
    const known = this.releases.get(metadata);
    if (known !== undefined) return known;
    const out: ReleaseTarget[] = [];
    for (const [name, entry] of Object.entries(metadata.signed.targets)) {
      // The manager's own installers share the repository; they are not releases for the customer's systems.
      if (isAppTargetCustom(entry.custom) || !trusts(name)) continue;
      const custom = ReleaseTargetCustomSchema.safeParse(entry.custom);
      const sha256 = entry.hashes['sha256'];
      // An entry this version of the app cannot read is left out rather than guessed at.
      if (custom.success && sha256 !== undefined) out.push({ name, length: entry.length, sha256, custom: custom.data });
    }
    this.releases.set(metadata, out);
    return out;
  }

  /** The signed facts of one target: its length, hash and custom metadata, from verified metadata only. */
  async verifiedTarget(name: string): Promise<ReleaseTarget> {
    if (this.updater === undefined) await this.refresh();
    let info;
    try {
      info = await this.updater!.getTargetInfo(name);
    } catch (error) {
      throw trustError(error, this.options.portalUrl);
    }
    if (info === undefined) {
      throw new HicareError('TARGET_UNKNOWN.notInSignedCatalog', { name }, { target: name });
    }
    const custom = ReleaseTargetCustomSchema.safeParse(info.custom);
    const sha256 = info.hashes['sha256'];
    if (!custom.success || sha256 === undefined) {
      throw new HicareError('TRUST_METADATA_INVALID.entryIncomplete', { name }, { target: name });
    }
    return { name, length: info.length, sha256, custom: custom.data };
  }

  /**
   * The signed entry of `name` from freshly verified metadata (refreshed first, so a target published since the last
   * refresh is found), or undefined when the signed catalog has no such target. For callers that check bytes of
   * something other than a customer release — the manager's own update — against the vendor's signature.
   */
  async signedEntry(name: string): Promise<SignedEntry | undefined> {
    await this.refresh();
    let info;
    try {
      info = await this.updater!.getTargetInfo(name);
    } catch (error) {
      throw trustError(error, this.options.portalUrl);
    }
    return info === undefined
      ? undefined
      : { name, length: info.length, hashes: { ...info.hashes }, custom: info.custom };
  }

  /**
   * The target as the portal's API listed it, confirmed against the signed catalog. A portal (or anyone between it
   * and the app) offering a validly signed package under another product, version or platform is refused here.
   */
  async confirm(listed: ReleaseTarget): Promise<ReleaseTarget> {
    const signed = await this.verifiedTarget(listed.name);
    const facts = (t: ReleaseTarget) => ({
      product: t.custom.product,
      version: t.custom.version,
      platform: t.custom.platform,
      arch: t.custom.arch,
      sha256: t.sha256,
      length: t.length,
    });
    const said = facts(listed);
    const truth = facts(signed);
    const field = (Object.keys(truth) as (keyof typeof truth)[]).find((k) => said[k] !== truth[k]);
    if (field !== undefined) {
      throw new HicareError(
        'TARGET_MISMATCH.listedDiffers',
        { name: listed.name, field, said: String(said[field]), signed: String(truth[field]) },
        { target: listed.name, field },
      );
    }
    return signed;
  }
}
