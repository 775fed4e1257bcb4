/**
 * Fixtures for the TUF repository tests: temporary directories, a minimal static server standing in for the portal's
 * `/tuf/` route, valid release metadata, and a real tuf-js client that starts from the repository's first root, as
 * the app does from `resources/trust/root.json`.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { Metadata, MetaFile, Snapshot } from '@tufjs/models';
import { Updater } from 'tuf-js';
import { sha256Hex } from '../../../portal/tuf/canonical.js';
import { initKeys } from '../../../portal/tuf/keys.js';
import {
  metadataStoreOf,
  readState,
  type MetadataSource,
  type RepositoryState,
} from '../../../portal/tuf/metadata-files.js';
import { listedRoles } from '../../../portal/tuf/product-bins.js';
import { readDelegatedRole } from '../../../portal/tuf/product-roles.js';
import { resign } from '../../../portal/tuf/publish.js';
import { initRepository, type TufRepository } from '../../../portal/tuf/repository.js';
import type { TargetEntry } from '../../../portal/tuf/targets-metadata.js';
import { makeTempDir } from '../../support/temp-dir.js';

const cleanups: (() => Promise<void>)[] = [];

/** Runs everything registered so far; call from afterEach. */
export async function cleanup(): Promise<void> {
  // Taken out of the shared list first: a cleanup that outlives its hook's timeout must not eat the next test's.
  for (const fn of cleanups.splice(0).reverse()) await fn();
}

export async function tempDir(prefix = 'hicare-tuf-'): Promise<string> {
  const { dir, remove } = await makeTempDir(prefix);
  cleanups.push(remove);
  return dir;
}

export interface Served {
  /** e.g. http://127.0.0.1:40123/tuf/ */
  metadataUrl: string;
  targetUrl: string;
  /** Paths requested so far, for asserting what the client fetched. */
  requests: string[];
}

/** Serves `repoDir` under `/tuf/` on an ephemeral loopback port: GET only, no dotfiles, nothing outside the directory. */
export async function serve(repoDir: string): Promise<Served> {
  const root = resolve(repoDir);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const relative = url.pathname.startsWith('/tuf/')
      ? decodeURIComponent(url.pathname.slice('/tuf/'.length))
      : undefined;
    const file = relative === undefined ? undefined : resolve(root, relative);
    const refused =
      req.method !== 'GET' || file === undefined || !file.startsWith(root + sep) || /(^|\/)\./.test(relative ?? '');
    if (refused) {
      res.writeHead(404).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': info.size });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(
    () =>
      new Promise<void>((done) => {
        // The client keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close(() => done());
      }),
  );
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/tuf/`;
  return { metadataUrl: base, targetUrl: `${base}targets/`, requests };
}

export interface Client {
  metadataDir: string;
  targetDir: string;
  /** A new Updater over the same local state: how an installed app looks at the repository on each check. */
  updater(): Updater;
}

/** A client that trusts the repository's version-1 root, as an app shipped with it would. */
export async function trustingClient(repoDir: string, served: Served): Promise<Client> {
  const dir = await tempDir('hicare-tuf-client-');
  const metadataDir = join(dir, 'metadata');
  const targetDir = join(dir, 'targets');
  await mkdir(metadataDir);
  await mkdir(targetDir);
  await copyFile(join(repoDir, '1.root.json'), join(metadataDir, 'root.json'));
  return {
    metadataDir,
    targetDir,
    updater: () =>
      new Updater({
        metadataBaseUrl: served.metadataUrl,
        targetBaseUrl: served.targetUrl,
        metadataDir,
        targetDir,
        // Fail fast: every failure in these tests is deliberate, not a flaky network.
        config: { fetchRetries: 0, fetchTimeout: 10_000 },
      }),
  };
}

export interface Fixture {
  repoDir: string;
  keysDir: string;
  workDir: string;
  repo: TufRepository;
}

export async function freshRepository(now = new Date()): Promise<Fixture> {
  const base = await tempDir();
  const repoDir = join(base, 'repo');
  const keysDir = join(base, 'keys');
  const workDir = join(base, 'work');
  await mkdir(workDir);
  await initKeys(keysDir);
  const repo = await initRepository({ repoDir, keysDir, now });
  return { repoDir, keysDir, workDir, repo };
}

/** Writes a package file with the given content and returns its path. */
export async function packageFile(dir: string, name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** Valid `custom` metadata for a release; `overrides` replace top-level fields. */
export function releaseCustom(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    product: 'hicare-server',
    version: '2.4.1',
    platform: 'linux',
    arch: 'x64',
    installer: { type: 'script', args: ['--prefix', '{target}'], entry: 'install.sh', timeoutSeconds: 600 },
    detection: { kind: 'file', path: '/opt/hicare-server/VERSION', regex: '^2\\.4\\.1$' },
    minUpgradeFrom: '2.0.0',
    publishedAt: '2026-03-01T09:30:00Z',
    notes: 'Fixes the "nightly export" crash.\nAlso: quotes " and backslashes \\ survive signing.',
    lifecycle: { product: 'hicare-server', major: 2, ga: '2025-01-15', endOfMaintenance: '2027-01-15' },
    ...overrides,
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Every published target as a client can reach it: top-level targets and every product role the snapshot lists. */
export async function publishedTargets(source: MetadataSource): Promise<Record<string, TargetEntry>> {
  const store = metadataStoreOf(source);
  const state = await readState(store);
  const all: Record<string, TargetEntry> = { ...state.targets.signed.targets };
  for (const role of listedRoles(state))
    Object.assign(all, (await readDelegatedRole(store, state, role))?.document.signed.targets);
  return all;
}

/** The version of a delegated role the current snapshot lists (`product.<product>`), 0 when it lists none. */
export async function roleVersion(source: MetadataSource, role: string): Promise<number> {
  return (await readState(metadataStoreOf(source))).snapshot.signed.meta[`${role}.json`]?.version ?? 0;
}

/**
 * Lists `bytes` as version `version` of `role` in a new snapshot, and signs snapshot and timestamp over it with the
 * repository's own keys: the repository then vouches for a file in every way but the role's own signature, which is
 * what the tests of a wrongly signed or altered role need.
 */
export async function listInSnapshot(
  fixture: Fixture,
  state: RepositoryState,
  role: string,
  version: number,
  bytes: Buffer,
): Promise<void> {
  const s = state.snapshot.signed;
  const meta = { version, length: bytes.length, hashes: { sha256: sha256Hex(bytes) } };
  const snapshot = new Metadata(
    new Snapshot({
      version: s.version,
      specVersion: s.specVersion,
      expires: s.expires,
      meta: { ...s.meta, [`${role}.json`]: new MetaFile(meta) },
    }),
  );
  await resign({
    metadata: fixture.repo.metadata,
    keysDir: fixture.keysDir,
    state: { ...state, snapshot },
    from: 'snapshot',
    now: new Date(),
  });
}
