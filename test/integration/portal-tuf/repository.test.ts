/** The repository on disk: layout, publishing rules, refusals that change nothing, freshness, and locking. */
import { spawnSync } from 'node:child_process';
import { copyFile, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { HicareError, type ErrorCode } from '../../../shared/errors.js';
import { keyFilePath } from '../../../portal/tuf/keys.js';
import { readState } from '../../../portal/tuf/metadata-files.js';
import { initRepository, openRepository } from '../../../portal/tuf/repository.js';
import { rotateKey } from '../../../portal/tuf/rotate.js';
import { hashedTargetPath } from '../../../portal/tuf/target-name.js';
import {
  cleanup,
  DAY,
  freshRepository,
  HOUR,
  packageFile,
  releaseCustom,
  roleVersion,
  serve,
  tempDir,
  trustingClient,
} from './helpers.js';

afterEach(cleanup);

const NAME = 'hicare-server/2.4.1/linux-x64/hicare-server-2.4.1.tar.gz';

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HicareError)) throw new Error(`expected a HicareError, got ${String(error)}`);
  return error.code;
}

/** Every file under `dir`, relative, sorted: "nothing changed" means this and the metadata bytes are identical. */
async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function snapshotOfDisk(repoDir: string): Promise<{ files: string[]; timestamp: string }> {
  return { files: await listing(repoDir), timestamp: await readFile(join(repoDir, 'timestamp.json'), 'utf8') };
}

async function versions(
  repoDir: string,
): Promise<{ root: number; targets: number; product: number; snapshot: number; timestamp: number }> {
  const s = await readState(repoDir);
  return {
    root: s.root.signed.version,
    targets: s.targets.signed.version,
    product: await roleVersion(repoDir, 'product.hicare-server'),
    snapshot: s.snapshot.signed.version,
    timestamp: s.timestamp.signed.version,
  };
}

describe('initRepository', () => {
  it('writes version 1 of every role with consistent snapshots and the expiry policy', async () => {
    const now = new Date('2026-05-01T12:00:00.123Z');
    const { repoDir } = await freshRepository(now);
    const state = await readState(repoDir);

    expect(await listing(repoDir)).toEqual([
      '1.root.json',
      '1.snapshot.json',
      '1.targets.json',
      'root.json',
      'timestamp.json',
    ]);
    expect(state.root.signed.consistentSnapshot).toBe(true);
    expect(state.root.signed.expires).toBe('2027-05-01T12:00:00Z');
    expect(state.targets.signed.expires).toBe('2026-07-30T12:00:00Z');
    expect(state.snapshot.signed.expires).toBe('2026-05-08T12:00:00Z');
    expect(state.timestamp.signed.expires).toBe('2026-05-02T12:00:00Z');
    expect(state.targets.signed.targets).toEqual({});
    expect(await readFile(join(repoDir, 'root.json'), 'utf8')).toBe(
      await readFile(join(repoDir, '1.root.json'), 'utf8'),
    );
  });

  it('refuses to initialize twice, and needs the keys', async () => {
    const { repoDir, keysDir } = await freshRepository();
    const before = await snapshotOfDisk(repoDir);
    expect(await codeOf(initRepository({ repoDir, keysDir }))).toBe('TUF_ALREADY_INITIALIZED');
    expect(await snapshotOfDisk(repoDir)).toEqual(before);
    const empty = await tempDir();
    expect(await codeOf(initRepository({ repoDir: join(empty, 'repo'), keysDir: join(empty, 'keys') }))).toBe(
      'TUF_KEYS_MISSING',
    );
  });

  it('reports a missing repository as NOT_FOUND', async () => {
    const dir = await tempDir();
    const repo = openRepository({ repoDir: join(dir, 'nope'), keysDir: dir });
    expect(await codeOf(repo.readTargets())).toBe('NOT_FOUND');
    expect(await codeOf(repo.refreshTimestamp())).toBe('NOT_FOUND');
  });
});

describe('addTarget / addTargets', () => {
  it('stores the bytes under targets/<dir>/<sha256>.<file> and signs length, sha256 and normalized custom', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    const source = await packageFile(workDir, 'pkg.tar.gz', 'the package');
    const custom = releaseCustom({ installer: { type: 'archive' }, notes: undefined, minUpgradeFrom: undefined });
    const published = await repo.addTarget({ name: NAME, path: source, custom });

    expect(published.length).toBe('the package'.length);
    expect(published.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(join(repoDir, 'targets', hashedTargetPath(NAME, published.sha256)), 'utf8')).toBe(
      'the package',
    );
    expect(hashedTargetPath(NAME, published.sha256)).toBe(
      `hicare-server/2.4.1/linux-x64/${published.sha256}.hicare-server-2.4.1.tar.gz`,
    );
    // Defaults are filled in before signing, so every client reads the same values.
    expect(published.custom.installer).toEqual({ type: 'archive', args: [], timeoutSeconds: 900, elevate: false });
    expect(published.custom.notes).toBe('');
    expect('minUpgradeFrom' in published.custom).toBe(false);
    expect(await repo.readTargets()).toEqual([published]);
    expect(await versions(repoDir)).toEqual({ root: 1, targets: 2, product: 1, snapshot: 2, timestamp: 2 });

    const state = await readState(repoDir);
    const targetsBytes = await readFile(join(repoDir, '2.targets.json'));
    expect(state.snapshot.signed.meta['targets.json']?.length).toBe(targetsBytes.length);
    expect(state.timestamp.signed.snapshotMeta.hashes?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await listing(repoDir)).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });

  it('publishes a batch with one new version of each online role', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    const inputs = await Promise.all(
      ['linux-x64', 'linux-arm64', 'win-x64'].map(async (pa, i) => ({
        name: `hicare-server/2.4.1/${pa}/hicare-server-2.4.1.tar.gz`,
        path: await packageFile(workDir, `p${i}`, `bytes ${pa}`),
        custom: releaseCustom({ platform: pa.split('-')[0], arch: pa.split('-')[1] }),
      })),
    );
    const published = await repo.addTargets(inputs);
    expect(published.map((t) => t.name)).toEqual(inputs.map((i) => i.name));
    expect(await versions(repoDir)).toEqual({ root: 1, targets: 2, product: 1, snapshot: 2, timestamp: 2 });
  });

  it.each([
    ['empty', ''],
    ['parent segment', '../etc/passwd'],
    ['inner parent segment', 'product/../../x.tar.gz'],
    ['dot segment', 'product/./x.tar.gz'],
    ['absolute', '/srv/tuf/x.tar.gz'],
    ['drive letter', 'C:/x.tar.gz'],
    ['backslash', 'product\\1.0\\x.tar.gz'],
    ['NUL', 'product/x\u0000.tar.gz'],
    ['newline', 'product/x\n.tar.gz'],
    ['empty segment', 'product//x.tar.gz'],
    ['trailing slash', 'product/1.0/'],
    ['hidden segment', 'product/.git/x'],
    ['space', 'product/1.0/my file.tar.gz'],
    ['percent-encoding', 'product/%2e%2e/x.tar.gz'],
    ['query', 'product/x.tar.gz?raw=1'],
    ['too long', `p/${'x'.repeat(200)}.tar.gz`],
  ])('rejects a target name with %s as INVALID_TARGET_NAME, changing nothing', async (_what, name) => {
    const { repoDir, workDir, repo } = await freshRepository();
    const source = await packageFile(workDir, 'p', 'bytes');
    const before = await snapshotOfDisk(repoDir);
    expect(await codeOf(repo.addTarget({ name, path: source, custom: releaseCustom() }))).toBe('INVALID_TARGET_NAME');
    expect(await snapshotOfDisk(repoDir)).toEqual(before);
  });

  it('accepts names with build metadata, prereleases, no directory, or the name of an Object method', async () => {
    const { workDir, repo } = await freshRepository();
    const source = await packageFile(workDir, 'p', 'bytes');
    for (const name of [
      'hicare-server/3.0.0-rc.1+build.7/mac-arm64/hicare_server-3.0.0.pkg',
      'README.txt',
      'toString',
      'constructor',
    ]) {
      await expect(repo.addTarget({ name, path: source, custom: releaseCustom() })).resolves.toMatchObject({ name });
    }
  });

  it('refuses invalid custom metadata, a duplicate in the batch, or a missing file, and a bad item spoils the whole batch', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    const good = { name: NAME, path: await packageFile(workDir, 'p', 'bytes'), custom: releaseCustom() };
    const before = await snapshotOfDisk(repoDir);

    expect(
      await codeOf(
        repo.addTargets([good, { ...good, name: `${NAME}.2`, custom: releaseCustom({ platform: 'solaris' }) }]),
      ),
    ).toBe('INVALID_INPUT');
    expect(await codeOf(repo.addTargets([good, { ...good, custom: releaseCustom({ version: '9.9.9' }) }]))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(repo.addTargets([good, { ...good, name: `${NAME}.2`, path: join(workDir, 'missing') }]))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(repo.addTargets([good, { ...good, name: `${NAME}.2`, path: workDir }]))).toBe('INVALID_INPUT');
    expect(await snapshotOfDisk(repoDir)).toEqual(before);
  });

  it('refuses to publish without the online keys, changing nothing', async () => {
    const { repoDir, keysDir, workDir, repo } = await freshRepository();
    await rm(keyFilePath(keysDir, 'snapshot'));
    const before = await snapshotOfDisk(repoDir);
    expect(
      await codeOf(
        repo.addTarget({ name: NAME, path: await packageFile(workDir, 'p', 'bytes'), custom: releaseCustom() }),
      ),
    ).toBe('TUF_KEYS_MISSING');
    expect(await snapshotOfDisk(repoDir)).toEqual(before);
  });

  it('refuses different bytes under a published name, and treats a re-publish of the same bytes as a metadata update', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    const source = await packageFile(workDir, 'p', 'bytes');
    await repo.addTarget({ name: NAME, path: source, custom: releaseCustom() });
    const before = await snapshotOfDisk(repoDir);

    expect(
      await codeOf(
        repo.addTarget({ name: NAME, path: await packageFile(workDir, 'q', 'other bytes'), custom: releaseCustom() }),
      ),
    ).toBe('TARGET_CONFLICT');
    expect(await snapshotOfDisk(repoDir)).toEqual(before);

    await repo.addTarget({ name: NAME, path: source, custom: releaseCustom() });
    expect(await snapshotOfDisk(repoDir)).toEqual(before);

    const updated = await repo.addTarget({
      name: NAME,
      path: source,
      custom: releaseCustom({ notes: 'Known issue added.' }),
    });
    expect(updated.custom.notes).toBe('Known issue added.');
    // The update re-signs the product's role only: top-level targets already delegates to it.
    expect(await versions(repoDir)).toMatchObject({ targets: 2, product: 2, snapshot: 3, timestamp: 3 });
  });

  it('never moves a version back, even when the clock does', async () => {
    const { repoDir, workDir, repo } = await freshRepository(new Date('2026-05-01T00:00:00Z'));
    await repo.addTarget({
      name: NAME,
      path: await packageFile(workDir, 'a', 'a'),
      custom: releaseCustom(),
      now: new Date('2026-05-02T00:00:00Z'),
    });
    await repo.addTarget({
      name: `${NAME}.b`,
      path: await packageFile(workDir, 'b', 'b'),
      custom: releaseCustom(),
      now: new Date('2026-04-01T00:00:00Z'),
    });
    expect(await versions(repoDir)).toEqual({ root: 1, targets: 2, product: 2, snapshot: 3, timestamp: 3 });
  });

  it('serializes concurrent publishes in one process: every target lands, every version is used once', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) =>
        repo.addTarget({
          name: `p/1.0.${i}/linux-x64/p.tar.gz`,
          path: await packageFile(workDir, `f${i}`, `b${i}`),
          custom: releaseCustom(),
        }),
      ),
    );
    expect((await repo.readTargets()).length).toBe(6);
    expect(await versions(repoDir)).toEqual({ root: 1, targets: 7, product: 0, snapshot: 7, timestamp: 7 });
  });

  it('keeps the last three snapshot and targets versions and every root', async () => {
    const { repoDir, keysDir, workDir, repo } = await freshRepository();
    await rotateKey({ repoDir, keysDir, role: 'timestamp' });
    for (let i = 0; i < 5; i++)
      await repo.addTarget({
        name: `p/1.0.${i}/linux-x64/p.tar.gz`,
        path: await packageFile(workDir, `f${i}`, `b${i}`),
        custom: releaseCustom(),
      });
    const metadata = (await readdir(repoDir)).filter((f) => f.endsWith('.json')).sort();
    expect(metadata).toEqual([
      '1.root.json',
      '2.root.json',
      '4.snapshot.json',
      '4.targets.json',
      '5.snapshot.json',
      '5.targets.json',
      '6.snapshot.json',
      '6.targets.json',
      'root.json',
      'timestamp.json',
    ]);
  });
});

describe('refreshTimestamp', () => {
  it('re-signs the timestamp only within 6 hours of its expiry', async () => {
    const start = new Date('2026-05-01T00:00:00Z');
    const { repoDir, repo } = await freshRepository(start);
    const at = (hours: number) => ({ now: new Date(start.getTime() + hours * HOUR) });

    expect(await repo.refreshTimestamp(at(0))).toBe(false);
    expect(await repo.refreshTimestamp(at(17))).toBe(false);
    expect(await versions(repoDir)).toMatchObject({ timestamp: 1 });
    expect(await repo.refreshTimestamp(at(19))).toBe(true);
    expect(await versions(repoDir)).toEqual({ root: 1, targets: 1, product: 0, snapshot: 1, timestamp: 2 });
    expect((await readState(repoDir)).timestamp.signed.expires).toBe('2026-05-02T19:00:00Z');
    expect(await repo.refreshTimestamp(at(19))).toBe(false);
  });

  it('also re-signs snapshot and targets as they near their own expiry', async () => {
    const start = new Date('2026-05-01T00:00:00Z');
    const { repoDir, repo } = await freshRepository(start);
    expect(await repo.refreshTimestamp({ now: new Date(start.getTime() + 6.5 * DAY) })).toBe(true);
    expect(await versions(repoDir)).toEqual({ root: 1, targets: 1, product: 0, snapshot: 2, timestamp: 2 });
    expect(await repo.refreshTimestamp({ now: new Date(start.getTime() + 84 * DAY) })).toBe(true);
    expect(await versions(repoDir)).toEqual({ root: 1, targets: 2, product: 0, snapshot: 3, timestamp: 3 });
  });

  it('finishes a rotation interrupted after its root was published, and clients accept the result', async () => {
    const { repoDir, keysDir, workDir, repo } = await freshRepository();
    await repo.addTarget({ name: NAME, path: await packageFile(workDir, 'a', 'bytes'), custom: releaseCustom() });
    const client = await trustingClient(repoDir, await serve(repoDir));
    const oldKey = join(workDir, 'targets.pem');
    const oldTimestamp = join(workDir, 'timestamp.json');
    await copyFile(keyFilePath(keysDir, 'targets'), oldKey);
    await copyFile(join(repoDir, 'timestamp.json'), oldTimestamp);

    await rotateKey({ repoDir, keysDir, role: 'targets' });
    // Put the disk back as it was the moment root 2 was written: new key not yet promoted, nothing re-signed.
    await rename(keyFilePath(keysDir, 'targets'), keyFilePath(keysDir, 'targets', 'next'));
    await copyFile(oldKey, keyFilePath(keysDir, 'targets'));
    await copyFile(oldTimestamp, join(repoDir, 'timestamp.json'));
    await expect(client.updater().refresh()).rejects.toThrow(/targets was signed by 0\/1 keys/);

    expect(await repo.refreshTimestamp()).toBe(true);
    const updater = client.updater();
    await updater.refresh();
    expect(await updater.getTargetInfo(NAME)).toBeDefined();
    expect(await readdir(join(keysDir, 'online'))).not.toContain('targets.next.pem');
  });
});

describe('locking', () => {
  it('takes over a lock left by a process that no longer exists', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    await writeFile(join(repoDir, '.publish.lock'), `${hostname()} ${dead}`);
    await repo.addTarget({
      name: NAME,
      path: await packageFile(workDir, 'a', 'a'),
      custom: ReleaseTargetCustomSchema.parse(releaseCustom()),
    });
    expect((await readdir(repoDir)).includes('.publish.lock')).toBe(false);
  });
});
