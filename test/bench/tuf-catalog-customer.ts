/**
 * `node --import tsx test/bench/tuf-catalog-customer.ts`: a customer's catalog refresh in the per-product layout.
 * 100,000 targets over 100 products, each product's releases in its own delegated role (signed by hand with
 * @tufjs/models into the layout the portal publishes, served over loopback by the portal's own `/tuf/` route, which
 * sends gzip to a client that takes it).
 * The app's own Trust (real tuf-js plus the product role loader) starts from the first root in a fresh metadata
 * directory and lists the releases of a customer with 3 products: DESIGN.md §8 wants < 300 ms and < 1 MiB of
 * metadata. A client's full listing (every product) is printed beside it as a figure only: the vendor's listing,
 * whose goal is < 1 s, is the portal's own index of the catalog (./tuf-catalog-portal.ts). Each figure is the median of a few rounds, each from scratch. Metadata is counted as
 * the bytes of the bodies the route sent (Content-Length as transferred), and, beside it, as the files' own sizes.
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
import { createPortalApp } from '../../portal/http/app.js';
import { registerTufRoute } from '../../portal/http/tuf-route.js';
import { FolderMetadataStore } from '../../portal/tuf/metadata-store.js';
import { recordGoal } from './goals.js';

const PRODUCTS = Number(process.env['HICARE_BENCH_CUSTOMER_PRODUCTS'] ?? 100);
const PER_PRODUCT = Number(process.env['HICARE_BENCH_CUSTOMER_PER_PRODUCT'] ?? 1000);
const ROUNDS = Number(process.env['HICARE_BENCH_CUSTOMER_ROUNDS'] ?? 5);
const CUSTOMER_PRODUCTS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The portal's metadata route over `repoDir`, counting what it sends: files asked for, body bytes sent, file bytes. */
async function servePortalRoute(repoDir: string): Promise<Counted> {
  const app = createPortalApp({ version: '0.0.0-bench' });
  const counted = { url: '', sent: 0, fileBytes: 0, requests: 0, close: () => app.close() };
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/tuf/') && reply.statusCode === 200) {
      counted.requests += 1;
      counted.sent += Number(reply.getHeader('content-length') ?? 0);
      const file = join(repoDir, decodeURIComponent(request.url.slice('/tuf/'.length)));
      counted.fileBytes += await stat(file).then(
        (info) => info.size,
        () => 0,
      );
    }
    return payload;
  });
  registerTufRoute(app, { metadata: new FolderMetadataStore(repoDir) });
  counted.url = `${await app.listen({ host: '127.0.0.1', port: 0 })}/`;
  return counted;
}

interface Counted {
  url: string;
  sent: number;
  fileBytes: number;
  requests: number;
  close: () => Promise<void>;
}

/** One listing from scratch: a fresh metadata directory, refresh, then the releases of `scope`. */
async function listFromScratch(
  work: string,
  served: Counted,
  catalog: ProductCatalog,
  scope: readonly string[] | 'all',
): Promise<{ ms: number; bytes: number; fileBytes: number; targets: number }> {
  const dataDirectory = await mkdtemp(join(work, 'client-'));
  served.sent = 0;
  served.fileBytes = 0;
  const trust = new Trust({
    dataDirectory,
    portalUrl: served.url,
    rootFile: join(catalog.repoDir, '1.root.json'),
  });
  const started = performance.now();
  await trust.refresh();
  const targets = (await trust.allTargets(scope)).length;
  const ms = performance.now() - started;
  await rm(dataDirectory, { recursive: true, force: true });
  return { ms, bytes: served.sent, fileBytes: served.fileBytes, targets };
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
    const served = await servePortalRoute(repoDir);
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
      `  customer with ${CUSTOMER_PRODUCTS} products: ${customerMs.toFixed(0)} ms, ${customerMiB.toFixed(3)} MiB of metadata sent ` +
        `(${(customerRuns[0]!.fileBytes / 2 ** 20).toFixed(3)} MiB as files), ${customerRuns[0]!.targets} releases`,
    );
    console.log(
      `  full listing (every product): ${fullMs.toFixed(0)} ms, ${fullMiB.toFixed(2)} MiB of metadata, ${fullRuns[0]!.targets} releases`,
    );
    recordGoal('download', 'customer with 3 products: refresh from scratch', customerMs, 'ms', '<', 300);
    recordGoal('download', 'customer with 3 products: metadata transferred', customerMiB, 'MiB', '<', 1);
    await served.close();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
