/**
 * `npm run bench:cluster`: the install base's traffic through HAProxy to two `serve` instances on PostgreSQL and
 * an S3-compatible store (the cluster of test/cluster/harness.ts), at a constant rate of 280 and 2,800 requests/s
 * for 30 s each (HICARE_BENCH_SECONDS to change it). The mix is an hour of the install base compressed: 70%
 * conditional timestamp checks (If-None-Match, answered 304), 15% plain timestamp GETs, 12% entitlement checks with a
 * customer token, 3% package HEADs. Then, for where the time goes, the entitlement route's ceiling on one instance
 * on PostgreSQL, the same route on SQLite, and a Fastify hello-world — all measured in the same run on the same
 * machine. Prints a table and writes the figures as JSON to test/bench/results/.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { packagePath } from '../../shared/contracts/portal-api.js';
import { signIn } from '../cluster/client.js';
import { Cluster, clusterProblem } from '../cluster/harness.js';
import { runPortal, start, startPortal, waitForOutput } from '../cluster/processes.js';
import { freePort } from '../integration/wait.js';
import { runAtRate, type PlannedRequest, type RateRun } from './constant-rate.js';

const SECONDS = Number(process.env['HICARE_BENCH_SECONDS'] ?? 30);
const CEILING_SECONDS = Math.min(SECONDS, 10);
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));
const CUSTOMER = 'it@northwind.example';
const SYSTEM = 'NW-ATL-0001';
const PACKAGE = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';

interface Ceiling {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** The install-base mix, deterministic by request number so every run sends the same sequence. */
function installBaseMix(token: string, etag: string): (i: number) => PlannedRequest {
  const auth = { authorization: `Bearer ${token}` };
  return (i) => {
    const slot = i % 100;
    if (slot < 70)
      return { method: 'GET', path: '/tuf/timestamp.json', headers: { 'if-none-match': etag }, ok: [200, 304] };
    if (slot < 85) return { method: 'GET', path: '/tuf/timestamp.json', headers: {}, ok: [200] };
    if (slot < 97) return { method: 'GET', path: `/api/v1/systems/${SYSTEM}/entitlement`, headers: auth, ok: [200] };
    return { method: 'HEAD', path: `${packagePath(PACKAGE)}?serialNumber=${SYSTEM}`, headers: auth, ok: [200, 302] };
  };
}

async function ceiling(label: string, url: string, headers: Record<string, string> = {}): Promise<Ceiling> {
  await autocannon({ url, headers, connections: 32, duration: 2 });
  const r = await autocannon({ url, headers, connections: 32, duration: CEILING_SECONDS });
  return {
    label,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/** A one-instance SQLite portal, seeded, for the same route as a reference. */
async function sqliteCeiling(): Promise<Ceiling> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-bench-sqlite-'));
  const env = { ...process.env, HICARE_PORTAL_DATA: dir, DATABASE_URL: '', HICARE_LOG_LEVEL: 'silent' };
  const serve = { child: undefined as ReturnType<typeof startPortal> | undefined };
  try {
    const seed = JSON.parse(await runPortal(['seed', '--demo', '--json'], env)) as {
      accounts: { email: string; password: string }[];
    };
    const port = await freePort();
    serve.child = startPortal('serve sqlite', ['serve', '--port', String(port)], env);
    await waitForOutput(serve.child, /listening/i);
    const base = `http://127.0.0.1:${port}`;
    const token = await signIn(base, CUSTOMER, seed.accounts.find((a) => a.email === CUSTOMER)?.password ?? '');
    return await ceiling('one instance, SQLite: entitlement', `${base}/api/v1/systems/${SYSTEM}/entitlement`, {
      authorization: `Bearer ${token}`,
    });
  } finally {
    await serve.child?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Fastify answering a constant: the HTTP stack's own ceiling on this machine. */
async function helloCeiling(): Promise<Ceiling> {
  const port = await freePort();
  const script = `const app = (await import('fastify')).default(); app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: ${port} }); console.log('listening');`;
  const child = start('fastify hello', process.execPath, ['--input-type=module', '-e', script], process.env);
  try {
    await waitForOutput(child, /listening/);
    return await ceiling('reference: Fastify hello-world', `http://127.0.0.1:${port}/`);
  } finally {
    await child.stop();
  }
}

function printTable(runs: readonly RateRun[], ceilings: readonly Ceiling[]): void {
  console.log(
    `\nInstall-base mix through HAProxy to two instances (PostgreSQL, S3), ${SECONDS} s per rate, constant rate (open model)`,
  );
  console.log(
    'run'.padEnd(44),
    'target/s'.padStart(9),
    'achieved/s'.padStart(11),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'max ms'.padStart(8),
    'errors'.padStart(7),
    'load'.padStart(6),
    '  goal (p99<100, 0 errors)',
  );
  for (const r of runs) {
    const goal = r.targetRate >= 2800 ? (r.p99 < 100 && r.errors === 0 ? 'met' : 'missed') : '';
    console.log(
      r.label.padEnd(44),
      String(r.targetRate).padStart(9),
      String(r.achievedRate).padStart(11),
      String(r.p50).padStart(8),
      String(r.p99).padStart(8),
      String(r.max).padStart(8),
      String(r.errors).padStart(7),
      String(r.loadAverage).padStart(6),
      `  ${goal}`,
      Object.keys(r.statuses).length > 0 ? JSON.stringify(r.statuses) : '',
    );
  }
  console.log(`\nCeilings (autocannon, 32 connections, ${CEILING_SECONDS} s)`);
  console.log(
    'route'.padEnd(44),
    'req/s'.padStart(9),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'errors'.padStart(7),
    '  goal (≥5000, p99<50)',
  );
  for (const c of ceilings) {
    const goal = c.label.includes('PostgreSQL') ? (c.requestsPerSecond >= 5000 && c.p99 < 50 ? 'met' : 'missed') : '';
    console.log(
      c.label.padEnd(44),
      String(c.requestsPerSecond).padStart(9),
      String(c.p50).padStart(8),
      String(c.p99).padStart(8),
      String(c.errors).padStart(7),
      `  ${goal}`,
    );
  }
}

export async function main(): Promise<{ runs: RateRun[]; ceilings: Ceiling[] } | undefined> {
  if (clusterProblem !== undefined) {
    console.log(`The cluster benchmark needs PostgreSQL and HAProxy: ${clusterProblem}.`);
    return undefined;
  }
  const cluster = new Cluster();
  const runs: RateRun[] = [];
  const ceilings: Ceiling[] = [];
  try {
    await cluster.start();
    for (const note of cluster.notes) console.warn(`cluster: ${note}`);
    const token = await cluster.token(CUSTOMER);
    const etag = (await fetch(`${cluster.url}/tuf/timestamp.json`)).headers.get('etag') ?? '"none"';
    for (const rate of [280, 2800]) {
      runs.push(
        await runAtRate({
          label: `install-base mix at ${rate}/s via HAProxy`,
          base: cluster.url,
          rate,
          seconds: SECONDS,
          next: installBaseMix(token, etag),
        }),
      );
    }
    const a = cluster.instance('A').url;
    ceilings.push(
      await ceiling('one instance, PostgreSQL: entitlement', `${a}/api/v1/systems/${SYSTEM}/entitlement`, {
        authorization: `Bearer ${token}`,
      }),
    );
  } finally {
    await cluster.stop();
  }
  ceilings.push(await sqliteCeiling());
  ceilings.push(await helloCeiling());
  printTable(runs, ceilings);
  await mkdir(RESULTS, { recursive: true });
  const file = join(RESULTS, `cluster-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, runs, ceilings }, null, 2)}\n`,
  );
  console.log(`\nFigures written to ${file}`);
  return { runs, ceilings };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
  // pg pools of the harness's probes may hold the loop open a moment; the run is over.
  process.exit(0);
}
