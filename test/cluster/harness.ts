/**
 * A portal cluster on this machine, as DESIGN.md §6.1 draws it: a throwaway PostgreSQL schema, s3rver as the object
 * store, the demo seeded once, one signer holding the keys, two `serve` instances with separate data directories and
 * no keys, and HAProxy in front of them. Everything is a real process started through the portal's CLI with the
 * environment an operator would set; `stop()` ends every process, the store, the temp directories and the schema,
 * whatever state a test left them in.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoSeedResult } from '../../portal/demo/seed.js';
import { createTestSchema, dropTestSchema, POSTGRES_URL, postgresProblem } from '../integration/postgres.js';
import { signIn } from './client.js';
import { HAPROXY_BIN, startHaproxy, type RunningHaproxy } from './haproxy.js';
import { runPortal, startPortal, startS3rver, stopAll, tryPortal, type Child, type S3Server } from './processes.js';
import { freePort, until } from '../integration/wait.js';

/** Why the cluster cannot run here (no PostgreSQL, no HAProxy), or undefined when it can. */
export const clusterProblem: string | undefined =
  postgresProblem !== undefined
    ? `PostgreSQL is not reachable (${postgresProblem})`
    : existsSync(HAPROXY_BIN)
      ? undefined
      : `${HAPROXY_BIN} is not installed (apt-get install haproxy)`;
if (clusterProblem !== undefined) console.warn(`\n!!! SKIPPING THE CLUSTER TESTS: ${clusterProblem} !!!\n`);

export const BUCKET = 'hicare-cluster';

export interface Instance {
  readonly name: string;
  readonly url: string;
  readonly dataDirectory: string;
  child: Child;
}

export interface ClusterOptions {
  /**
   * Size of a tmpfs the signers use as their temporary directory (where a package is held while it is hashed), to
   * make "the disk filled up during a publish" real. The object store's own disk cannot be the full one here:
   * s3rver exits when its disk fills, where a real store answers an error.
   */
  scratchBytes?: number;
  instances?: number;
}

export class Cluster {
  schema = '';
  root = '';
  /** The signer's own directory: keys (online and the demo's offline root) and its scratch space. */
  signerData = '';
  keysDir = '';
  s3: S3Server | undefined;
  haproxy: RunningHaproxy | undefined;
  readonly instances: Instance[] = [];
  readonly signers: Child[] = [];
  seed: DemoSeedResult | undefined;
  /** Set when the signers' temporary directory is a tmpfs of the asked size. */
  scratchMount: string | undefined;
  /** What the harness had to work around (a missing command or route), printed by the tests. */
  readonly notes: string[] = [];
  private readonly tokens = new Map<string, string>();
  private readonly grantKey = randomBytes(32).toString('base64');

  constructor(private readonly options: ClusterOptions = {}) {}

  /** The environment every process of the cluster shares, as /etc/hicare/portal.env would give it. */
  sharedEnv(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      DATABASE_URL: POSTGRES_URL,
      HICARE_DATABASE_SCHEMA: this.schema,
      HICARE_DB_POOL_SIZE: '10',
      HICARE_BLOB_STORE: 's3',
      HICARE_S3_ENDPOINT: this.s3?.endpoint ?? '',
      HICARE_S3_BUCKET: BUCKET,
      HICARE_S3_REGION: 'us-east-1',
      HICARE_S3_PREFIX: 'portal/',
      HICARE_S3_FORCE_PATH_STYLE: '1',
      // s3rver's fixed credentials.
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      HICARE_GRANT_KEY: this.grantKey,
      HICARE_TRUST_PROXY: '127.0.0.1',
      HICARE_LOG_LEVEL: process.env['HICARE_CLUSTER_LOG_LEVEL'] ?? 'warn',
    };
  }

  async start(): Promise<void> {
    this.schema = await createTestSchema();
    this.root = await mkdtemp(join(tmpdir(), 'hicare-cluster-'));
    this.signerData = join(this.root, 'signer');
    this.keysDir = join(this.signerData, 'keys');
    const storeDir = join(this.root, 's3');
    await mkdir(storeDir, { recursive: true });
    if (this.options.scratchBytes !== undefined)
      await this.mountScratch(join(this.root, 'signer-scratch'), this.options.scratchBytes);
    this.s3 = await startS3rver(storeDir, BUCKET);

    const migrated = await tryPortal(['migrate'], this.sharedEnv());
    if (migrated.code !== 0) throw new Error(`hicare-portal migrate failed:\n${migrated.output}`);
    // The demo makes its own keys (root included) in the signer's keys directory: it is a demo. A production
    // setup runs `keys init --offline-keys DIR` instead and takes the root key off the machine.
    this.seed = JSON.parse(
      await runPortal(
        ['seed', '--demo', '--json', '--data', this.signerData, '--keys', this.keysDir],
        this.sharedEnv(),
      ),
    ) as DemoSeedResult;

    await this.startSigner('signer-1');
    const count = this.options.instances ?? 2;
    for (let i = 0; i < count; i += 1) await this.startInstance(String.fromCharCode(65 + i));
    this.haproxy = await startHaproxy({
      dir: this.root,
      port: await freePort(),
      backends: this.instances.map((x) => Number(new URL(x.url).port)),
    });
  }

  /** A tmpfs of `bytes` for the signers' temporary files (root only; otherwise noted and the disk is unbounded). */
  private async mountScratch(dir: string, bytes: number): Promise<void> {
    await mkdir(dir, { recursive: true });
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { encoding: 'utf8' });
    if (mount.status === 0) this.scratchMount = dir;
    else this.notes.push(`a ${bytes}-byte tmpfs could not be mounted for the signers (${mount.stderr.trim()})`);
  }

  async startSigner(name: string): Promise<Child> {
    const env = {
      ...this.sharedEnv(),
      HICARE_PORTAL_DATA: join(this.signerData, name),
      ...(this.scratchMount === undefined ? {} : { TMPDIR: this.scratchMount }),
    };
    const child = startPortal(name, ['signer', '--keys', this.keysDir], env);
    this.signers.push(child);
    return child;
  }

  /** A serve instance with its own empty data directory and no keys, ready when its /readyz says so. */
  async startInstance(name: string): Promise<Instance> {
    const dataDirectory = join(this.root, `instance-${name}`);
    await mkdir(dataDirectory, { recursive: true });
    // A restarted instance takes its old port back: HAProxy's server line names it.
    const previous = this.instances.find((x) => x.name === name);
    const port = previous === undefined ? await freePort() : Number(new URL(previous.url).port);
    const env = { ...this.sharedEnv(), HICARE_PORTAL_DATA: dataDirectory, HOST: '127.0.0.1', PORT: String(port) };
    const child = startPortal(`serve ${name}`, ['serve', '--port', String(port)], env);
    const url = `http://127.0.0.1:${port}`;
    await this.waitReady(child, url);
    const instance = { name, url, dataDirectory, child };
    const known = this.instances.findIndex((x) => x.name === name);
    if (known >= 0) this.instances[known] = instance;
    else this.instances.push(instance);
    return instance;
  }

  private async waitReady(child: Child, url: string): Promise<void> {
    await until(
      async () => {
        if (child.exited())
          throw new Error(`${child.name} exited before it was ready:\n${child.output().slice(-4000)}`);
        const readyz = await fetch(`${url}/readyz`).catch(() => undefined);
        return readyz?.status === 200 ? true : undefined;
      },
      { what: `${child.name} to be ready at ${url}/readyz`, timeoutMs: 30_000, detail: () => child.output() },
    );
  }

  instance(name: string): Instance {
    const found = this.instances.find((x) => x.name === name);
    if (found === undefined) throw new Error(`no instance ${name}`);
    return found;
  }

  /** Through HAProxy. */
  get url(): string {
    if (this.haproxy === undefined) throw new Error('the cluster is not started');
    return this.haproxy.url;
  }

  password(email: string): string {
    const account = this.seed?.accounts.find((a) => a.email === email);
    if (account === undefined) throw new Error(`the demo has no account ${email}`);
    return account.password;
  }

  /** One session per account, made through HAProxy: the token must then work on every instance. */
  async token(email: string): Promise<string> {
    const known = this.tokens.get(email);
    if (known !== undefined) return known;
    const token = await signIn(this.url, email, this.password(email));
    this.tokens.set(email, token);
    return token;
  }

  /** Every process's output, for a failing test's message. */
  outputs(): string {
    const children = [...this.signers, ...this.instances.map((x) => x.child)];
    return children.map((c) => `--- ${c.name} ---\n${c.output().slice(-3000)}`).join('\n');
  }

  async stop(): Promise<void> {
    await this.haproxy?.stop().catch(() => undefined);
    await stopAll();
    if (this.scratchMount !== undefined) spawnSync('umount', ['-l', this.scratchMount]);
    if (this.root !== '') await rm(this.root, { recursive: true, force: true });
    if (this.schema !== '') await dropTestSchema(this.schema);
  }
}
