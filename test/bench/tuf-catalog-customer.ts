/**
 * `node --import tsx test/bench/tuf-catalog-customer.ts`: a customer's catalog refresh in the per-product layout.
 * 100,000 targets over 100 products, each product's releases in its own delegated role (signed by hand with
 * @tufjs/models into the layout the portal publishes, served from a loopback server that counts what is fetched).
 * The app's own Trust (real tuf-js plus the product role loader) starts from the first root in a fresh metadata
 * directory and lists the releases of a customer with 3 products: DESIGN.md §8 wants < 300 ms and < 1 MiB of
 * metadata. A client's full listing (every product) is printed beside it as a figure, with the same budget as the
 * vendor's listing (< 1 s). Each figure is the median of a few rounds, each from scratch. Metadata is counted as
 * the served files' bytes, uncompressed: a portal answering with gzip sends less.
 *
 * Knobs: HICARE_BENCH_CUSTOMER_PRODUCTS (default 100), HICARE_BENCH_CUSTOMER_PER_PRODUCT (default 1000),
 * HICARE_BENCH_CUSTOMER_ROUNDS (default 5).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Trust } from '../../electron/core/trust/trust.js';
import { ProductCatalog } from '../integration/client-core/product-catalog.js';
import { cleanup, serve, type Served } from '../integration/portal-tuf/helpers.js';
import { recordGoal } from './goals.js';

const PRODUCTS = Number(process.env['HICARE_BENCH_CUSTOMER_PRODUCTS'] ?? 100);
const PER_PRODUCT = Number(process.env['HICARE_BENCH_CUSTOMER_PER_PRODUCT'] ?? 1000);
const ROUNDS = Number(process.env['HICARE_BENCH_CUSTOMER_ROUNDS'] ?? 5);
const CUSTOMER_PRODUCTS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Bytes of every file the client fetched since the last call (the served files' sizes). */
async function fetchedBytes(served: Served, repoDir: string): Promise<number> {
  let bytes = 0;
  for (const path of served.requests.splice(0)) {
    const file = path.startsWith('/tuf/') ? join(repoDir, decodeURIComponent(path.slice('/tuf/'.length))) : '';
    bytes += await stat(file).then(
      (info) => info.size,
      () => 0,
    );
  }
  return bytes;
}

/** One listing from scratch: a fresh metadata directory, refresh, then the releases of `scope`. */
async function listFromScratch(
  work: string,
  served: Served,
  catalog: ProductCatalog,
  scope: readonly string[] | 'all',
): Promise<{ ms: number; bytes: number; targets: number }> {
  const dataDirectory = await mkdtemp(join(work, 'client-'));
  served.requests.length = 0;
  const trust = new Trust({
    dataDirectory,
    portalUrl: served.metadataUrl,
    rootFile: join(catalog.repoDir, '1.root.json'),
  });
  const started = performance.now();
  await trust.refresh();
  const targets = (await trust.allTargets(scope)).length;
  const ms = performance.now() - started;
  const bytes = await fetchedBytes(served, catalog.repoDir);
  await rm(dataDirectory, { recursive: true, force: true });
  return { ms, bytes, targets };
}

export async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'hicare-bench-customer-'));
  try {
    const repoDir = await mkdtemp(join(work, 'repo-'));
    const catalog = new ProductCatalog(repoDir);
    const products = Array.from({ length: PRODUCTS }, (_, i) => `product${String(i).padStart(3, '0')}`);
    const versions = Array.from({ length: PER_PRODUCT }, (_, i) => `${1 + Math.floor(i / 100)}.${i % 100}.0`);
    const started = performance.now();
    await catalog.create(Object.fromEntries(products.map((p) => [p, versions])));
    const signMs = performance.now() - started;
    const served = await serve(repoDir);
    const customer = [7, 42, 93].map((i) => products[i % PRODUCTS]!).slice(0, CUSTOMER_PRODUCTS);
    const customerRuns = [];
    const fullRuns = [];
    for (let round = 0; round < ROUNDS; round++) {
      customerRuns.push(await listFromScratch(work, served, catalog, customer));
      fullRuns.push(await listFromScratch(work, served, catalog, 'all'));
    }
    const customerMs = median(customerRuns.map((r) => r.ms));
    const customerMiB = customerRuns[0]!.bytes / 2 ** 20;
    const fullMs = median(fullRuns.map((r) => r.ms));
    const fullMiB = fullRuns[0]!.bytes / 2 ** 20;
    console.log(
      `\ncustomer catalog: ${PRODUCTS * PER_PRODUCT} targets over ${PRODUCTS} products (signed in ${Math.round(signMs)} ms), ` +
        `median of ${ROUNDS} rounds from scratch, load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    console.log(
      `  customer with ${CUSTOMER_PRODUCTS} products: ${customerMs.toFixed(0)} ms, ${customerMiB.toFixed(3)} MiB of metadata, ` +
        `${customerRuns[0]!.targets} releases`,
    );
    console.log(
      `  full listing (every product): ${fullMs.toFixed(0)} ms, ${fullMiB.toFixed(2)} MiB of metadata, ${fullRuns[0]!.targets} releases`,
    );
    recordGoal('download', 'customer with 3 products: refresh from scratch', customerMs, 'ms', '<', 300);
    recordGoal('download', 'customer with 3 products: metadata transferred', customerMiB, 'MiB', '<', 1);
    recordGoal('download', "a client's full listing of every product, from scratch", fullMs, 'ms', '<', 1000);
  } finally {
    await cleanup();
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
