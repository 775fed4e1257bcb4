/**
 * `node --import tsx test/bench/tuf-catalog.ts`: the signed catalog at 100,000 targets. The portal publishes them in
 * one `addTargets` batch; then a real tuf-js client refreshes from scratch over loopback and looks one target up.
 * Target (DESIGN.md §8): verifying 100,000 entries < 1 s. References from the same run: `JSON.parse` of the same
 * targets.json, and `sha256sum` of it.
 *
 * @tufjs/models parses and re-serializes a targets map with `reduce((acc, …) => ({ ...acc, [path]: … }))`
 * (dist/targets.js, `targetsFromJSON` and `targetsToJSON`): each entry copies every entry before it, so tuf-js pays
 * twice over a quadratic cost — `Metadata.fromJSON` in `updateDelegatedTargets` and `Targets#toJSON` again inside
 * `verifyDelegate`, whose signature check canonicalizes the signed part. Each client run is therefore made in a
 * child process (./tuf-catalog-client.ts) with a time limit, once with the models as shipped and once with those
 * two functions replaced by linear ones (same output), which is what an upstream fix would give. A second layout
 * publishes the same targets into hash bins (portal/tuf/hash-bins.ts): top-level targets delegate to 2^k bins of a
 * few hundred entries each.
 *
 * Knobs: HICARE_BENCH_TUF_SIZES (default 2000,8000,20000,100000), HICARE_BENCH_TUF_LIMIT_S (per client run,
 * default 180), HICARE_BENCH_TUF_LAYOUTS (default single,hash-bins), HICARE_BENCH_TUF_BIN_ENTRIES (entries aimed at
 * per bin; default the module's TARGET_BIN_ENTRIES).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ReleaseTargetCustomSchema } from '../../shared/contracts/catalog.js';
import { bitLengthFor, publishToHashBins, readBinnedState } from '../../portal/tuf/hash-bins.js';
import { readState } from '../../portal/tuf/metadata-files.js';
import { type TargetInput } from '../../portal/tuf/repository.js';
import { cleanup, freshRepository, releaseCustom, serve } from '../integration/portal-tuf/helpers.js';
import type { ClientMode, ClientRun } from './tuf-catalog-client.js';

const run = promisify(execFile);
const CLIENT = fileURLToPath(new URL('./tuf-catalog-client.ts', import.meta.url));
const SIZES = (process.env['HICARE_BENCH_TUF_SIZES'] ?? '2000,8000,20000,100000').split(',').map(Number);
const LIMIT_S = Number(process.env['HICARE_BENCH_TUF_LIMIT_S'] ?? 180);
const LAYOUTS = new Set((process.env['HICARE_BENCH_TUF_LAYOUTS'] ?? 'single,hash-bins').split(','));
const BIN_ENTRIES =
  process.env['HICARE_BENCH_TUF_BIN_ENTRIES'] === undefined
    ? undefined
    : Number(process.env['HICARE_BENCH_TUF_BIN_ENTRIES']);
const TARGET_MS = 1000;

export interface CatalogFigures {
  size: number;
  publishMs: number;
  targetsBytes: number;
  jsonParseMs: number;
  sha256sumMs: number;
  asShipped: ClientRun | 'stopped';
  linear: ClientRun | 'stopped';
}

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

/** `count` releases with distinct small package files under `dir`, as the portal would be asked to publish them. */
async function releases(dir: string, count: number): Promise<TargetInput[]> {
  await mkdir(dir, { recursive: true });
  // Parsed once: the batch's cost should be the repository's, not zod's on 100,000 equal objects.
  const custom = ReleaseTargetCustomSchema.parse(releaseCustom({ notes: '', minUpgradeFrom: '>=1.0.0' }));
  const inputs: TargetInput[] = [];
  for (let i = 0; i < count; i++) {
    const version = `${Math.floor(i / 1000)}.${i % 1000}.0`;
    const platform = (['linux', 'win', 'mac'] as const)[i % 3]!;
    inputs.push({
      name: `product-${i % 50}/${version}/${platform}-x64/product-${i % 50}-${version}.tar.gz`,
      path: join(dir, `${i}.tar.gz`),
      custom: { ...custom, product: `product-${i % 50}`, version, platform },
    });
  }
  for (let i = 0; i < count; i += 1000) {
    await Promise.all(inputs.slice(i, i + 1000).map((input, j) => writeFile(input.path ?? '', `package ${i + j}`)));
  }
  return inputs;
}

async function sha256sumMs(path: string): Promise<number> {
  const start = performance.now();
  await run('sha256sum', [path]);
  return performance.now() - start;
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

async function singleFile(size: number, sources: TargetInput[]): Promise<CatalogFigures> {
  const { repoDir, repo } = await freshRepository();
  const inputs = sources.slice(0, size);
  let t = performance.now();
  await repo.addTargets(inputs);
  const publishMs = performance.now() - t;
  const state = await readState(repoDir);
  const targetsFile = join(repoDir, `${state.targets.signed.version}.targets.json`);
  const text = await readFile(targetsFile, 'utf8');
  t = performance.now();
  JSON.parse(text);
  const jsonParseMs = performance.now() - t;
  const served = await serve(repoDir);
  const probe = inputs[inputs.length - 1]!.name;
  const linear = await runClient('linear-models', repoDir, served.metadataUrl, probe);
  const asShipped = await runClient('as-shipped', repoDir, served.metadataUrl, probe);
  const figures: CatalogFigures = {
    size,
    publishMs,
    targetsBytes: (await stat(targetsFile)).size,
    jsonParseMs,
    sha256sumMs: await sha256sumMs(targetsFile),
    asShipped,
    linear,
  };
  await cleanup();
  return figures;
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

export async function main(): Promise<{ single: CatalogFigures[]; bins: HashBinFigures[] }> {
  const largest = Math.max(...SIZES);
  // Not a helpers tempDir: the helpers' cleanup runs after every layout and size, and the sources outlive those.
  const work = await mkdtemp(join(tmpdir(), 'hicare-bench-tuf-'));
  console.log(`\nSigned catalog (TUF): writing ${largest.toLocaleString('en')} small package files…`);
  const sources = await releases(join(work, 'sources'), largest);
  const single: CatalogFigures[] = [];
  const bins: HashBinFigures[] = [];
  try {
    if (LAYOUTS.has('single')) {
      for (const size of SIZES) {
        const f = await singleFile(size, sources);
        single.push(f);
        console.log(
          `  single targets.json, ${size.toLocaleString('en')} targets: published in ${ms(f.publishMs)}, client ${runMs(f.asShipped, (r) => r.refreshMs)} as shipped`,
        );
      }
      console.log(
        `\nOne targets.json; client runs stopped after ${LIMIT_S} s. "linear" = tuf-js with @tufjs/models' targets (de)serialization made linear.`,
      );
      console.log(
        table([
          [
            'targets',
            'addTargets (1 batch)',
            'targets.json',
            'JSON.parse',
            'sha256sum',
            'tuf-js refresh',
            'vs JSON.parse',
            'getTargetInfo',
            'refresh, linear',
            'vs JSON.parse',
            'target < 1 s',
          ],
          ...single.map((f) => [
            f.size.toLocaleString('en'),
            ms(f.publishMs),
            `${(f.targetsBytes / 1048576).toFixed(1)} MiB`,
            ms(f.jsonParseMs),
            ms(f.sha256sumMs),
            runMs(f.asShipped, (r) => r.refreshMs),
            f.asShipped === 'stopped'
              ? `> ${((LIMIT_S * 1000) / f.jsonParseMs).toFixed(0)}×`
              : `${(f.asShipped.refreshMs / f.jsonParseMs).toFixed(0)}×`,
            f.asShipped === 'stopped' ? '' : ms(f.asShipped.lookupMs),
            runMs(f.linear, (r) => r.refreshMs),
            f.linear === 'stopped' ? '' : `${(f.linear.refreshMs / f.jsonParseMs).toFixed(1)}×`,
            f.asShipped !== 'stopped' && f.asShipped.refreshMs < TARGET_MS
              ? 'met'
              : f.linear !== 'stopped' && f.linear.refreshMs < TARGET_MS
                ? 'only linear'
                : 'missed',
          ]),
        ]),
      );
      const rows = single.flatMap((f) => {
        const b = f.asShipped !== 'stopped' ? f.asShipped.breakdown : undefined;
        const l = f.linear !== 'stopped' ? f.linear.breakdown : undefined;
        const cells = (x: typeof b): string[] =>
          x === undefined
            ? ['', '', '', '', '']
            : [ms(x.jsonParseMs), ms(x.fromJsonMs), ms(x.toJsonMs), ms(x.canonicalMs), ms(x.verifyMs)];
        return [
          ...(b === undefined ? [] : [[`${f.size.toLocaleString('en')} as shipped`, ...cells(b)]]),
          ...(l === undefined ? [] : [[`${f.size.toLocaleString('en')} linear`, ...cells(l)]]),
        ];
      });
      console.log('\nWhere verifying one targets.json goes (measured again on the client’s verified copy):');
      console.log(
        table([
          ['targets', 'JSON.parse', 'Metadata.fromJSON', 'Targets#toJSON', 'canonicalize', 'ed25519 verify'],
          ...rows,
        ]),
      );
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
  return { single, bins };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
