/**
 * Fixtures for the portal's file-serving tests: temporary directories, a real portal app on a loopback port whose
 * package route hands files to `sendPackage` and records each delivery report, raw HTTP requests (for paths that
 * `fetch` would normalise and for aborting mid-body), and a real TUF repository with a tuf-js client.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readlink } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Updater } from 'tuf-js';
import { createPortalApp } from '../../../portal/http/app.js';
import { sendPackage, type DeliveryOutcome, type PackageFile } from '../../../portal/http/file-response.js';
import { registerTufRoute } from '../../../portal/http/tuf-route.js';
import { initKeys } from '../../../portal/tuf/keys.js';
import { FolderMetadataStore } from '../../../portal/tuf/metadata-store.js';
import { initRepository, type TufRepository } from '../../../portal/tuf/repository.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { until, untilTrue } from '../wait.js';

const cleanups: (() => Promise<void>)[] = [];

/** Runs everything registered so far, newest first; call from afterAll/afterEach. */
export async function cleanup(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) await fn();
}

export async function tempDir(prefix = 'hicare-files-'): Promise<string> {
  const { dir, remove } = await makeTempDir(prefix);
  cleanups.push(remove);
  return dir;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface Delivery extends DeliveryOutcome {
  tag: string;
}

export interface FilePortal {
  base: string;
  app: FastifyInstance;
  /**
   * Files served at `/files/<key>`; the `tag` query names the delivery report, `hold` keeps the response back until
   * the test lets it go (see held).
   */
  files: Map<string, PackageFile>;
  deliveries: Delivery[];
  /** Every URL requested so far, as the server saw it. */
  requests: string[];
  /** Waits for the delivery report of the request made with `?tag=<tag>`, once its response is over. */
  delivery(tag: string, timeoutMs?: number): Promise<Delivery>;
  /**
   * Waits until the request made with `?tag=<tag>&hold` is held before its answer; resolves with what lets it go
   * and with a promise of its response's end (the client left, or the answer was sent).
   */
  held(tag: string): Promise<{ release: () => void; closed: Promise<void> }>;
}

/** Resolves when the response is over: sent, or its connection gone. */
function responseOver(res: ServerResponse): Promise<void> {
  return res.closed ? Promise.resolve() : new Promise((resolve) => res.once('close', () => resolve()));
}

/** The portal app with a package route over `files` (authorization is the real route's job, not under test here). */
export async function startFilePortal(options: { repoDir?: string } = {}): Promise<FilePortal> {
  const app = createPortalApp({ version: '0.0.0-test' });
  const files = new Map<string, PackageFile>();
  const deliveries: Delivery[] = [];
  const requests: string[] = [];
  /** Per tag: the response is over and the route has handed it to sendPackage, so no report can come after. */
  const settled = new Map<string, Promise<unknown>>();
  const holds = new Map<string, { release: () => void; closed: Promise<void> }>();
  app.addHook('onRequest', async (request) => {
    requests.push(request.url);
  });
  app.route({
    method: ['GET', 'HEAD'],
    url: '/files/:key',
    handler: async (request, reply) => {
      const { key } = request.params as { key: string };
      const query = request.query as { tag?: string; hold?: string };
      const tag = query.tag ?? key;
      const file = files.get(key);
      if (file === undefined) return reply.code(404).send({ code: 'NOT_FOUND' });
      const over = responseOver(reply.raw);
      let handedOver: (sent: Promise<unknown>) => void = () => undefined;
      settled.set(tag, Promise.all([over, new Promise<unknown>((resolve) => (handedOver = resolve))]));
      // Stands in for the authorization a real package route does first, which a client may not wait for.
      if (query.hold !== undefined) await new Promise<void>((release) => holds.set(tag, { release, closed: over }));
      const sent = sendPackage(request, reply, file, (outcome) => deliveries.push({ ...outcome, tag }));
      handedOver(sent);
      return sent;
    },
  });
  if (options.repoDir !== undefined) registerTufRoute(app, { metadata: new FolderMetadataStore(options.repoDir) });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => app.close());
  const delivery = async (tag: string, timeoutMs = 5_000): Promise<Delivery> => {
    const report = await until(async () => deliveries.find((d) => d.tag === tag), {
      what: `the delivery report for ${tag}`,
      timeoutMs,
      intervalMs: 10,
    });
    // Exactly once: a second report would double-count the download in the audit log. Once the response is over and
    // the route has returned, nothing is left that could report again.
    await settled.get(tag);
    if (deliveries.filter((d) => d.tag === tag).length !== 1) throw new Error(`${tag} was reported more than once`);
    return report;
  };
  const held = (tag: string) =>
    until(async () => holds.get(tag), { what: `the request ${tag} to be held`, intervalMs: 10 });
  return { base, app, files, deliveries, requests, delivery, held };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request exactly as written (no path normalisation, any method), the whole body collected. */
export function rawRequest(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The descriptors this process holds open on `path`: a served file must not stay open after its response. */
export async function openDescriptorsOn(path: string): Promise<number> {
  let count = 0;
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target === path) count += 1;
  }
  return count;
}

/** Whether `check` comes to hold within the time: false past the deadline, for the caller's assertion. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  return untilTrue(check, { what: 'a condition', timeoutMs, intervalMs: 20 }).then(
    () => true,
    () => false,
  );
}

export interface TufFixture {
  repoDir: string;
  keysDir: string;
  workDir: string;
  repo: TufRepository;
}

export async function freshRepository(): Promise<TufFixture> {
  const base = await tempDir('hicare-files-tuf-');
  const repoDir = join(base, 'repo');
  const keysDir = join(base, 'keys');
  const workDir = join(base, 'work');
  await mkdir(workDir);
  await initKeys(keysDir);
  const repo = await initRepository({ repoDir, keysDir });
  return { repoDir, keysDir, workDir, repo };
}

/** A tuf-js client that trusts the repository's first root, as an app shipped with it does. */
export async function trustingClient(
  repoDir: string,
  metadataUrl: string,
): Promise<{ metadataDir: string; updater: () => Updater }> {
  const dir = await tempDir('hicare-files-client-');
  const metadataDir = join(dir, 'metadata');
  const targetDir = join(dir, 'targets');
  await mkdir(metadataDir);
  await mkdir(targetDir);
  await copyFile(join(repoDir, '1.root.json'), join(metadataDir, 'root.json'));
  return {
    metadataDir,
    updater: () =>
      new Updater({
        metadataBaseUrl: metadataUrl,
        targetBaseUrl: `${metadataUrl}targets/`,
        metadataDir,
        targetDir,
        config: { fetchRetries: 0, fetchTimeout: 10_000 },
      }),
  };
}

/** Valid `custom` metadata for a release. */
export function releaseCustom(version: string): Record<string, unknown> {
  return {
    product: 'hicare-server',
    version,
    platform: 'linux',
    arch: 'x64',
    installer: { type: 'script', args: ['--prefix', '{target}'], entry: 'install.sh', timeoutSeconds: 600 },
    detection: { kind: 'file', path: '/opt/hicare-server/VERSION', regex: `^${version.replace(/\./g, '\\.')}$` },
    minUpgradeFrom: '2.0.0',
    publishedAt: '2026-03-01T09:30:00Z',
    notes: 'Fixes the nightly export crash.',
    lifecycle: { product: 'hicare-server', major: 2, ga: '2025-01-15', endOfMaintenance: '2027-01-15' },
  };
}
