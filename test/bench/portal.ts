/**
 * `npm run bench:portal`: the portal under load, measured from outside its process as a client would see it.
 * A demo portal is seeded and served by the real CLI in a child process; autocannon, in this process, drives the
 * entitlement API, the catalog API and the TUF metadata. Figures are printed against the targets of DESIGN.md §8
 * (≥ 5,000 requests/s with p99 < 50 ms on 2 cores), and, as a reference from the same run, against a trivial
 * `/healthz` on the same server — the ceiling of the HTTP stack itself. The package throughput is compared with a
 * plain static file server by ./portal-packages.ts.
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/hicare-portal.js');
const DURATION_S = Number(process.env['HICARE_BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['HICARE_BENCH_CONNECTIONS'] ?? 32);

export interface Figures {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`hicare-portal ${args.join(' ')} exited with ${String(code)}`)),
    );
  });
}

function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve({ child, url: (JSON.parse(chunk.toString('utf8')) as { url: string }).url }),
    );
    child.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}`)));
  });
}

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<Figures> {
  // A short warm-up lets V8 optimise the handlers before the measured run.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  return {
    label,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

export async function main(): Promise<Figures[]> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-bench-portal-'));
  // serve on PostgreSQL needs a grant key; a throwaway one does for a benchmark.
  const env = {
    HICARE_GRANT_KEY: randomBytes(32).toString('base64'),
    ...process.env,
    HICARE_PORTAL_DATA: dir,
    DATABASE_URL: process.env['HICARE_BENCH_DATABASE_URL'] ?? '',
  };
  let server: ChildProcess | undefined;
  try {
    const seed = JSON.parse(await runCli(['seed', '--demo', '--json'], env)) as {
      accounts: { email: string; password: string }[];
    };
    const it = seed.accounts.find((a) => a.email === 'it@northwind.example');
    if (it === undefined) throw new Error('the demo has no Northwind IT account');
    const started = await serve(env);
    server = started.child;
    const base = started.url;
    const session = await fetch(`${base}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: it.email, password: it.password }),
    });
    const { token } = (await session.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const timestamp = (await (await fetch(`${base}/tuf/timestamp.json`)).json()) as {
      signed: { meta: Record<string, { version: number }> };
    };
    const snapshotVersion = timestamp.signed.meta['snapshot.json']?.version ?? 1;
    const snapshot = (await (await fetch(`${base}/tuf/${snapshotVersion}.snapshot.json`)).json()) as {
      signed: { meta: Record<string, { version: number }> };
    };
    const targetsVersion = snapshot.signed.meta['targets.json']?.version ?? 1;

    const figures = [
      await load('reference: GET /healthz', `${base}/healthz`),
      await load(
        'entitlement: GET /api/v1/systems/NW-ATL-0001/entitlement',
        `${base}/api/v1/systems/NW-ATL-0001/entitlement`,
        auth,
      ),
      await load('catalog: GET /api/v1/products/atlas/releases', `${base}/api/v1/products/atlas/releases`, auth),
      await load('TUF: GET /tuf/timestamp.json', `${base}/tuf/timestamp.json`),
      await load(`TUF: GET /tuf/${targetsVersion}.targets.json`, `${base}/tuf/${targetsVersion}.targets.json`),
    ];
    const reference = figures[0]!.requestsPerSecond;
    console.log(
      `\nPortal under load: ${CONNECTIONS} connections, ${DURATION_S} s per route, portal and load generator sharing 2 cores, storage ${env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
    );
    console.log(
      'route'.padEnd(62),
      'req/s'.padStart(8),
      'p50 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'vs /healthz'.padStart(12),
      'target (≥5000, p99<50)'.padStart(24),
    );
    for (const f of figures) {
      const verdict = f.label.startsWith('reference')
        ? ''
        : f.requestsPerSecond >= 5000 && f.p99 < 50
          ? 'met'
          : 'missed';
      console.log(
        f.label.padEnd(62),
        String(f.requestsPerSecond).padStart(8),
        String(f.p50).padStart(8),
        String(f.p99).padStart(8),
        `${(f.requestsPerSecond / reference).toFixed(2)}×`.padStart(12),
        verdict.padStart(24),
        f.non2xx + f.errors > 0 ? ` (${f.non2xx} non-2xx, ${f.errors} errors)` : '',
      );
    }
    return figures;
  } finally {
    server?.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
