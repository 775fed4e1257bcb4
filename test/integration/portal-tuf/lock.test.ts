/**
 * Keeping publishers apart without ever blocking publishing for good: leftovers of crashed publishers are taken
 * over, a busy repository is waited for (bounded), and the PostgreSQL lock ends with its holder's connection.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { HicareError } from '../../../shared/errors.js';
import { openDatabase } from '../../../portal/db/connection.js';
import { migrateToLatest } from '../../../portal/db/migrate.js';
import { AdvisoryRepositoryLock, FileRepositoryLock } from '../../../portal/tuf/lock.js';
import { readState } from '../../../portal/tuf/metadata-files.js';
import { openRepository } from '../../../portal/tuf/repository.js';
import { createTestSchema, dropTestSchema, postgresProblem, POSTGRES_URL } from '../postgres.js';
import { cleanup, freshRepository, packageFile, publishedTargets, releaseCustom, roleVersion } from './helpers.js';

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await cleanup();
});

const CHILD = join(import.meta.dirname, 'lock-child.ts');
const nameOf = (v: string): string => `hicare-server/${v}/linux-x64/hicare-server-${v}.tar.gz`;

function start(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function said(child: ChildProcess, word: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(word)) resolve();
    });
    child.once('exit', () => reject(new Error(`child exited before saying ${word}`)));
  });
}

async function failureOf(promise: Promise<unknown>): Promise<HicareError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HicareError)) throw new Error(`expected a HicareError, got ${String(error)}`);
  return error;
}

async function versions(repoDir: string): Promise<number[]> {
  const s = await readState(repoDir);
  return [s.targets.signed.version, s.snapshot.signed.version, s.timestamp.signed.version];
}

describe('the lock file of a folder repository', () => {
  it.each([
    ['an empty lock file', ''],
    ['a lock file of garbage', '{"pid":1}\u0000\u00ff'],
    [
      'the lock of a process that no longer exists',
      `${hostname()} ${spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout}`,
    ],
  ])('takes over %s and publishes', async (_what, content) => {
    const { repoDir, workDir, repo } = await freshRepository();
    await writeFile(join(repoDir, '.publish.lock'), content);
    await repo.addTarget({
      name: nameOf('1.0.0'),
      path: await packageFile(workDir, 'a', 'a'),
      custom: ReleaseTargetCustomSchema.parse(releaseCustom()),
    });
    expect(await versions(repoDir)).toEqual([2, 2, 2]);
    expect(await readdir(repoDir)).not.toContain('.publish.lock');
  });

  it('waits for a live publisher, then refuses with TUF_REPOSITORY_BUSY past the bound, changing nothing', async () => {
    const { repoDir, keysDir, workDir } = await freshRepository();
    const live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(live);
    await writeFile(join(repoDir, '.publish.lock'), `${hostname()} ${live.pid}`);
    const repo = openRepository({ repoDir, keysDir, lock: new FileRepositoryLock(repoDir, { waitMs: 300 }) });
    const started = Date.now();
    const error = await failureOf(
      repo.addTarget({ name: nameOf('1.0.0'), path: await packageFile(workDir, 'a', 'a'), custom: releaseCustom() }),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(error.code).toBe('TUF_REPOSITORY_BUSY');
    expect(error.message).toMatch(/Another publisher/);
    expect(error.remedy).toMatch(/delete .*\.publish\.lock/);
    expect(await versions(repoDir)).toEqual([1, 1, 1]);
    expect(await readdir(repoDir)).toContain('.publish.lock');
  });

  it('lets a waiting publish through once the live owner is gone', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    const live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(live);
    await writeFile(join(repoDir, '.publish.lock'), `${hostname()} ${live.pid}`);
    const publish = repo.addTarget({
      name: nameOf('1.0.0'),
      path: await packageFile(workDir, 'a', 'a'),
      custom: ReleaseTargetCustomSchema.parse(releaseCustom()),
    });
    live.kill('SIGKILL');
    await exited(live);
    await publish;
    expect(await versions(repoDir)).toEqual([2, 2, 2]);
  });

  it('publishes both of two processes that start at once, one after the other', async () => {
    const { repoDir, keysDir, workDir } = await freshRepository();
    const files = [await packageFile(workDir, 'a', 'a'), await packageFile(workDir, 'b', 'b')];
    const runs = ['1.0.0', '1.1.0'].map((v, i) => start(['publish', repoDir, keysDir, nameOf(v), files[i]!]));
    expect(await Promise.all(runs.map(exited))).toEqual([0, 0]);
    expect(Object.keys(await publishedTargets(repoDir)).sort()).toEqual([nameOf('1.0.0'), nameOf('1.1.0')]);
    // Top-level targets is signed once, when the product's role is first delegated to; the role itself twice.
    expect(await versions(repoDir)).toEqual([2, 3, 3]);
    expect(await roleVersion(repoDir, 'product.hicare-server')).toBe(2);
  });
});

describe.skipIf(postgresProblem !== undefined)('the PostgreSQL advisory lock', () => {
  it('makes a second process wait, and ends with its holder when that is killed', async () => {
    const schema = await createTestSchema();
    const db = openDatabase({ databaseUrl: POSTGRES_URL, schema });
    try {
      await migrateToLatest(db);
      const holder = start(['hold-advisory', POSTGRES_URL, schema]);
      await said(holder, 'held');

      const impatient = await failureOf(
        new AdvisoryRepositoryLock(db, { waitMs: 200 }).run(() => Promise.resolve('ran')),
      );
      expect(impatient.code).toBe('TUF_REPOSITORY_BUSY');

      const waiting = new AdvisoryRepositoryLock(db, { waitMs: 30_000 }).run(() => Promise.resolve('ran'));
      holder.kill('SIGKILL');
      expect(await waiting).toBe('ran');
    } finally {
      await db.destroy();
      await dropTestSchema(schema);
    }
  });
});
