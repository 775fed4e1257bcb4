/**
 * `npm run bench:portal`: the portal under load, measured from outside its process as a client would see it.
 * A demo portal is seeded and served by the real CLI in a child process, once on SQLite and once on a PostgreSQL
 * database made for the run; autocannon, in this process, drives the entitlement API, the catalog API and the TUF
 * metadata at the production log level. As a reference from the same run, a Fastify hello-world in a process of its
 * own gives the ceiling of the HTTP stack on this machine; every route is printed as a ratio to it, and the goals of
 * DESIGN.md §8 (entitlement ≥ 5,000 req/s with p99 < 50 ms on both stores, timestamp.json ≥ 15,000 req/s) are
 * recorded. The package throughput is compared with a plain static file server by ./portal-packages.ts.
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { recordGoal } from './goals.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/hicare-portal.js');
const DURATION_S = Number(process.env['HICARE_BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['HICARE_BENCH_CONNECTIONS'] ?? 32);
/** A database on this server is made for the run and dropped after; HICARE_BENCH_POSTGRES=0 skips it. */
const POSTGRES_ADMIN_URL = process.env['HICARE_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Figures {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

type Storage = 'SQLite' | 'PostgreSQL';

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

/** Starts a child that prints `{"url": …}` as its first line of standard output. */
function started(child: ChildProcess, what: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve({ child, url: (JSON.parse(chunk.toString('utf8')) as { url: string }).url }),
    );
    child.once('exit', (code) => reject(new Error(`${what} exited with ${String(code)}`)));
  });
}

function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  // The portal logs a line per request at the production level (info); the lines go nowhere, but are written.
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return started(child, 'serve');
}

/** The HTTP stack's ceiling: Fastify answering "hello", alone in its process, without logging. */
function helloWorld(): Promise<{ child: ChildProcess; url: string }> {
  const script = `
    const app = (await import('fastify')).default();
    app.get('/', () => 'hello');
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    process.stdout.write(JSON.stringify({ url: address }) + '\\n');
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return started(child, 'the Fastify hello-world');
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

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database on the benchmark's PostgreSQL server, and how to drop it; undefined when none is reachable. */
async function benchDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  if (process.env['HICARE_BENCH_POSTGRES'] === '0') return undefined;
  const name = `bench_portal_${randomBytes(6).toString('hex')}`;
  try {
    await adminQuery(`create database ${name}`);
  } catch (error) {
    console.log(`PostgreSQL not reachable at ${POSTGRES_ADMIN_URL}: ${(error as Error).message}; SQLite only.`);
    return undefined;
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

/** One portal on one store, seeded with the demo, under each route's load in turn. */
async function measurePortal(storage: Storage, databaseUrl: string): Promise<Figures[]> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-bench-portal-'));
  // serve on PostgreSQL needs a grant key; a throwaway one does for a benchmark.
  const env = {
    HICARE_GRANT_KEY: randomBytes(32).toString('base64'),
    ...process.env,
    HICARE_PORTAL_DATA: dir,
    DATABASE_URL: databaseUrl,
    HICARE_LOG_LEVEL: 'info',
  };
  let server: ChildProcess | undefined;
  try {
    const seed = JSON.parse(await runCli(['seed', '--demo', '--json'], env)) as {
      accounts: { email: string; password: string }[];
    };
    const it = seed.accounts.find((a) => a.email === 'it@northwind.example');
    if (it === undefined) throw new Error('the demo has no Northwind IT account');
    const portal = await serve(env);
    server = portal.child;
    const base = portal.url;
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
    return [
      await load(
        `${storage}: entitlement GET /api/v1/systems/NW-ATL-0001/entitlement`,
        `${base}/api/v1/systems/NW-ATL-0001/entitlement`,
        auth,
      ),
      await load(
        `${storage}: catalog GET /api/v1/products/atlas/releases`,
        `${base}/api/v1/products/atlas/releases`,
        auth,
      ),
      await load(`${storage}: GET /tuf/timestamp.json`, `${base}/tuf/timestamp.json`),
      await load(
        `${storage}: GET /tuf/${snapshotVersion}.snapshot.json`,
        `${base}/tuf/${snapshotVersion}.snapshot.json`,
      ),
    ];
  } finally {
    server?.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

function print(figures: Figures[], reference: number): void {
  console.log(
    'route'.padEnd(72),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    '÷ hello-world'.padStart(14),
  );
  for (const f of figures) {
    console.log(
      f.label.padEnd(72),
      String(f.requestsPerSecond).padStart(8),
      String(f.p50).padStart(8),
      String(f.p99).padStart(8),
      `${(f.requestsPerSecond / reference).toFixed(3)}×`.padStart(14),
      f.non2xx + f.errors > 0 ? ` (${f.non2xx} non-2xx, ${f.errors} errors)` : '',
    );
  }
}

function recordGoals(storage: Storage, figures: Figures[]): void {
  const clean = (f: Figures): number => (f.non2xx + f.errors > 0 ? 0 : f.requestsPerSecond);
  const entitlement = figures.find((f) => f.label.includes('entitlement'));
  const timestamp = figures.find((f) => f.label.includes('timestamp.json'));
  if (entitlement !== undefined) {
    recordGoal('portal', `entitlement req/s (${storage})`, clean(entitlement), 'req/s', '>=', 5000);
    recordGoal('portal', `entitlement p99 (${storage})`, entitlement.p99, 'ms', '<', 50);
  }
  if (timestamp !== undefined) {
    const figure = storage === 'SQLite' ? 'timestamp.json req/s' : `timestamp.json req/s (${storage})`;
    recordGoal('portal', figure, clean(timestamp), 'req/s', '>=', 15000);
  }
}

export async function main(): Promise<Figures[]> {
  console.log(
    `\nPortal under load: ${CONNECTIONS} connections, ${DURATION_S} s per route, portal and load generator sharing the cores; load average ${loadavg()[0]!.toFixed(2)}`,
  );
  const hello = await helloWorld();
  let reference: Figures;
  try {
    reference = await load('reference: Fastify hello-world, own process', `${hello.url}/`);
  } finally {
    hello.child.kill('SIGTERM');
  }
  const figures: Figures[] = [reference];
  const sqlite = await measurePortal('SQLite', '');
  recordGoals('SQLite', sqlite);
  figures.push(...sqlite);
  const database = await benchDatabase();
  if (database !== undefined) {
    try {
      const postgres = await measurePortal('PostgreSQL', database.url);
      recordGoals('PostgreSQL', postgres);
      figures.push(...postgres);
    } finally {
      await database.drop();
    }
  }
  print(figures, reference.requestsPerSecond);
  console.log(`load average at the end: ${loadavg()[0]!.toFixed(2)}`);
  return figures;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
  const { goalSummary } = await import('./goals.js');
  console.log(goalSummary());
}
