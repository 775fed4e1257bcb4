/**
 * `node --import tsx test/bench/client-download.ts`: the client's download manager on a 1 GiB package over
 * loopback, against curl in the same run: curl to /dev/null (the transport's ceiling), and `curl -o f && sha256sum f`
 * (what a script would do). The three are measured in interleaved rounds (one of each per round, after a warm-up of
 * each), so that a change in the machine's load falls on all of them alike; the figures are the medians of 3 rounds,
 * and each round is printed too, with the load average before and after. The package is served by the portal's own
 * `sendPackage` in a separate process, so the server does not share the client's thread. Every output file (curl's
 * and the manager's cache) is on one file system, next to the package. Also measured: the manager's CPU time, the
 * peak RSS growth during its download (sampled every 50 ms), and the bytes fetched twice after a connection cut at
 * 50%. Targets (DESIGN.md §8): ≥ 0.6× curl-null, ≥ 2× curl+sha256sum, < 64 MiB RSS growth, ≤ missing + 1 MiB.
 * The package is made in a temporary directory, or kept in `HICARE_BENCH_DIR` between runs.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DownloadManager, type DownloadResult } from '../../electron/core/downloads/index.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
/** `HICARE_BENCH_DOWNLOAD_MIB` makes a smaller package for a quick look; the goals are for 1 GiB. */
const SIZE = Number(process.env['HICARE_BENCH_DOWNLOAD_MIB'] ?? 1024) * MiB;
const RUNS = 3;
const FILE_NAME = SIZE === 1024 * MiB ? 'package-1GiB.bin' : `package-${SIZE / MiB}MiB.bin`;
const SELF = fileURLToPath(import.meta.url);

interface Timed {
  seconds: number;
}

export interface ClientDownloadFigures {
  curlNullMBps: number;
  curlShaMBps: number;
  managerMBps: number;
  managerVsCurlNull: number;
  managerVsCurlSha: number;
  /** User + system CPU seconds of the manager's process (all its threads) per download, median. */
  managerCpuSeconds: number;
  rounds: { curlNullMBps: number; curlShaMBps: number; managerMBps: number }[];
  load: { before: number; after: number };
  peakRssGrowthMiB: number;
  cut: { missingBytes: number; refetchedBytes: number; extraBytes: number };
  server: string;
}

/** The package and its hash, recorded beside it (the same files as the portal's package bench, so one copy serves both). */
async function benchPackage(dir: string): Promise<{ path: string; sha256: string }> {
  const path = join(dir, FILE_NAME);
  const hashPath = `${path}.sha256`;
  const existing = await stat(path).catch(() => undefined);
  if (existing?.size === SIZE) {
    const [hash, mtime] = (await readFile(hashPath, 'utf8').catch(() => '')).trim().split(' ');
    if (hash !== undefined && mtime === String(existing.mtimeMs)) return { path, sha256: hash };
  } else {
    console.log(`Writing ${SIZE / MiB} MiB of random bytes to ${path} …`);
    const handle = await open(path, 'w');
    try {
      for (let written = 0; written < SIZE; written += MiB) await handle.write(randomBytes(MiB));
    } finally {
      await handle.close();
    }
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  const sha256 = hash.digest('hex');
  await writeFile(hashPath, `${sha256} ${(await stat(path)).mtimeMs}\n`);
  return { path, sha256 };
}

/** The server process: the portal's sendPackage when it is there, a plain Range server otherwise. */
async function serve(path: string, sha256: string): Promise<void> {
  let label: string;
  let port: number;
  try {
    const { sendPackage } = await import('../../portal/http/file-response.js');
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    app.route({
      method: ['GET', 'HEAD'],
      url: '/package',
      handler: async (request, reply) =>
        sendPackage(request, reply, { path, length: SIZE, sha256, downloadName: FILE_NAME }),
    });
    port = Number(new URL(await app.listen({ host: '127.0.0.1', port: 0 })).port);
    label = "portal's sendPackage (Fastify)";
  } catch (error) {
    const etag = `"sha256-${sha256}"`;
    const server = createHttpServer((req, res) => {
      const from = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      const start = from !== null && (req.headers['if-range'] ?? etag) === etag ? Number(from[1]) : 0;
      const headers = { etag, 'accept-ranges': 'bytes', 'content-length': SIZE - start };
      res.writeHead(
        start > 0 ? 206 : 200,
        start > 0 ? { ...headers, 'content-range': `bytes ${start}-${SIZE - 1}/${SIZE}` } : headers,
      );
      createReadStream(path, { start, highWaterMark: MiB }).pipe(res);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
    label = `plain node:http Range server (sendPackage unavailable: ${String(error)})`;
  }
  process.stdout.write(`${JSON.stringify({ port, label })}\n`);
}

function startServer(pkg: {
  path: string;
  sha256: string;
}): Promise<{ child: ChildProcess; base: string; label: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', pkg.path, pkg.sha256], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${String(code)}`)));
    child.stdout?.once('data', (chunk: Buffer) => {
      const { port, label } = JSON.parse(chunk.toString('utf8')) as { port: number; label: string };
      resolve({ child, base: `http://127.0.0.1:${port}`, label });
    });
  });
}

function median<T extends Timed>(runs: T[]): T {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
}

async function timed(task: () => Promise<unknown>): Promise<Timed> {
  const start = performance.now();
  await task();
  return { seconds: (performance.now() - start) / 1000 };
}

async function curlToNull(url: string): Promise<void> {
  const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download}', url]);
  if (stdout.trim() !== `200 ${SIZE}`) throw new Error(`curl: ${stdout}`);
}

async function curlAndHash(url: string, file: string, sha256: string): Promise<Timed> {
  await rm(file, { force: true });
  const start = performance.now();
  const { stdout } = await run('sh', ['-c', 'curl -s -o "$1" "$2" && sha256sum "$1"', 'sh', file, url]);
  const seconds = (performance.now() - start) / 1000;
  if (!stdout.startsWith(sha256)) throw new Error(`sha256sum: ${stdout}`);
  await rm(file, { force: true });
  return { seconds };
}

/** Samples the RSS every 50 ms while `task` runs; returns the task's result and the peak growth over the start. */
async function withRss<T>(task: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await task();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - start };
  } finally {
    clearInterval(timer);
  }
}

/** One timed download into an empty cache (emptying it, a 1 GiB delete, is not part of the time). */
async function managerDownload(
  cacheDir: string,
  url: string,
  sha256: string,
): Promise<Timed & { growth: number; cpu: number }> {
  await rm(cacheDir, { recursive: true, force: true });
  const manager = new DownloadManager({ cacheDir });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { result, growth } = await withRss(
    () => manager.download({ target: { name: FILE_NAME, length: SIZE, sha256 }, url }).done,
  );
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  if (result.fromCache || result.bytesTransferred !== SIZE) throw new Error('the manager did not download the package');
  await rm(cacheDir, { recursive: true, force: true });
  return { seconds, growth, cpu: (used.user + used.system) / 1e6 };
}

/**
 * A proxy whose first connection dies once `cutAfter` bytes of the answer went through — a real cut, in the
 * network — and which reports the Range asked for by the connections after it, and how many body bytes (the answer
 * minus its head) crossed before the cut: what the client had received, measured outside the client.
 */
async function cuttingProxy(
  target: string,
  cutAfter: number,
): Promise<{ server: Server; base: string; ranges: string[]; bodyBeforeCut: () => number }> {
  const upstream = new URL(target);
  const ranges: string[] = [];
  let connections = 0;
  let passed = 0;
  let head = Buffer.alloc(0);
  let headBytes: number | undefined;
  const server = createServer((client) => {
    const first = connections++ === 0;
    const origin = connect(Number(upstream.port), upstream.hostname);
    client.once('data', (request: Buffer) => {
      const range = /\r\nrange: *([^\r]*)/i.exec(request.toString('latin1'))?.[1];
      if (!first) ranges.push(range ?? '(none)');
    });
    client.pipe(origin);
    origin.on('data', (chunk: Buffer) => {
      if (!first) return void client.write(chunk);
      const room = cutAfter - passed;
      if (room <= 0) return;
      const through = chunk.subarray(0, room);
      if (headBytes === undefined) {
        head = Buffer.concat([head, through]);
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0) headBytes = end + 4;
      }
      client.write(through);
      passed += through.length;
      if (passed >= cutAfter) {
        origin.destroy();
        client.end(() => client.destroy());
      }
    });
    origin.on('end', () => client.end());
    origin.on('error', () => client.destroy());
    client.on('error', () => origin.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ranges,
    bodyBeforeCut: () => passed - (headBytes ?? passed),
  };
}

export async function main(): Promise<ClientDownloadFigures> {
  const keep = process.env['HICARE_BENCH_DIR'];
  const dir = keep !== undefined && keep !== '' ? keep : await mkdtemp(join(tmpdir(), 'hicare-bench-client-'));
  await mkdir(dir, { recursive: true });
  const work = await mkdtemp(join(dir, 'client-download-'));
  let server: ChildProcess | undefined;
  try {
    const pkg = await benchPackage(dir);
    const started = await startServer(pkg);
    server = started.child;
    const url = `${started.base}/package`;
    const cacheDir = join(work, 'cache');

    const loadBefore = loadavg()[0] ?? 0;
    // Warm-ups: the connection paths, the page cache holding the package, the manager's code.
    await curlToNull(url);
    await curlAndHash(url, join(work, 'f'), pkg.sha256);
    await managerDownload(cacheDir, url, pkg.sha256);
    const rounds = await sequence(RUNS, async () => ({
      curlNull: await timed(() => curlToNull(url)),
      curlSha: await curlAndHash(url, join(work, 'f'), pkg.sha256),
      manager: await managerDownload(cacheDir, url, pkg.sha256),
    }));
    const loadAfter = loadavg()[0] ?? 0;
    const curlNull = median(rounds.map((r) => r.curlNull));
    const curlSha = median(rounds.map((r) => r.curlSha));
    const managerRuns = rounds.map((r) => r.manager);
    const manager = median(managerRuns);
    const peakGrowth = Math.max(...managerRuns.map((r) => r.growth));

    const proxy = await cuttingProxy(url, SIZE / 2);
    let cutResult: DownloadResult;
    try {
      await rm(cacheDir, { recursive: true, force: true });
      const cutManager = new DownloadManager({ cacheDir, request: { backoff: { baseMs: 50 } } });
      cutResult = await cutManager.download({
        target: { name: FILE_NAME, length: SIZE, sha256: pkg.sha256 },
        url: `${proxy.base}/package`,
      }).done;
    } finally {
      await new Promise((done) => proxy.server.close(done));
    }
    const resumedFrom = Number(/^bytes=(\d+)-$/.exec(proxy.ranges[0] ?? '')?.[1] ?? 0);
    const receivedBeforeCut = proxy.bodyBeforeCut();
    if (cutResult.fromCache || proxy.ranges.length !== 1)
      throw new Error(`the cut download did not resume once: ${proxy.ranges.join(', ')}`);
    const cut = {
      missingBytes: SIZE - receivedBeforeCut,
      refetchedBytes: SIZE - resumedFrom,
      extraBytes: receivedBeforeCut - resumedFrom,
    };

    const mbps = (t: Timed) => SIZE / 1e6 / t.seconds;
    const figures: ClientDownloadFigures = {
      curlNullMBps: mbps(curlNull),
      curlShaMBps: mbps(curlSha),
      managerMBps: mbps(manager),
      managerVsCurlNull: curlNull.seconds / manager.seconds,
      managerVsCurlSha: curlSha.seconds / manager.seconds,
      managerCpuSeconds: [...managerRuns.map((r) => r.cpu)].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!,
      rounds: rounds.map((r) => ({
        curlNullMBps: mbps(r.curlNull),
        curlShaMBps: mbps(r.curlSha),
        managerMBps: mbps(r.manager),
      })),
      load: { before: loadBefore, after: loadAfter },
      peakRssGrowthMiB: peakGrowth / MiB,
      cut,
      server: started.label,
    };
    report(figures);
    return figures;
  } finally {
    server?.kill('SIGTERM');
    await rm(work, { recursive: true, force: true });
    if (dir !== keep) await rm(dir, { recursive: true, force: true });
  }
}

async function sequence<T>(times: number, task: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await task());
  return out;
}

function report(f: ClientDownloadFigures): void {
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const mb = (value: number) => value.toFixed(0).padStart(6);
  console.log(
    `\nClient download of ${SIZE / MiB} MiB over loopback from ${f.server}; median of ${RUNS} interleaved rounds after a warm-up`,
  );
  console.log(
    `  load average (1 min) before ${f.load.before.toFixed(2)}, after ${f.load.after.toFixed(2)} on ${availableParallelism()} CPUs`,
  );
  console.log(`  rounds (MB/s)                      curl-null  curl+sha  manager`);
  f.rounds.forEach((r, i) =>
    console.log(
      `    ${i + 1}                                 ${mb(r.curlNullMBps)}    ${mb(r.curlShaMBps)}   ${mb(r.managerMBps)}`,
    ),
  );
  console.log(`  curl -o /dev/null                       ${mb(f.curlNullMBps)} MB/s`);
  console.log(`  curl -o f && sha256sum f                ${mb(f.curlShaMBps)} MB/s`);
  console.log(
    `  manager (download+verify+fsync+rename)  ${mb(f.managerMBps)} MB/s  (${f.managerCpuSeconds.toFixed(2)} CPU-seconds, all threads)`,
  );
  console.log(
    `  manager / curl-null        ${f.managerVsCurlNull.toFixed(2)}×  (target ≥ 0.6: ${verdict(f.managerVsCurlNull >= 0.6)})`,
  );
  console.log(
    `  manager / curl+sha256sum   ${f.managerVsCurlSha.toFixed(2)}×  (target ≥ 2: ${verdict(f.managerVsCurlSha >= 2)})`,
  );
  console.log(
    `  peak RSS growth            ${f.peakRssGrowthMiB.toFixed(1)} MiB  (target < 64: ${verdict(f.peakRssGrowthMiB < 64)})`,
  );
  console.log(
    `  cut at 50%: ${f.cut.missingBytes} bytes missing, ${f.cut.refetchedBytes} fetched again, ${f.cut.extraBytes} more than missing  (target ≤ 1 MiB: ${verdict(f.cut.extraBytes <= MiB)})`,
  );
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3] ?? '', process.argv[4] ?? '');
} else if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
