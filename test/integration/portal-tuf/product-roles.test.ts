/**
 * Releases live in one delegated role per product (`product.<product>`): a publish signs only the roles it changed,
 * a real tuf-js client fetches only the role of the product it looks up and refuses one that is not signed by the
 * delegated key, the scheduler and key rotation keep every role fresh and trusted, and a repository from before the
 * layout moves its releases into product roles without breaking the clients that held its old metadata.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../portal/db/connection.js';
import { migrateToLatest } from '../../../portal/db/migrate.js';
import { packageKey } from '../../../portal/storage/blob-store.js';
import { sha256Hex } from '../../../portal/tuf/canonical.js';
import { loadKey } from '../../../portal/tuf/keys.js';
import { AdvisoryRepositoryLock } from '../../../portal/tuf/lock.js';
import { readState, type RepositoryState } from '../../../portal/tuf/metadata-files.js';
import { DatabaseMetadataStore } from '../../../portal/tuf/metadata-store.js';
import type { DelegationsJson } from '../../../portal/tuf/product-roles.js';
import { resign } from '../../../portal/tuf/publish.js';
import { initRepository, type TufRepository } from '../../../portal/tuf/repository.js';
import { rotateKey } from '../../../portal/tuf/rotate.js';
import { parseTargets, serializeTargets, signTargets, type TargetEntry } from '../../../portal/tuf/targets-metadata.js';
import { initKeys } from '../../../portal/tuf/keys.js';
import { createTestSchema, dropTestSchema, postgresProblem, POSTGRES_URL } from '../postgres.js';
import {
  cleanup,
  DAY,
  freshRepository,
  listInSnapshot,
  packageFile,
  publishedTargets,
  releaseCustom,
  roleVersion,
  serve,
  tempDir,
  trustingClient,
  type Fixture,
} from './helpers.js';

afterEach(cleanup);

const nameOf = (product: string, version: string): string =>
  `${product}/${version}/linux-x64/${product}-${version}.tar.gz`;

async function publish(fixture: Fixture, product: string, version: string, now?: Date): Promise<void> {
  await fixture.repo.addTarget({
    name: nameOf(product, version),
    path: await packageFile(fixture.workDir, `${product}-${version}`, `bytes of ${product} ${version}`),
    custom: releaseCustom({ product, version, lifecycle: undefined }),
    ...(now === undefined ? {} : { now }),
  });
}

function delegationsOf(state: RepositoryState): DelegationsJson {
  return state.targets.signed['delegations'] as DelegationsJson;
}

/** Replaces a product role with `signed` signed by `keyRole`'s key, and re-signs snapshot and timestamp over it. */
async function replaceRole(
  fixture: Fixture,
  role: string,
  change: (targets: Record<string, TargetEntry>) => void,
  keyRole: 'targets' | 'snapshot',
): Promise<void> {
  const state = await readState(fixture.repoDir);
  const meta = state.snapshot.signed.meta[`${role}.json`]!;
  const current = parseTargets(await readFile(join(fixture.repoDir, `${meta.version}.${role}.json`), 'utf8'), role);
  const signed = { ...current.signed, version: meta.version + 1 };
  change(signed.targets);
  const bytes = serializeTargets(signTargets(signed, await loadKey(fixture.keysDir, keyRole)));
  await writeFile(join(fixture.repoDir, `${signed.version}.${role}.json`), bytes);
  await listInSnapshot(fixture, state, role, signed.version, bytes);
}

describe('product roles', () => {
  it('a publish signs only the changed product role; a new product adds a delegation to top-level', async () => {
    const fixture = await freshRepository();
    await publish(fixture, 'atlas', '1.0.0');
    let state = await readState(fixture.repoDir);
    expect(state.targets.signed.targets).toEqual({});
    expect(delegationsOf(state).roles.map((r) => r.name)).toEqual(['product.atlas']);
    expect(state.targets.signed.version).toBe(2);

    await publish(fixture, 'zenith', '1.0.0');
    state = await readState(fixture.repoDir);
    const delegations = delegationsOf(state);
    expect(state.targets.signed.version).toBe(3);
    expect(delegations.roles.map((r) => r.name)).toEqual(['product.atlas', 'product.zenith']);
    const targetsRole = state.root.signed.roles['targets']!;
    expect(Object.keys(delegations.keys)).toEqual(targetsRole.keyIDs);
    expect(delegations.roles[1]).toEqual({
      name: 'product.zenith',
      keyids: targetsRole.keyIDs,
      threshold: targetsRole.threshold,
      terminating: true,
      paths: ['zenith/*', 'zenith/*/*', 'zenith/*/*/*', 'zenith/*/*/*/*'],
    });
    const zenithBefore = await readFile(join(fixture.repoDir, '1.product.zenith.json'));

    await publish(fixture, 'atlas', '1.1.0');
    state = await readState(fixture.repoDir);
    expect(state.targets.signed.version).toBe(3);
    expect(await roleVersion(fixture.repoDir, 'product.atlas')).toBe(2);
    expect(await roleVersion(fixture.repoDir, 'product.zenith')).toBe(1);
    expect(await readFile(join(fixture.repoDir, '1.product.zenith.json'))).toEqual(zenithBefore);
    // The snapshot lets a client check a role's size and hash before it parses it.
    for (const role of ['product.atlas', 'product.zenith']) {
      const meta = state.snapshot.signed.meta[`${role}.json`]!;
      const bytes = await readFile(join(fixture.repoDir, `${meta.version}.${role}.json`));
      expect(meta.length).toBe(bytes.length);
      expect(meta.hashes?.['sha256']).toBe(sha256Hex(bytes));
    }
    expect(Object.keys(await publishedTargets(fixture.repoDir)).sort()).toEqual([
      nameOf('atlas', '1.0.0'),
      nameOf('atlas', '1.1.0'),
      nameOf('zenith', '1.0.0'),
    ]);
  });

  it('keeps in top-level targets a release whose name does not start with its product', async () => {
    const fixture = await freshRepository();
    const odd = 'legacy/atlas-1.0.0.tar.gz';
    await fixture.repo.addTarget({
      name: odd,
      path: await packageFile(fixture.workDir, 'odd', 'odd'),
      custom: releaseCustom({ product: 'atlas', version: '1.0.0', lifecycle: undefined }),
    });
    const state = await readState(fixture.repoDir);
    expect(Object.keys(state.targets.signed.targets)).toEqual([odd]);
    expect(delegationsOf(state)).toBeUndefined();
    expect((await fixture.repo.readTargets()).map((t) => t.name)).toEqual([odd]);
  });

  it('a tuf-js client finds a release in its product role and fetches no other product’s role', async () => {
    const fixture = await freshRepository();
    await publish(fixture, 'atlas', '1.0.0');
    await publish(fixture, 'zenith', '1.0.0');
    const served = await serve(fixture.repoDir);
    const updater = (await trustingClient(fixture.repoDir, served)).updater();
    await updater.refresh();
    const info = await updater.getTargetInfo(nameOf('atlas', '1.0.0'));
    expect(info?.length).toBe('bytes of atlas 1.0.0'.length);
    expect(await readFile(await updater.downloadTarget(info!), 'utf8')).toBe('bytes of atlas 1.0.0');
    expect(served.requests).toContain('/tuf/1.product.atlas.json');
    expect(served.requests.some((path) => path.includes('product.zenith'))).toBe(false);
    expect(await updater.getTargetInfo(nameOf('atlas', '9.9.9'))).toBeUndefined();
  });

  it.each([
    ['signed by a key the delegation does not name', 'snapshot' as const, () => undefined],
    [
      'changed after it was signed',
      'targets' as const,
      (targets: Record<string, TargetEntry>) => {
        targets[nameOf('atlas', '1.0.0')]!.length += 1;
      },
    ],
  ])('a tuf-js client refuses a product role %s', async (_what, keyRole, change) => {
    const fixture = await freshRepository();
    await publish(fixture, 'atlas', '1.0.0');
    if (keyRole === 'targets') {
      // Tampered after signing: the signature is the real key's over the untampered role.
      const state = await readState(fixture.repoDir);
      const version = state.snapshot.signed.meta['product.atlas.json']!.version;
      const file = join(fixture.repoDir, `${version}.product.atlas.json`);
      const document = parseTargets(await readFile(file, 'utf8'), file);
      change(document.signed.targets);
      const bytes = serializeTargets(document);
      await writeFile(file, bytes);
      // The snapshot is made to agree with the tampered bytes, so only the role's signature stands in the way.
      await listInSnapshot(fixture, state, 'product.atlas', version, bytes);
    } else {
      await replaceRole(fixture, 'product.atlas', change, keyRole);
    }
    const served = await serve(fixture.repoDir);
    const updater = (await trustingClient(fixture.repoDir, served)).updater();
    await updater.refresh();
    await expect(updater.getTargetInfo(nameOf('atlas', '1.0.0'))).rejects.toThrow(
      /product\.atlas was signed by 0\/1 keys/,
    );
  });
});

describe('keeping product roles fresh and trusted', () => {
  it('the scheduler re-signs a product role near its expiry, and only then; clients verify it after', async () => {
    const start = new Date();
    const fixture = await freshRepository(start);
    await publish(fixture, 'atlas', '1.0.0', start);
    const served = await serve(fixture.repoDir);
    const client = await trustingClient(fixture.repoDir, served);
    await client.updater().refresh();

    expect(await fixture.repo.refreshTimestamp({ now: new Date(start.getTime() + 1 * DAY) })).toBe(true);
    expect(await roleVersion(fixture.repoDir, 'product.atlas')).toBe(1);

    const late = new Date(start.getTime() + 84 * DAY);
    expect(await fixture.repo.refreshTimestamp({ now: late })).toBe(true);
    expect(await roleVersion(fixture.repoDir, 'product.atlas')).toBe(2);
    const state = await readState(fixture.repoDir);
    const role = parseTargets(await readFile(join(fixture.repoDir, '2.product.atlas.json'), 'utf8'), 'role');
    expect(Date.parse(role.signed.expires)).toBeGreaterThan(late.getTime() + 80 * DAY);
    expect(Object.keys(role.signed.targets)).toEqual([nameOf('atlas', '1.0.0')]);
    expect(state.snapshot.signed.meta['product.atlas.json']?.version).toBe(2);

    const updater = client.updater();
    await updater.refresh();
    expect(await updater.getTargetInfo(nameOf('atlas', '1.0.0'))).toBeDefined();
  });

  it('rotating the targets key re-signs every product role and names the new key in the delegations', async () => {
    const fixture = await freshRepository();
    await publish(fixture, 'atlas', '1.0.0');
    await publish(fixture, 'zenith', '1.0.0');
    const served = await serve(fixture.repoDir);
    const client = await trustingClient(fixture.repoDir, served);
    await client.updater().refresh();

    const rotation = await rotateKey({ repoDir: fixture.repoDir, keysDir: fixture.keysDir, role: 'targets' });
    const state = await readState(fixture.repoDir);
    expect(Object.keys(delegationsOf(state).keys)).toEqual([rotation.keyId]);
    for (const role of ['product.atlas', 'product.zenith']) {
      expect(await roleVersion(fixture.repoDir, role)).toBe(2);
      const document = parseTargets(await readFile(join(fixture.repoDir, `2.${role}.json`), 'utf8'), role);
      expect(document.signatures.map((s) => s.keyid)).toEqual([rotation.keyId]);
    }
    // Nothing left for the scheduler: every role is signed by the key root names.
    expect(await fixture.repo.refreshTimestamp()).toBe(false);

    const updater = client.updater();
    await updater.refresh();
    expect(await updater.getTargetInfo(nameOf('zenith', '1.0.0'))).toBeDefined();
    await publish(fixture, 'zenith', '1.1.0');
    const after = client.updater();
    await after.refresh();
    expect(await after.getTargetInfo(nameOf('zenith', '1.1.0'))).toBeDefined();
  });
});

describe('a repository with releases in top-level targets (before product roles)', () => {
  /** Publishes the way earlier releases did: every target in top-level targets, no delegations. */
  async function legacyRepository(): Promise<Fixture & { names: string[] }> {
    const fixture = await freshRepository();
    const names = [nameOf('atlas', '1.0.0'), nameOf('zenith', '2.0.0')];
    const targets: Record<string, TargetEntry> = {};
    for (const name of names) {
      const [product, version] = name.split('/') as [string, string];
      const bytes = Buffer.from(`bytes of ${name}`);
      await fixture.repo.blobs.putBytes(packageKey({ name, sha256: sha256Hex(bytes) }), bytes);
      targets[name] = {
        length: bytes.length,
        hashes: { sha256: sha256Hex(bytes) },
        // As signed: defaults filled in, nothing undefined.
        custom: JSON.parse(JSON.stringify(releaseCustom({ product, version, lifecycle: undefined }))) as unknown,
      };
    }
    await resign({
      metadata: fixture.repo.metadata,
      keysDir: fixture.keysDir,
      state: await readState(fixture.repoDir),
      from: 'targets',
      now: new Date(),
      targets,
    });
    return { ...fixture, names };
  }

  async function expectMoved(fixture: Fixture & { names: string[] }): Promise<void> {
    const state = await readState(fixture.repoDir);
    expect(Object.keys(state.targets.signed.targets)).toEqual([]);
    expect(delegationsOf(state).roles.map((r) => r.name)).toEqual(['product.atlas', 'product.zenith']);
    expect(Object.keys(await publishedTargets(fixture.repoDir))).toEqual(expect.arrayContaining(fixture.names));
  }

  it('moves them on the scheduler’s refresh, once; a client that held the old metadata keeps finding every target', async () => {
    const fixture = await legacyRepository();
    const served = await serve(fixture.repoDir);
    const client = await trustingClient(fixture.repoDir, served);
    const before = client.updater();
    await before.refresh();
    expect(await before.getTargetInfo(fixture.names[0]!)).toBeDefined();

    expect(await fixture.repo.refreshTimestamp()).toBe(true);
    await expectMoved(fixture);
    expect(await fixture.repo.refreshTimestamp()).toBe(false);

    for (const updater of [client.updater(), (await trustingClient(fixture.repoDir, served)).updater()]) {
      await updater.refresh();
      for (const name of fixture.names) {
        const info = await updater.getTargetInfo(name);
        expect(await readFile(await updater.downloadTarget(info!), 'utf8')).toBe(`bytes of ${name}`);
      }
    }
  });

  it('moves them on the next publish, which lands beside them', async () => {
    const fixture = await legacyRepository();
    await publish(fixture, 'atlas', '1.1.0');
    await expectMoved(fixture);
    expect(await roleVersion(fixture.repoDir, 'product.atlas')).toBe(1);
    expect((await fixture.repo.readTargets()).map((t) => t.name).sort()).toEqual(
      [...fixture.names, nameOf('atlas', '1.1.0')].sort(),
    );
  });
});

describe.skipIf(postgresProblem !== undefined)('product roles in the database store', () => {
  it('a publish signs only the changed product role, and a client reads the roles from the database', async () => {
    const schema = await createTestSchema();
    const db = openDatabase({ databaseUrl: POSTGRES_URL, schema });
    try {
      await migrateToLatest(db);
      const base = await tempDir();
      const keysDir = join(base, 'keys');
      await initKeys(keysDir);
      const options = {
        repoDir: join(base, 'repo'),
        keysDir,
        metadata: new DatabaseMetadataStore(db),
        lock: new AdvisoryRepositoryLock(db),
      };
      const repo: TufRepository = await initRepository(options);
      const fixture: Fixture = { repoDir: options.repoDir, keysDir, workDir: base, repo };
      await publish(fixture, 'atlas', '1.0.0');
      await publish(fixture, 'zenith', '1.0.0');
      await publish(fixture, 'atlas', '1.1.0');
      expect(await roleVersion(options.metadata, 'product.atlas')).toBe(2);
      expect(await roleVersion(options.metadata, 'product.zenith')).toBe(1);
      expect((await options.metadata.list()).filter((n) => n.includes('product.'))).toEqual([
        '1.product.atlas.json',
        '1.product.zenith.json',
        '2.product.atlas.json',
      ]);
      expect((await repo.readTargets()).map((t) => t.name).sort()).toEqual([
        nameOf('atlas', '1.0.0'),
        nameOf('atlas', '1.1.0'),
        nameOf('zenith', '1.0.0'),
      ]);
    } finally {
      await db.destroy();
      await dropTestSchema(schema);
    }
  });
});
