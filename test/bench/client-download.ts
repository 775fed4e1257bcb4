/**
 * `node --import tsx test/bench/client-download.ts`: downloading a package as users do, through the real portal —
 * the demo, seeded and served by its CLI in its own process, the package published as a release and fetched from
 * the package route with a signed-in customer's token — over HTTP, and over HTTPS as the app meets it (HAProxy
 * terminating TLS in front of the portal, with a CA made in the run; see ./tls-front.ts).
 *
 * Measured per transport, one of each per round after a warm-up of each (interleaved, so that a change in the
 * machine's load falls on all alike), medians of the rounds, each in its own process (see ./download-peers.ts):
 * - the references: curl → /dev/null (the transport's ceiling) and `curl -o f && sha256sum f`;
 * - the peers a user would otherwise have: aria2c `--checksum=sha-256` (one connection), and electron-updater's
 *   download path (SHA-512);
 * - the manager's DownloadManager (download + SHA-256 + O_DIRECT + fsync + rename), with its peak RSS growth;
 * - `hicare download TARGET --serial … --out DIR` from the built CLI, signed in, wall time from spawn to exit
 *   (start-up, sign-in state, catalog refresh and the file in DIR included).
 * Each as MB/s, its ratio to curl → /dev/null, and CPU-seconds per GiB of the downloading process (curl, aria2c
 * and `hicare` whole, start-up included; the Node peers over their download). Over HTTP also: the bytes fetched
 * twice after a connection cut at 50%. Every file written is on one file system, next to the package.
 * Knobs: HICARE_BENCH_DOWNLOAD_MIB (1024), HICARE_BENCH_ROUNDS (3), HICARE_BENCH_DIR (keeps the package).
 * Goals (DESIGN.md §8): manager and `hicare download` ≥ 0.6× curl-null and ≥ 2× curl+sha256sum, over HTTP and
 * HTTPS; RSS growth < 64 MiB; a cut re-transfers ≤ missing + 1 MiB.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DownloadManager } from '../../electron/core/downloads/index.js';
import { cuttingProxy } from './cutting-proxy.js';
import { electronUpdaterDownload, managerDownload, timedCommand, type PeerRun } from './download-peers.js';
import { recordGoal } from './goals.js';
import {
  BENCH_SERIAL,
  benchPackage,
  benchRounds,
  benchSize,
  GiB,
  MiB,
  startPackagePortal,
  type PackagePortal,
} from './package-portal.js';
import { startTlsFront } from './tls-front.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/hicare.js');

type Contender = 'curlNull' | 'curlSha' | 'aria2c' | 'electronUpdater' | 'manager' | 'hicare';

const LABELS: Record<Contender, string> = {
  curlNull: 'curl → /dev/null',
  curlSha: 'curl -o f && sha256sum f',
  aria2c: 'aria2c --checksum=sha-256 (-x1 -s1)',
  electronUpdater: "electron-updater's download (sha512)",
  manager: 'manager (hash, O_DIRECT, fsync, rename)',
  hicare: 'hicare download --out (as a user runs it)',
};

export interface ContenderFigures {
  contender: Contender;
  mbPerSecond: number;
  vsCurlNull: number;
  cpuSecondsPerGiB: number;
  rounds: number[];
}

export interface TransportFigures {
  transport: string;
  contenders: ContenderFigures[];
  peakRssGrowthMiB: number;
  load: { before: number; after: number };
}

/** The built CLI, rebuilt when missing or older than the sources it is built from. */
async function builtCli(): Promise<void> {
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  const { stdout } = await run('find', [
    join(ROOT, 'electron'),
    join(ROOT, 'shared'),
    '-newer',
    CLI,
    '-name',
    '*.ts',
  ]).catch(() => ({ stdout: 'missing' }));
  if (built > 0 && stdout.trim() === '') return;
  console.log('Building the hicare CLI (npx vite build --mode cli) …');
  await run('npx', ['vite', 'build', '--mode', 'cli'], { cwd: ROOT });
}

/** A HICARE_HOME that trusts the portal's root and is signed in, as IT staff set the CLI up once. */
async function signedInHome(
  home: string,
  base: string,
  portal: PackagePortal,
  ca?: string,
): Promise<NodeJS.ProcessEnv> {
  const env = {
    ...process.env,
    HICARE_HOME: home,
    HICARE_PORTAL: base,
    HICARE_PASSWORD: portal.password,
    HTTPS_PROXY: '',
    HTTP_PROXY: '',
    LANG: 'C.UTF-8',
  };
  const caFlag = ca === undefined ? [] : ['--ca-bundle', ca];
  await run(process.execPath, [CLI, ...caFlag, 'trust', portal.rootPath, '--yes'], { env });
  await run(process.execPath, [CLI, ...caFlag, 'login', '--email', portal.email], { env });
  return env;
}

/** Deletes the package wherever the CLI cached it, so that the next run downloads it again. */
async function forgetCached(home: string, sha256: string): Promise<void> {
  for (const entry of await readdir(home, { recursive: true, withFileTypes: true })) {
    if (entry.name === sha256) await rm(join(entry.parentPath, entry.name), { force: true });
  }
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function measureTransport(
  transport: string,
  base: string,
  portal: PackagePortal,
  pkg: { sha256: string; sha512: string; size: number },
  work: string,
  ca: string | undefined,
): Promise<TransportFigures> {
  const url = `${base}${portal.packagePath}`;
  const auth = ['-H', `authorization: Bearer ${portal.token}`];
  const curlCa = ca === undefined ? [] : ['--cacert', ca];
  const file = join(work, 'curl.bin');
  const home = join(work, `home-${transport.toLowerCase()}`);
  const out = join(work, 'out');
  const env = await signedInHome(home, base, portal, ca);
  const fileName = portal.targetName.split('/').at(-1)!;
  const runs: Record<Contender, () => Promise<PeerRun>> = {
    curlNull: () => timedCommand('curl', ['-sf', ...curlCa, ...auth, '-o', '/dev/null', url]),
    curlSha: async () => {
      await rm(file, { force: true });
      const r = await timedCommand('sh', [
        '-c',
        'curl -sf "$@" -o "$0" && sha256sum "$0"',
        file,
        ...curlCa,
        ...auth,
        url,
      ]);
      if (!r.stdout.startsWith(pkg.sha256)) throw new Error(`sha256sum: ${r.stdout}`);
      await rm(file, { force: true });
      return r;
    },
    aria2c: async () => {
      await rm(file, { force: true });
      const r = await timedCommand('aria2c', [
        ...['-q', '-x1', '-s1', '--file-allocation=none', '--allow-overwrite=true', '--auto-file-renaming=false'],
        ...(ca === undefined ? [] : ['--ca-certificate', ca]),
        ...[`--checksum=sha-256=${pkg.sha256}`, '--header', `authorization: Bearer ${portal.token}`],
        ...['-d', work, '-o', 'curl.bin', url],
      ]);
      await rm(file, { force: true });
      return r;
    },
    electronUpdater: async () => {
      const destination = join(work, 'updater.bin');
      const r = await electronUpdaterDownload({ url, token: portal.token, destination, sha512: pkg.sha512, ca });
      await rm(destination, { force: true });
      return r;
    },
    manager: async () => {
      const cacheDir = join(work, 'cache');
      const r = await managerDownload({
        url,
        token: portal.token,
        ca,
        cacheDir,
        name: portal.targetName,
        length: pkg.size,
        sha256: pkg.sha256,
      });
      await rm(cacheDir, { recursive: true, force: true });
      return r;
    },
    hicare: async () => {
      await rm(out, { recursive: true, force: true });
      await mkdir(out);
      const r = await timedCommand(
        process.execPath,
        [
          CLI,
          ...(ca === undefined ? [] : ['--ca-bundle', ca]),
          ...['download', portal.targetName, '--serial', BENCH_SERIAL, '--out', out],
        ],
        env,
      );
      if (statSync(join(out, fileName)).size !== pkg.size) throw new Error('hicare download left no whole file');
      await rm(out, { recursive: true, force: true });
      await forgetCached(home, pkg.sha256);
      return r;
    },
  };
  const contenders = Object.keys(runs) as Contender[];
  const before = loadavg()[0]!;
  // Warm-ups: connections, the page cache holding the package, each process's code.
  for (const c of contenders) await runs[c]();
  const measured = new Map<Contender, PeerRun[]>(contenders.map((c) => [c, []]));
  for (let round = 0; round < benchRounds(); round++) {
    for (const c of contenders) measured.get(c)!.push(await runs[c]());
  }
  const after = loadavg()[0]!;
  const curlNullSeconds = median(measured.get('curlNull')!.map((r) => r.seconds));
  const figures = contenders.map((c): ContenderFigures => {
    const list = measured.get(c)!;
    const seconds = median(list.map((r) => r.seconds));
    return {
      contender: c,
      mbPerSecond: pkg.size / 1e6 / seconds,
      vsCurlNull: curlNullSeconds / seconds,
      cpuSecondsPerGiB: median(list.map((r) => (r.cpu * GiB) / pkg.size)),
      rounds: list.map((r) => pkg.size / 1e6 / r.seconds),
    };
  });
  const peak = Math.max(...measured.get('manager')!.map((r) => r.rssGrowth ?? 0));
  return { transport, contenders: figures, peakRssGrowthMiB: peak / MiB, load: { before, after } };
}

function report(f: TransportFigures, size: number): void {
  const curlSha = f.contenders.find((c) => c.contender === 'curlSha')!;
  console.log(
    `\n${f.transport}: ${size / MiB} MiB through the portal's package route; median of ${benchRounds()} interleaved rounds after a warm-up`,
  );
  console.log(
    `  load average (1 min) before ${f.load.before.toFixed(2)}, after ${f.load.after.toFixed(2)} on ${availableParallelism()} CPUs`,
  );
  console.log(
    `  ${'downloader'.padEnd(44)} ${'MB/s'.padStart(6)} ${'÷ curl-null'.padStart(12)} ${'÷ curl+sha'.padStart(11)} ${'CPU-s/GiB'.padStart(10)}   rounds (MB/s)`,
  );
  for (const c of f.contenders) {
    console.log(
      `  ${LABELS[c.contender].padEnd(44)} ${c.mbPerSecond.toFixed(0).padStart(6)} ${`${c.vsCurlNull.toFixed(2)}×`.padStart(12)} ${`${(c.mbPerSecond / curlSha.mbPerSecond).toFixed(2)}×`.padStart(11)} ${c.cpuSecondsPerGiB.toFixed(2).padStart(10)}   ${c.rounds.map((r) => r.toFixed(0)).join(' ')}`,
    );
  }
  console.log(`  manager's peak RSS growth: ${f.peakRssGrowthMiB.toFixed(1)} MiB (fresh process, sampled every 50 ms)`);
  for (const who of ['manager', 'hicare'] as const) {
    const c = f.contenders.find((x) => x.contender === who)!;
    const name = who === 'manager' ? 'manager' : 'hicare download';
    recordGoal('download', `${name} ÷ curl → /dev/null, ${f.transport}`, c.vsCurlNull, '×', '>=', 0.6);
    recordGoal(
      'download',
      `${name} ÷ curl && sha256sum, ${f.transport}`,
      c.mbPerSecond / curlSha.mbPerSecond,
      '×',
      '>=',
      2,
    );
  }
  recordGoal('download', `manager peak RSS growth, ${f.transport}`, f.peakRssGrowthMiB, 'MiB', '<', 64);
}

/** A download cut at half-way by a proxy in the network: how many bytes the resumed download fetched twice. */
async function cutAtHalf(portal: PackagePortal, pkg: { sha256: string; size: number }, work: string): Promise<number> {
  const proxy = await cuttingProxy(portal.base, pkg.size / 2);
  const cacheDir = join(work, 'cut-cache');
  try {
    const manager = new DownloadManager({
      cacheDir,
      request: { backoff: { baseMs: 50 }, headers: () => ({ authorization: `Bearer ${portal.token}` }) },
    });
    const result = await manager.download({
      target: { name: portal.targetName, length: pkg.size, sha256: pkg.sha256 },
      url: `${proxy.base}${portal.packagePath}`,
    }).done;
    if (result.fromCache || proxy.ranges.length !== 1)
      throw new Error(`the cut download did not resume once: ${proxy.ranges.join(', ')}`);
  } finally {
    await new Promise((done) => proxy.server.close(done));
    await rm(cacheDir, { recursive: true, force: true });
  }
  const resumedFrom = Number(/^bytes=(\d+)-$/.exec(proxy.ranges[0] ?? '')?.[1] ?? 0);
  const extra = proxy.bodyBeforeCut() - resumedFrom;
  console.log(
    `\nCut at 50% (HTTP): ${pkg.size - proxy.bodyBeforeCut()} bytes missing, ${pkg.size - resumedFrom} fetched again, ${extra} more than missing`,
  );
  recordGoal('download', 'cut at 50%: bytes fetched beyond the missing', extra / MiB, 'MiB', '<=', 1);
  return extra;
}

async function sha512Of(path: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

export async function main(): Promise<TransportFigures[]> {
  const size = benchSize();
  const keep = process.env['HICARE_BENCH_DIR'];
  const dir = keep !== undefined && keep !== '' ? keep : await mkdtemp(join(tmpdir(), 'hicare-bench-client-'));
  await mkdir(dir, { recursive: true });
  const work = await mkdtemp(join(dir, 'client-download-'));
  const stops: (() => Promise<unknown>)[] = [];
  try {
    await builtCli();
    const made = await benchPackage(dir, size);
    const pkg = { ...made, size, sha512: await sha512Of(made.path) };
    const portal = await startPackagePortal(work, made);
    stops.push(() => portal.stop());
    const tls = await startTlsFront(join(work, 'tls'), portal.base);
    stops.push(() => tls.stop());

    const figures: TransportFigures[] = [];
    for (const [transport, base, ca] of [
      ['HTTP', portal.base, undefined],
      ['HTTPS', tls.base, tls.caPath],
    ] as const) {
      const f = await measureTransport(transport, base, portal, pkg, work, ca);
      report(f, size);
      figures.push(f);
    }
    await cutAtHalf(portal, pkg, work);
    return figures;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await rm(work, { recursive: true, force: true });
    if (dir !== keep) await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
