/**
 * The portal's side of the 100,000-target signed catalog (test/bench/tuf-catalog.ts runs it): the targets published
 * over 100 products into per-product roles, then, in the same run,
 * - publishing one more release into that catalog (goal < 2 s: it reads and re-signs only its product's role);
 * - the vendor's full listing: the portal's catalog index rebuilt from the stores with every role parsed, all
 *   100,000 targets (goal < 1 s), and again after one publish, when only the changed role is parsed;
 * - what a customer of 3 products has to fetch (root, timestamp, snapshot, top-level and 3 product roles);
 * - the earlier single-file layout's cost: the same 100,000 targets as one targets document, parsed by the patched
 *   @tufjs/models (`Metadata.fromJSON`) beside `JSON.parse` of the same text as the reference.
 *
 * Knobs: HICARE_BENCH_TUF_TARGETS (default 100000), HICARE_BENCH_TUF_PRODUCTS (default 100).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Metadata, MetadataKind } from '@tufjs/models';
import { ReleaseTargetCustomSchema } from '../../shared/contracts/catalog.js';
import { Catalog } from '../../portal/catalog/catalog.js';
import { readState, type JsonObject } from '../../portal/tuf/metadata-files.js';
import { sha256Hex } from '../../portal/tuf/canonical.js';
import { delegatedRoles, productRoleName } from '../../portal/tuf/product-roles.js';
import { resign } from '../../portal/tuf/publish.js';
import type { TargetEntry } from '../../portal/tuf/targets-metadata.js';
import { type TargetInput } from '../../portal/tuf/repository.js';
import { freshRepository, publishedTargets, releaseCustom, type Fixture } from '../integration/portal-tuf/helpers.js';
import { recordGoal } from './goals.js';

export const CATALOG_TARGETS = Number(process.env['HICARE_BENCH_TUF_TARGETS'] ?? 100_000);
export const CATALOG_PRODUCTS = Number(process.env['HICARE_BENCH_TUF_PRODUCTS'] ?? 100);

export interface ProductCatalogFigures {
  targets: number;
  products: number;
  publishAllS: number;
  publishOneS: number;
  listingS: number;
  listingAfterPublishS: number;
  customerBytes: number;
  customerGzipBytes: number;
  singleJsonParseMs: number;
  singleFromJsonMs: number;
}

const productOf = (i: number): string => `product-${String(i % CATALOG_PRODUCTS).padStart(3, '0')}`;

/**
 * `count` releases spread evenly over the products. With `filesIn`, each gets a distinct small package file there
 * (for layouts that publish through a repository's staging); without, each has its would-be package bytes only.
 */
export async function catalogReleases(count: number, filesIn?: string): Promise<TargetInput[]> {
  // Parsed once: the batch's cost should be the repository's, not zod's on 100,000 equal objects.
  const custom = ReleaseTargetCustomSchema.parse(releaseCustom({ notes: '', minUpgradeFrom: '>=1.0.0' }));
  const inputs: TargetInput[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(i / CATALOG_PRODUCTS);
    const version = `${Math.floor(n / 300)}.${Math.floor(n / 3) % 100}.0`;
    const platform = (['linux', 'win', 'mac'] as const)[n % 3]!;
    const product = productOf(i);
    inputs.push({
      name: `${product}/${version}/${platform}-x64/${product}-${version}.tar.gz`,
      ...(filesIn === undefined ? {} : { path: join(filesIn, `${i}.tar.gz`) }),
      custom: { ...custom, product, version, platform, lifecycle: undefined },
    });
  }
  if (filesIn !== undefined) {
    await mkdir(filesIn, { recursive: true });
    for (let i = 0; i < count; i += 1000) {
      await Promise.all(inputs.slice(i, i + 1000).map((input, j) => writeFile(input.path ?? '', `package ${i + j}`)));
    }
  }
  return inputs;
}

/**
 * A repository holding `sources` in their product roles, signed in one go (timed). The roles are the ones
 * `addTargets` writes, but built directly: staging 100,000 package files (copy, hash, fsync each) would take many
 * minutes and measure the disk, not the catalog. So no package bytes are stored for them; publishOneS below goes
 * through `addTargets` with a real file.
 */
export async function publishCatalog(sources: TargetInput[]): Promise<{ fixture: Fixture; seconds: number }> {
  const fixture = await freshRepository();
  const t = performance.now();
  const roles = new Map<string, Record<string, TargetEntry>>();
  sources.forEach((input, i) => {
    // A JSON round trip, as a publish does: nothing undefined reaches canonical JSON.
    const custom = JSON.parse(JSON.stringify(input.custom)) as { product: string };
    const bytes = Buffer.from(`package ${i}`);
    const role = productRoleName(custom.product);
    const targets = roles.get(role) ?? {};
    targets[input.name] = { length: bytes.length, hashes: { sha256: sha256Hex(bytes) }, custom };
    roles.set(role, targets);
  });
  const { metadata, keysDir } = fixture.repo.options;
  await resign({
    metadata: metadata!,
    keysDir,
    state: await readState(fixture.repoDir),
    from: 'snapshot',
    now: new Date(),
    roles: new Map([...roles].map(([role, targets]) => [role, { targets }])),
  });
  return { fixture, seconds: (performance.now() - t) / 1000 };
}

/** Wall-clock and CPU seconds of listing every product's targets through the portal's catalog index. */
async function listingSeconds(
  fixture: Fixture,
  catalog = new Catalog(fixture.repo.options),
): Promise<{ seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  let count = 0;
  for (const product of await catalog.products()) count += (await catalog.product(product)).targets.length;
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  if (count < CATALOG_TARGETS) throw new Error(`the listing holds ${count} targets, not ${CATALOG_TARGETS}`);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Bytes a client of `products` fetches from scratch: root, timestamp, snapshot, top-level targets, their roles. */
async function customerBytes(fixture: Fixture, products: string[]): Promise<{ bytes: number; gzipped: number }> {
  const state = await readState(fixture.repoDir);
  const files = [
    '1.root.json',
    'timestamp.json',
    `${state.snapshot.signed.version}.snapshot.json`,
    `${state.targets.signed.version}.targets.json`,
    ...products.map(
      (p) => `${state.snapshot.signed.meta[`${productRoleName(p)}.json`]?.version}.${productRoleName(p)}.json`,
    ),
  ];
  let bytes = 0;
  let gzipped = 0;
  for (const file of files) {
    const content = await readFile(join(fixture.repoDir, file));
    bytes += content.length;
    gzipped += gzipSync(content).length;
  }
  return { bytes, gzipped };
}

/** The earlier layout: every target in one targets document, as the models parse it and as JSON.parse does. */
async function singleFileParse(fixture: Fixture): Promise<{ jsonParseMs: number; fromJsonMs: number }> {
  const state = await readState(fixture.repoDir);
  const text = JSON.stringify({
    signatures: state.targets.signatures,
    signed: { ...state.targets.signed, delegations: undefined, targets: await publishedTargets(fixture.repoDir) },
  });
  // Best of three each: a single run at this size is at the mercy of one garbage collection.
  let jsonParseMs = Infinity;
  let fromJsonMs = Infinity;
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    const json = JSON.parse(text) as JsonObject;
    jsonParseMs = Math.min(jsonParseMs, performance.now() - t);
    t = performance.now();
    Metadata.fromJSON(MetadataKind.Targets, json);
    fromJsonMs = Math.min(fromJsonMs, performance.now() - t);
  }
  return { jsonParseMs, fromJsonMs };
}

const s = (v: number): string => (v >= 10 ? `${v.toFixed(1)} s` : `${(v * 1000).toFixed(0)} ms`);

export async function productCatalogFigures(sources: TargetInput[], work: string): Promise<ProductCatalogFigures> {
  const load = loadavg()[0]!;
  const { fixture, seconds: publishAllS } = await publishCatalog(sources.slice(0, CATALOG_TARGETS));
  const state = await readState(fixture.repoDir);
  const products = delegatedRoles(state).length;

  const catalog = new Catalog(fixture.repo.options);
  const listing = await listingSeconds(fixture, catalog);
  const listingS = listing.seconds;

  const extra = join(work, 'one-more.tar.gz');
  await writeFile(extra, 'one more release');
  const product = productOf(0);
  const t = performance.now();
  await fixture.repo.addTargets([
    {
      name: `${product}/99.0.0/linux-x64/${product}-99.0.0.tar.gz`,
      path: extra,
      custom: { ...(sources[0]!.custom as object), version: '99.0.0', platform: 'linux' },
    },
  ]);
  const publishOneS = (performance.now() - t) / 1000;
  catalog.invalidate();
  const listingAfterPublishS = (await listingSeconds(fixture, catalog)).seconds;

  const bytes = await customerBytes(fixture, [productOf(0), productOf(1), productOf(2)]);
  const single = await singleFileParse(fixture);
  const figures: ProductCatalogFigures = {
    targets: CATALOG_TARGETS,
    products,
    publishAllS,
    publishOneS,
    listingS,
    listingAfterPublishS,
    customerBytes: bytes.bytes,
    customerGzipBytes: bytes.gzipped,
    singleJsonParseMs: single.jsonParseMs,
    singleFromJsonMs: single.fromJsonMs,
  };

  const n = CATALOG_TARGETS.toLocaleString('en');
  console.log(
    `\nPer-product roles, portal side: ${n} targets over ${products} products (load average ${load.toFixed(2)})`,
  );
  console.log(`  sign all ${n} into their roles (setup):     ${s(publishAllS)}`);
  console.log(`  publish one release into the catalog:      ${s(publishOneS)}   (goal < 2 s)`);
  console.log(
    `  vendor listing, index rebuilt from stores: ${s(listingS)} (${s(listing.cpuSeconds)} CPU)   (goal < 1 s)`,
  );
  console.log(`  the same after one publish (1 role parsed): ${s(listingAfterPublishS)}`);
  console.log(
    `  metadata a 3-product customer fetches:     ${(bytes.bytes / 1024).toFixed(0)} KiB, ` +
      `${(bytes.gzipped / 1024).toFixed(0)} KiB gzipped   (goal < 1024 KiB transferred)`,
  );
  console.log(
    `  one targets document of ${n} (the earlier layout): JSON.parse ${s(single.jsonParseMs / 1000)}, ` +
      `Metadata.fromJSON with the patched models ${s(single.fromJsonMs / 1000)} ` +
      `(${(single.fromJsonMs / single.jsonParseMs).toFixed(1)}× JSON.parse)`,
  );
  console.log(`  load average at the end ${loadavg()[0]!.toFixed(2)}`);
  recordGoal('download', `publish one release into ${n} targets`, publishOneS, 's', '<', 2);
  recordGoal('download', `vendor's full listing of ${n} targets (index rebuilt)`, listingS, 's', '<', 1);
  return figures;
}
