/**
 * Two portal instances on one PostgreSQL database, each with its own data directory and only the first holding keys:
 * they serve the same signed bytes and ETags for every version, and a tuf-js client that refreshes through one and
 * then the other is never refused.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Updater } from 'tuf-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { initKeys } from '../../../portal/tuf/keys.js';
import { readState } from '../../../portal/tuf/metadata-files.js';
import { initRepository } from '../../../portal/tuf/repository.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { createTestSchema, dropTestSchema, postgresProblem, POSTGRES_URL } from '../postgres.js';
import { packageFile, releaseCustom } from './helpers.js';

describe.skipIf(postgresProblem !== undefined)('one signed catalog shared by two instances', () => {
  let schema = '';
  let base = '';
  const portals: { portal: Portal; url: string }[] = [];

  beforeAll(async () => {
    schema = await createTestSchema();
    base = await mkdtemp(join(tmpdir(), 'hicare-shared-catalog-'));
    for (const name of ['a', 'b']) {
      const portal = await createPortal({
        dataDirectory: join(base, name),
        keysDir: join(base, name, 'keys'),
        databaseUrl: POSTGRES_URL,
        databaseSchema: schema,
      });
      portals.push({ portal, url: await portal.listen({ host: '127.0.0.1', port: 0 }) });
    }
    const signer = portals[0]!.portal.catalog.repository;
    await initKeys(signer.keysDir);
    await initRepository(signer.options);
  });

  afterAll(async () => {
    for (const { portal } of portals) await portal.close();
    await dropTestSchema(schema);
    await rm(base, { recursive: true, force: true });
  });

  const get = async (url: string, name: string): Promise<{ bytes: Buffer; etag: string | null }> => {
    // As stored: a gzipped answer carries the ETag of its own representation.
    const res = await fetch(`${url}/tuf/${name}`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.status, `${url} ${name}`).toBe(200);
    return { bytes: Buffer.from(await res.arrayBuffer()), etag: res.headers.get('etag') };
  };

  /** Both instances serve what the database holds under `name` (each may lag a publish by up to a second). */
  const converged = async (name: string): Promise<Buffer> => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const stored = await portals[0]!.portal.catalog.repository.metadata.get(name);
      const [a, b] = await Promise.all(portals.map(({ url }) => get(url, name)));
      const same = (x: { bytes: Buffer; etag: string | null }): boolean =>
        stored !== undefined && x.bytes.equals(stored.bytes) && x.etag === stored.etag;
      if (same(a!) && same(b!)) return a!.bytes;
      if (Date.now() > deadline) throw new Error(`${name} differs between the instances`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  const publish = async (version: string): Promise<void> => {
    const work = await mkdtemp(join(tmpdir(), 'hicare-shared-package-'));
    try {
      await portals[0]!.portal.catalog.repository.addTarget({
        name: `hicare-server/${version}/linux-x64/hicare-server-${version}.tar.gz`,
        path: await packageFile(work, version, `package ${version}`),
        custom: ReleaseTargetCustomSchema.parse(releaseCustom({ version })),
      });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };

  it('serves identical bytes and ETags for every file of a publish through the other instance', async () => {
    await publish('2.4.1');
    await converged('timestamp.json');
    const state = await readState(portals[1]!.portal.catalog.repository.metadata);
    expect(state.timestamp.signed.version).toBe(2);
    await converged(`${state.snapshot.signed.version}.snapshot.json`);
    await converged(`${state.targets.signed.version}.targets.json`);
    await converged('1.root.json');
    // Neither data directory holds any of it: the database is the one copy.
    for (const name of ['a', 'b']) {
      const files = await readdir(join(base, name), { recursive: true }).catch(() => []);
      expect(files.filter((f) => f.endsWith('.json'))).toEqual([]);
    }
  });

  it('serves a publish from the publishing instance at once and from the other after its recheck', async () => {
    await get(portals[0]!.url, 'timestamp.json');
    await get(portals[1]!.url, 'timestamp.json');
    await publish('2.9.0');
    const stored = await portals[0]!.portal.catalog.repository.metadata.get('timestamp.json');
    const mine = await get(portals[0]!.url, 'timestamp.json');
    expect(mine.etag).toBe(stored?.etag);
    // The other instance holds the previous bytes in memory until it next asks the database (a fraction of a second).
    expect(await converged('timestamp.json')).toEqual(stored?.bytes);
  });

  it('lets a tuf-js client refresh alternately through both, across publishes, without a refusal', async () => {
    const metadataDir = join(base, 'client', 'metadata');
    const targetDir = join(base, 'client', 'targets');
    await mkdir(metadataDir, { recursive: true });
    await mkdir(targetDir, { recursive: true });
    await writeFile(join(metadataDir, 'root.json'), (await get(portals[1]!.url, '1.root.json')).bytes);
    const via = (i: number): Updater =>
      new Updater({
        metadataBaseUrl: `${portals[i % 2]!.url}/tuf/`,
        metadataDir,
        targetDir,
        config: { fetchRetries: 0, fetchTimeout: 10_000 },
      });
    for (let round = 0; round < 3; round++) {
      await publish(`3.${round}.0`);
      await converged('timestamp.json');
      for (let i = 0; i < 4; i++) await expect(via(i).refresh()).resolves.toBeUndefined();
    }
    // What the client now trusts is the newest publish, read back from its own metadata folder.
    const trusted = JSON.parse(await readFile(join(metadataDir, 'timestamp.json'), 'utf8')) as {
      signed: { version: number };
    };
    expect(trusted.signed.version).toBe(
      (await readState(portals[1]!.portal.catalog.repository.metadata)).timestamp.signed.version,
    );
  });
});
