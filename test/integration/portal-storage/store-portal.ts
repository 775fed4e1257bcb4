/**
 * A real portal (seeded demo world, SQLite, loopback) whose blob store the test chooses. The demo seed publishes its
 * packages into that store, so with a remote store no package byte is on the portal's disk: every byte a test
 * receives can only have come from the store.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo, type DemoSeedResult } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import type { BlobStore } from '../../../portal/storage/blob-store.js';
import type { PackageDelivery } from '../../../portal/storage/config.js';
import type { Reply, TestPortal } from '../portal-api/harness.js';
import { SEED_TIME } from '../portal-api/harness.js';

export interface StorePortal extends TestPortal {
  dir: string;
  close(): Promise<void>;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function call<T>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, {
    method,
    headers,
    redirect: 'manual',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = (response.headers.get('content-type') ?? '').includes('application/json') && bytes.length > 0;
  return {
    status: response.status,
    headers: response.headers,
    body: (json ? JSON.parse(bytes.toString('utf8')) : bytes) as T,
    bytes,
  };
}

export async function startStorePortal(blobs: BlobStore | undefined, delivery?: PackageDelivery): Promise<StorePortal> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-store-portal-'));
  const clock = { now: new Date(SEED_TIME) };
  const portal: Portal = await createPortal({
    dataDirectory: dir,
    now: () => new Date(clock.now),
    refreshEveryMs: 0,
    ...(blobs === undefined ? {} : { blobs }),
    ...(delivery === undefined ? {} : { packageDelivery: delivery }),
  });
  const seed: DemoSeedResult = await seedDemo({
    db: portal.db,
    catalog: portal.catalog,
    keysDir: portal.layout.keysDir,
    now: SEED_TIME,
  });
  if (
    blobs !== undefined &&
    blobs.kind === 's3' &&
    (await filesUnder(join(portal.layout.repoDir, 'targets'))).length > 0
  ) {
    throw new Error('the demo seed left package bytes on the portal disk although its store is remote');
  }
  const url = await portal.listen({ host: '127.0.0.1', port: 0 });
  const password = (email: string): string => {
    const account = seed.accounts.find((a) => a.email === email);
    if (account === undefined) throw new Error(`no demo account ${email}`);
    return account.password;
  };
  return {
    dialect: 'sqlite',
    portal,
    url,
    seed,
    clock,
    dir,
    password,
    async signIn(email) {
      const reply = await call<{ token: string }>(url, 'POST', '/api/v1/sessions', {
        body: { email, password: password(email) },
      });
      if (reply.status !== 200) throw new Error(`sign-in of ${email} failed: ${reply.status}`);
      return reply.body.token;
    },
    request: (method, path, options) => call(url, method, path, options),
    raw: (method, path, options) => call(url, method, path, options),
    async close() {
      await portal.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
