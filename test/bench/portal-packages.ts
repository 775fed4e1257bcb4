/**
 * `node --import tsx test/bench/portal-packages.ts`: package throughput of the portal's `sendPackage` against plain
 * static file servers in the same run, measured by curl to /dev/null on loopback (median of 3 after one warm-up), and
 * a download resumed from half-way. The 1 GiB package of random bytes is made in a temporary directory, or kept in
 * `HICARE_BENCH_DIR` between runs.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createPortalApp } from '../../portal/http/app.js';
import { sendPackage } from '../../portal/http/file-response.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const SIZE = 1024 * MiB;
const RUNS = 3;
const FILE_NAME = 'package-1GiB.bin';

export interface PackageFigures {
  label: string;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The package and its hash; both are kept beside each other so a reused directory skips the slow part. */
async function benchPackage(dir: string): Promise<{ path: string; sha256: string }> {
  const path = join(dir, FILE_NAME);
  const hashPath = `${path}.sha256`;
  const existing = await stat(path).catch(() => undefined);
  if (existing?.size === SIZE) {
    const recorded = await readFile(hashPath, 'utf8').catch(() => '');
    const [hash, mtime] = recorded.trim().split(' ');
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
  const sha256 = await sha256Of(path);
  await writeFile(hashPath, `${sha256} ${(await stat(path)).mtimeMs}\n`);
  return { path, sha256 };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * The plain reference: what any static server does, a read stream piped into the response. With Node's default
 * 64 KiB reads it is the typical static server; with 1 MiB reads, the same I/O as the portal, so the difference
 * between the two is what Fastify, the checks and the byte count cost.
 */
function plainStaticServer(path: string, highWaterMark?: number): Server {
  return createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': SIZE });
    createReadStream(path, highWaterMark === undefined ? {} : { highWaterMark }).pipe(res);
  });
}

function startPython(dir: string): Promise<{ child: ChildProcess; base: string } | undefined> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.once('error', () => resolve(undefined));
    child.once('exit', () => resolve(undefined));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const port = /port (\d+)/.exec(out)?.[1];
      if (port !== undefined) resolve({ child, base: `http://127.0.0.1:${port}` });
    });
    setTimeout(() => resolve(undefined), 10_000).unref();
  });
}

async function curl(url: string, extra: string[] = []): Promise<{ status: string; bytes: number; seconds: number }> {
  const { stdout } = await run('curl', [
    '-s',
    '-o',
    '/dev/null',
    ...extra,
    '-w',
    '%{http_code} %{size_download} %{time_total}',
    url,
  ]);
  const [status = '', bytes = '0', seconds = '0'] = stdout.trim().split(' ');
  return { status, bytes: Number(bytes), seconds: Number(seconds) };
}

/** One untimed warm-up (page cache, JIT, TCP), then the median of RUNS timed downloads. */
async function measure(
  label: string,
  url: string,
  expect: { status: string; bytes: number },
  extra: string[] = [],
): Promise<PackageFigures> {
  await curl(url, extra);
  const runs: { bytes: number; seconds: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await curl(url, extra);
    if (r.status !== expect.status || r.bytes !== expect.bytes) {
      throw new Error(
        `${label}: HTTP ${r.status} with ${r.bytes} bytes, expected ${expect.status} with ${expect.bytes}`,
      );
    }
    runs.push(r);
  }
  const median = runs.sort((a, b) => a.seconds - b.seconds)[Math.floor(RUNS / 2)]!;
  return { label, bytes: median.bytes, seconds: median.seconds, mbPerSecond: median.bytes / 1e6 / median.seconds };
}

export async function main(): Promise<PackageFigures[]> {
  const keep = process.env['HICARE_BENCH_DIR'];
  const dir = keep !== undefined && keep !== '' ? keep : await mkdtemp(join(tmpdir(), 'hicare-bench-packages-'));
  await mkdir(dir, { recursive: true });
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const pkg = await benchPackage(dir);

    const app = createPortalApp({ version: 'bench' });
    app.route({
      method: ['GET', 'HEAD'],
      url: '/package',
      handler: async (request, reply) =>
        sendPackage(request, reply, { path: pkg.path, length: SIZE, sha256: pkg.sha256, downloadName: FILE_NAME }),
    });
    const portalBase = await app.listen({ host: '127.0.0.1', port: 0 });
    stops.push(() => app.close());

    const plain = plainStaticServer(pkg.path);
    const plainBase = await listen(plain);
    stops.push(() => new Promise((done) => plain.close(done)));
    const plainMiB = plainStaticServer(pkg.path, MiB);
    const plainMiBBase = await listen(plainMiB);
    stops.push(() => new Promise((done) => plainMiB.close(done)));

    const python = await startPython(dir);
    if (python !== undefined) stops.push(async () => python.child.kill('SIGTERM'));

    const whole = { status: '200', bytes: SIZE };
    const figures = [
      await measure('portal sendPackage (Fastify)', `${portalBase}/package`, whole),
      await measure('plain node:http + createReadStream', `${plainBase}/package`, whole),
      await measure('plain node:http, 1 MiB reads', `${plainMiBBase}/package`, whole),
    ];
    if (python !== undefined)
      figures.push(await measure('python3 -m http.server', `${python.base}/${FILE_NAME}`, whole));
    const half = SIZE / 2;
    const resumed = await measure(
      'portal, resumed from 50% (Range)',
      `${portalBase}/package`,
      { status: '206', bytes: half },
      ['-r', `${half}-`],
    );
    figures.push(resumed);

    const [portal, reference, sameReads] = figures;
    console.log(
      `\nPackage downloads: ${SIZE / MiB} MiB, curl to /dev/null on loopback, median of ${RUNS} after a warm-up`,
    );
    console.log(
      'server'.padEnd(40),
      'bytes'.padStart(12),
      'seconds'.padStart(9),
      'MB/s'.padStart(8),
      'vs plain node'.padStart(14),
    );
    for (const f of figures) {
      console.log(
        f.label.padEnd(40),
        String(f.bytes).padStart(12),
        f.seconds.toFixed(3).padStart(9),
        f.mbPerSecond.toFixed(0).padStart(8),
        `${(f.mbPerSecond / reference!.mbPerSecond).toFixed(2)}×`.padStart(14),
      );
    }
    console.log(`ratio portal/plain-static: ${(portal!.mbPerSecond / reference!.mbPerSecond).toFixed(2)}×`);
    console.log(
      `ratio portal/plain-static with the same 1 MiB reads: ${(portal!.mbPerSecond / sameReads!.mbPerSecond).toFixed(2)}×`,
    );
    if (python === undefined) console.log('python3 -m http.server: not available, skipped');
    console.log(
      `resumed download re-transferred ${resumed.bytes} bytes of the ${half} missing (${resumed.bytes === half ? 'exactly the missing bytes' : 'MISMATCH'})`,
    );
    return figures;
  } finally {
    for (const stop of stops.reverse()) await stop();
    if (dir !== keep) await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
