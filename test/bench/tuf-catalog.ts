/**
 * `node --import tsx test/bench/tuf-catalog.ts`: the signed catalog at 100,000 targets over 100 products, each
 * product's releases in a delegated role of its own (./tuf-catalog-portal.ts). Portal figures: publishing one release
 * into it (< 2 s), the vendor's full listing rebuilt from the stores (< 1 s), what a 3-product customer fetches, and
 * the earlier single-file layout's parse time with the patched @tufjs/models beside `JSON.parse`.
 *
 * Knobs: HICARE_BENCH_TUF_TARGETS and HICARE_BENCH_TUF_PRODUCTS (see ./tuf-catalog-portal.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup } from '../integration/portal-tuf/helpers.js';
import {
  catalogReleases,
  CATALOG_TARGETS,
  productCatalogFigures,
  type ProductCatalogFigures,
} from './tuf-catalog-portal.js';

export async function main(): Promise<{ products: ProductCatalogFigures }> {
  // Not a helpers tempDir: the helpers' cleanup runs after the layout is measured, and this folder outlives it.
  const work = await mkdtemp(join(tmpdir(), 'hicare-bench-tuf-'));
  console.log(`\nSigned catalog (TUF): ${CATALOG_TARGETS.toLocaleString('en')} releases…`);
  try {
    const sources = await catalogReleases(CATALOG_TARGETS);
    return { products: await productCatalogFigures(sources, work) };
  } finally {
    await cleanup();
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
