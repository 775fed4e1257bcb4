/**
 * `node --import tsx test/bench/portal-packages.ts`: what serving a package costs the portal, against a plain Node
 * file server (`http.createServer` + `fs.createReadStream(file).pipe(res)`) in the same run. The portal is the
 * real one — the demo, seeded and served by its CLI in its own process, the package published as a release, and
 * fetched through the package route with a signed-in customer's token (authorization, verdict, audit and all).
 * The plain server runs in its own process too. Each is fetched by curl to /dev/null, one of each per round after
 * a warm-up (interleaved, so that a change in the machine's load falls on both alike), and the figure is the
 * SERVER process's CPU time (user + system, from /proc) per GiB sent, median of the rounds; throughput is printed
 * beside it. Also: a download resumed from half-way re-transfers exactly the missing half.
 * Knobs: HICARE_BENCH_DOWNLOAD_MIB (1024), HICARE_BENCH_ROUNDS (3), HICARE_BENCH_DIR (keeps the package).
 * Goal (DESIGN.md §8): the package route costs ≤ 1.3× the plain server's CPU per GiB.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { recordGoal } from './goals.js';
import { benchPackage, benchRounds, benchSize, cpuSecondsOf, GiB, MiB, startPackagePortal } from './package-portal.js';

const run = promisify(execFile);
const SELF = fileURLToPath(import.meta.url);

export interface ServingFigures {
  label: string;
  mbPerSecond: number;
  cpuSecondsPerGiB: number;
}

interface Fetched {
  seconds: number;
  cpu: number;
}

/** The plain reference, in its own process like the portal: what any Node static file server does. */
function plainServer(path: string, size: number): void {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
    createReadStream(path).pipe(res);
  });
  server.listen(0, '127.0.0.1', () =>
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`),
  );
}

function startPlainServer(path: string, size: number): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--plain', path, String(size)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('exit', (code) => reject(new Error(`the plain server exited with ${String(code)}`)));
    child.stdout?.once('data', (chunk: Buffer) => {
      const { port } = JSON.parse(chunk.toString('utf8')) as { port: number };
      resolve({ child, base: `http://127.0.0.1:${port}` });
    });
  });
}

/** One curl to /dev/null, checked for status and length; the server's CPU seconds over it. */
async function fetchOnce(
  url: string,
  pid: number,
  expect: { status: string; bytes: number },
  extra: string[] = [],
): Promise<Fetched> {
  const before = await cpuSecondsOf(pid);
  const { stdout } = await run('curl', [
    '-s',
    '-o',
    '/dev/null',
    ...extra,
    '-w',
    '%{http_code} %{size_download} %{time_total}',
    url,
  ]);
  const cpu = (await cpuSecondsOf(pid)) - before;
  const [status = '', bytes = '0', seconds = '0'] = stdout.trim().split(' ');
  if (status !== expect.status || Number(bytes) !== expect.bytes)
    throw new Error(`${url}: HTTP ${status} with ${bytes} bytes, expected ${expect.status} with ${expect.bytes}`);
  return { seconds: Number(seconds), cpu };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export async function main(): Promise<ServingFigures[]> {
  const size = benchSize();
  const rounds = benchRounds();
  const keep = process.env['HICARE_BENCH_DIR'];
  const dir = keep !== undefined && keep !== '' ? keep : await mkdtemp(join(tmpdir(), 'hicare-bench-packages-'));
  await mkdir(dir, { recursive: true });
  const work = await mkdtemp(join(dir, 'portal-packages-'));
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const pkg = await benchPackage(dir, size);
    const portal = await startPackagePortal(work, pkg);
    stops.push(() => portal.stop());
    const plain = await startPlainServer(pkg.path, size);
    stops.push(async () => plain.child.kill('SIGTERM'));

    const auth = ['-H', `authorization: Bearer ${portal.token}`];
    const routeUrl = `${portal.base}${portal.packagePath}`;
    const whole = { status: '200', bytes: size };
    const servers = [
      {
        label: 'portal package route (Fastify, entitled token)',
        fetch: () => fetchOnce(routeUrl, portal.pid, whole, auth),
      },
      {
        label: 'plain node:http + createReadStream().pipe()',
        fetch: () => fetchOnce(`${plain.base}/`, plain.child.pid!, whole),
      },
    ];
    const loadBefore = loadavg()[0]!;
    for (const server of servers) await server.fetch();
    const measured: Fetched[][] = servers.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, server] of servers.entries()) measured[i]!.push(await server.fetch());
    }
    const half = Math.floor(size / 2);
    const resumed = await fetchOnce(routeUrl, portal.pid, { status: '206', bytes: size - half }, [
      ...auth,
      '-r',
      `${half}-`,
    ]);
    const loadAfter = loadavg()[0]!;

    const figures = servers.map((server, i): ServingFigures => {
      const runs = measured[i]!;
      return {
        label: server.label,
        mbPerSecond: size / 1e6 / median(runs.map((r) => r.seconds)),
        cpuSecondsPerGiB: median(runs.map((r) => (r.cpu * GiB) / size)),
      };
    });
    const [route, reference] = figures as [ServingFigures, ServingFigures];
    const ratio = route.cpuSecondsPerGiB / reference.cpuSecondsPerGiB;
    console.log(
      `\nServing a ${size / MiB} MiB package to curl → /dev/null on loopback; median of ${rounds} interleaved rounds after a warm-up`,
    );
    console.log(`  load average (1 min) before ${loadBefore.toFixed(2)}, after ${loadAfter.toFixed(2)}`);
    console.log(
      `  ${'server'.padEnd(50)} ${'MB/s'.padStart(7)} ${'server CPU-s/GiB'.padStart(17)} ${'÷ plain'.padStart(8)}`,
    );
    for (const f of figures) {
      console.log(
        `  ${f.label.padEnd(50)} ${f.mbPerSecond.toFixed(0).padStart(7)} ${f.cpuSecondsPerGiB.toFixed(2).padStart(17)} ${`${(f.cpuSecondsPerGiB / reference.cpuSecondsPerGiB).toFixed(2)}×`.padStart(8)}`,
      );
    }
    console.log(
      `  rounds (server CPU-s): ${measured.map((runs, i) => `${i === 0 ? 'route' : 'plain'} ${runs.map((r) => r.cpu.toFixed(2)).join(' ')}`).join('; ')}`,
    );
    console.log(
      `  resumed from 50% (Range): ${size - half} bytes re-sent of the ${size - half} missing, ${((size - half) / 1e6 / resumed.seconds).toFixed(0)} MB/s`,
    );
    recordGoal('portal', 'package route CPU ÷ plain Node file server', ratio, '×', '<=', 1.3);
    return figures;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await rm(work, { recursive: true, force: true });
    if (dir !== keep) await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--plain') {
  plainServer(process.argv[3] ?? '', Number(process.argv[4]));
} else if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
