/**
 * What the package benchmarks download from: the demo portal, seeded and served by the real CLI in its own
 * process, with the benchmark's package published into it as an atlas release, and a signed-in Northwind IT
 * account whose contract allows that release to NW-ATL-0001. Downloads then go through the real package route:
 * bearer token, entitlement verdict, audit and all. Also: the 1 GiB package itself (kept in `HICARE_BENCH_DIR`
 * between runs), and the CPU time a process has used, read from /proc, for CPU-seconds per GiB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORTAL_BIN = join(ROOT, 'bin/hicare-portal.js');
export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
/** The serial whose contract the published release is offered to. */
export const BENCH_SERIAL = 'NW-ATL-0001';
const ACCOUNT = 'it@northwind.example';
/** A 1.x update: Northwind's Support contract covers atlas 1.x, so the verdict allows it. */
const BENCH_VERSION = '1.9.7';

/** The size every download benchmark moves: HICARE_BENCH_DOWNLOAD_MIB, 1 GiB unless told. */
export function benchSize(): number {
  return Number(process.env['HICARE_BENCH_DOWNLOAD_MIB'] ?? 1024) * MiB;
}

/** Interleaved rounds after the warm-up: HICARE_BENCH_ROUNDS, 3 unless told. */
export function benchRounds(): number {
  return Math.max(1, Number(process.env['HICARE_BENCH_ROUNDS'] ?? 3));
}

/** The package of random bytes and its hash, recorded beside it so that a kept directory skips the slow part. */
export async function benchPackage(dir: string, size = benchSize()): Promise<{ path: string; sha256: string }> {
  const path = join(dir, size === GiB ? 'package-1GiB.bin' : `package-${size / MiB}MiB.bin`);
  const hashPath = `${path}.sha256`;
  const existing = await stat(path).catch(() => undefined);
  if (existing?.size === size) {
    const [hash, mtime] = (await readFile(hashPath, 'utf8').catch(() => '')).trim().split(' ');
    if (hash !== undefined && mtime === String(existing.mtimeMs)) return { path, sha256: hash };
  } else {
    console.log(`Writing ${size / MiB} MiB of random bytes to ${path} …`);
    const handle = await open(path, 'w');
    try {
      for (let written = 0; written < size; written += MiB) await handle.write(randomBytes(MiB));
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

/** User + system CPU seconds a process has used so far, all its threads (Linux /proc). */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), counted from field 3: utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Runs the portal's CLI (seed, publish) to the end; its output is the result, as JSON when asked.  */
export function portalCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PORTAL_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`hicare-portal ${args[0]} exited with ${String(code)}`)),
    );
  });
}

export interface PackagePortal {
  base: string;
  /** The portal process, for its CPU time. */
  pid: number;
  /** The bearer token of the signed-in Northwind IT account. */
  token: string;
  password: string;
  email: string;
  targetName: string;
  /** The package route for the target, with the serial it is downloaded for. */
  packagePath: string;
  /** The catalog's first root, which a client is told to trust. */
  rootPath: string;
  stop(): Promise<void>;
}

/** Seeds a demo portal in `work`, publishes `pkg` into it and serves it; stop() ends the process. */
export async function startPackagePortal(work: string, pkg: { path: string }): Promise<PackagePortal> {
  const data = await mkdtemp(join(work, 'portal-'));
  const env = {
    HICARE_GRANT_KEY: randomBytes(32).toString('base64'),
    ...process.env,
    HICARE_PORTAL_DATA: data,
    DATABASE_URL: '',
    HICARE_LOG_LEVEL: 'warn',
  };
  const seed = JSON.parse(await portalCli(['seed', '--demo', '--json'], env)) as {
    accounts: { email: string; password: string }[];
  };
  const password = seed.accounts.find((a) => a.email === ACCOUNT)?.password;
  if (password === undefined) throw new Error(`the demo has no ${ACCOUNT}`);
  const published = JSON.parse(
    await portalCli(
      [
        'publish',
        '--json',
        ...['--product', 'atlas', '--version', BENCH_VERSION, '--platform', 'linux', '--arch', 'x64'],
        ...['--file', pkg.path, '--installer', 'script', '--entry', 'install.sh'],
        ...['--detection', '{"kind":"file","path":"{target}/VERSION"}'],
      ],
      env,
    ),
  ) as { name: string };
  const child: ChildProcess = spawn(process.execPath, [PORTAL_BIN, 'serve', '--port', '0', '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`hicare-portal serve exited with ${String(code)}`)));
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve((JSON.parse(chunk.toString('utf8')) as { url: string }).url.replace(/\/$/, '')),
    );
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(data, { recursive: true, force: true });
  };
  try {
    const session = await fetch(`${base}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ACCOUNT, password }),
    });
    const { token } = (await session.json()) as { token: string };
    const packagePath = `/api/v1/packages/${published.name}?serialNumber=${BENCH_SERIAL}`;
    const head = await fetch(`${base}${packagePath}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}` },
    });
    if (head.status !== 200) throw new Error(`the package route answered HEAD with ${head.status}`);
    return {
      base,
      pid: child.pid!,
      token,
      password,
      email: ACCOUNT,
      targetName: published.name,
      packagePath,
      rootPath: join(data, 'tuf', '1.root.json'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
