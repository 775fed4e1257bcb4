/**
 * `node --import tsx test/bench/tuf-catalog.ts`: the signed catalog at 100,000 targets.
 *
 * Layout "products" (the default; ./tuf-catalog-portal.ts): 100,000 targets over 100 products, each product's
 * releases in a delegated role of its own. Portal figures: publishing one release into it (< 2 s), the vendor's full
 * listing rebuilt from the stores (< 1 s), what a 3-product customer fetches, and the earlier single-file layout's
 * parse time with the patched @tufjs/models beside `JSON.parse`.
 *
 * Layout "hash-bins" (on request): the same targets published into top-level hash bins (portal/tuf/hash-bins.ts),
 * each client run in a child process (./tuf-catalog-client.ts) with a time limit. @tufjs/models is patched at install
 * (scripts/patch-tufjs-models.mjs), so "as shipped" and "linear" now run the same linear code.
 *
 * Knobs: HICARE_BENCH_TUF_LAYOUTS (default products; also hash-bins), HICARE_BENCH_TUF_TARGETS and
 * HICARE_BENCH_TUF_PRODUCTS (see ./tuf-catalog-portal.ts), HICARE_BENCH_TUF_SIZES (hash-bins sizes, default
 * 8000,20000,100000), HICARE_BENCH_TUF_LIMIT_S (per client run, default 180), HICARE_BENCH_TUF_BIN_ENTRIES (entries
 * aimed at per bin; default the module's TARGET_BIN_ENTRIES).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bitLengthFor, publishToHashBins, readBinnedState } from '../../portal/tuf/hash-bins.js';
import { type TargetInput } from '../../portal/tuf/repository.js';
import { cleanup, freshRepository, serve } from '../integration/portal-tuf/helpers.js';
import type { ClientMode, ClientRun } from './tuf-catalog-client.js';
import {
  catalogReleases,
  CATALOG_TARGETS,
  productCatalogFigures,
  type ProductCatalogFigures,
} from './tuf-catalog-portal.js';

const CLIENT = fileURLToPath(new URL('./tuf-catalog-client.ts', import.meta.url));
const SIZES = (process.env['HICARE_BENCH_TUF_SIZES'] ?? '8000,20000,100000').split(',').map(Number);
const LIMIT_S = Number(process.env['HICARE_BENCH_TUF_LIMIT_S'] ?? 180);
const LAYOUTS = new Set((process.env['HICARE_BENCH_TUF_LAYOUTS'] ?? 'products').split(','));
const BIN_ENTRIES =
  process.env['HICARE_BENCH_TUF_BIN_ENTRIES'] === undefined
    ? undefined
    : Number(process.env['HICARE_BENCH_TUF_BIN_ENTRIES']);
const TARGET_MS = 1000;

export interface HashBinFigures {
  size: number;
  bins: number;
  publishMs: number;
  largestBinEntries: number;
  largestBinBytes: number;
  asShipped: ClientRun | 'stopped';
  linear: ClientRun | 'stopped';
}

async function runClient(
  mode: ClientMode,
  repoDir: string,
  metadataUrl: string,
  targetName: string,
  bins = 0,
): Promise<ClientRun | 'stopped'> {
  // Made here, not in the child: a child stopped at the time limit cannot clean up after itself.
  const dir = await mkdtemp(join(tmpdir(), 'hicare-bench-tuf-client-'));
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', CLIENT, mode, dir, repoDir, metadataUrl, targetName, String(bins)],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      let stopped = false;
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      const timer = setTimeout(() => {
        stopped = true;
        child.kill('SIGKILL');
      }, LIMIT_S * 1000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (stopped) resolve('stopped');
        else if (code === 0) resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as ClientRun);
        else reject(new Error(`The tuf-js client (${mode}) exited with ${String(code)}.`));
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (v: number): string => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
const runMs = (r: ClientRun | 'stopped', pick: (r: ClientRun) => number): string =>
  r === 'stopped' ? `> ${LIMIT_S} s (stopped)` : ms(pick(r));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

async function hashBinned(size: number, sources: TargetInput[]): Promise<HashBinFigures> {
  const { repoDir, keysDir } = await freshRepository();
  const inputs = sources.slice(0, size);
  const t = performance.now();
  const published = await publishToHashBins(
    { repoDir, keysDir, ...(BIN_ENTRIES === undefined ? {} : { bitLength: bitLengthFor(size, BIN_ENTRIES) }) },
    inputs,
  );
  const publishMs = performance.now() - t;
  const state = await readBinnedState(repoDir);
  let largestBinEntries = 0;
  let largestBinBytes = 0;
  for (const bin of state.bins.values()) {
    largestBinEntries = Math.max(largestBinEntries, Object.keys(bin.document.signed.targets).length);
    largestBinBytes = Math.max(largestBinBytes, bin.bytes);
  }
  const served = await serve(repoDir);
  const probe = inputs[inputs.length - 1]!.name;
  const asShipped = await runClient('as-shipped', repoDir, served.metadataUrl, probe, published.bins);
  const linear = await runClient('linear-models', repoDir, served.metadataUrl, probe, published.bins);
  await cleanup();
  return { size, bins: published.bins, publishMs, largestBinEntries, largestBinBytes, asShipped, linear };
}

export async function main(): Promise<{ products?: ProductCatalogFigures; bins: HashBinFigures[] }> {
  const largest = Math.max(LAYOUTS.has('products') ? CATALOG_TARGETS : 0, ...(LAYOUTS.has('hash-bins') ? SIZES : []));
  // Not a helpers tempDir: the helpers' cleanup runs after every layout and size, and the sources outlive those.
  const work = await mkdtemp(join(tmpdir(), 'hicare-bench-tuf-'));
  console.log(`\nSigned catalog (TUF): ${largest.toLocaleString('en')} releases…`);
  const sources = await catalogReleases(largest, LAYOUTS.has('hash-bins') ? join(work, 'sources') : undefined);
  let products: ProductCatalogFigures | undefined;
  const bins: HashBinFigures[] = [];
  try {
    if (LAYOUTS.has('products')) {
      products = await productCatalogFigures(sources, work);
      await cleanup();
    }
    if (LAYOUTS.has('hash-bins')) {
      for (const size of SIZES.filter((s) => s >= 8000)) bins.push(await hashBinned(size, sources));
      console.log('\nHash-bin delegation (portal/tuf/hash-bins.ts); "linear" as above:');
      console.log(
        table([
          [
            'targets',
            'bins',
            'largest bin',
            'publish',
            'tuf-js refresh',
            'getTargetInfo (1 bin)',
            'every bin verified',
            'every bin, linear',
            'target < 1 s',
          ],
          ...bins.map((f) => [
            f.size.toLocaleString('en'),
            String(f.bins),
            `${f.largestBinEntries} entries, ${(f.largestBinBytes / 1024).toFixed(0)} KiB`,
            ms(f.publishMs),
            runMs(f.asShipped, (r) => r.refreshMs),
            runMs(f.asShipped, (r) => r.lookupMs),
            runMs(f.asShipped, (r) => r.allBins?.ms ?? Number.NaN) +
              (f.asShipped !== 'stopped' && f.asShipped.allBins !== undefined
                ? ` (${f.asShipped.allBins.entries.toLocaleString('en')} entries)`
                : ''),
            runMs(f.linear, (r) => r.allBins?.ms ?? Number.NaN),
            [
              f.asShipped !== 'stopped' && f.asShipped.refreshMs + f.asShipped.lookupMs < TARGET_MS
                ? 'lookup met'
                : 'lookup missed',
              f.asShipped !== 'stopped' && (f.asShipped.allBins?.ms ?? Infinity) < TARGET_MS
                ? 'all met'
                : f.linear !== 'stopped' && (f.linear.allBins?.ms ?? Infinity) < TARGET_MS
                  ? 'all only linear'
                  : 'all missed',
            ].join(', '),
          ]),
        ]),
      );
    }
  } finally {
    await cleanup();
    await rm(work, { recursive: true, force: true });
  }
  return { ...(products === undefined ? {} : { products }), bins };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
