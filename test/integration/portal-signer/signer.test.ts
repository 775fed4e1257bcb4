/**
 * The signer of a shared (PostgreSQL) portal, run as real processes: one of two signers leads and beats while the
 * other stands by; kill -9 of the leader hands over within seconds; a job a signer died in is run again by the next
 * one, versions only going up and the release served; publish and lifecycle set go through jobs end to end, and bad
 * input is refused with a coded error and nothing queued or signed. Then `migrate`, and `serve` refusing a database
 * that is behind or ahead of it. SQLite needs no signer, and refuses one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../portal/db/connection.js';
import { MIGRATIONS } from '../../../portal/db/migrate.js';
import type { Database } from '../../../portal/db/schema.js';
import { readSignerHeartbeat } from '../../../portal/db/signer-status.js';
import { cliEnv, json, runCli, serve, type Served } from '../portal-cli/cli.js';
import { createTestSchema, dropTestSchema, POSTGRES_URL, postgresProblem } from '../postgres.js';
import { eventually, killSigner, startSigner, type LogLine, type SignerProcess } from './processes.js';

/** Every serve on PostgreSQL needs the same grant key; a fresh one per run. */
const GRANT_KEY = randomBytes(32).toString('base64');

const DETECTION = '{"kind":"file","path":"{target}/atlas/VERSION"}';
const publishArgs = (version: string, file: string, ...more: string[]): string[] => [
  'publish',
  '--product',
  'atlas',
  '--version',
  version,
  '--platform',
  'linux',
  '--arch',
  'x64',
  '--file',
  file,
  '--installer',
  'archive',
  '--detection',
  DETECTION,
  ...more,
];
const isRole = (line: LogLine): boolean => /^leading|standing by/.test(line.msg);
const leads = (line: LogLine): boolean => line.msg.startsWith('leading');

interface Versions {
  timestamp: number;
  snapshot: number;
  /** Top-level targets' and every product role's versions, summed: goes up whenever any of them is re-signed. */
  targets: number;
}

/** What a client refreshing now sees: the timestamp's, snapshot's and targets' versions, and the target names. */
async function servedCatalog(url: string): Promise<Versions & { names: string[] }> {
  type Meta = { signed: { version: number; meta: Record<string, { version: number }> } };
  const timestamp = (await json<Meta>(`${url}/tuf/timestamp.json`)).body.signed;
  const snapshotVersion = timestamp.meta['snapshot.json']?.version ?? 0;
  const snapshot = (await json<Meta>(`${url}/tuf/${snapshotVersion}.snapshot.json`)).body.signed;
  const roles = Object.entries(snapshot.meta).filter(([file]) => /^(?:targets|product\..+)\.json$/.test(file));
  const names: string[] = [];
  for (const [file, { version }] of roles) {
    const role = (await json<{ signed: { targets: Record<string, unknown> } }>(`${url}/tuf/${version}.${file}`)).body;
    names.push(...Object.keys(role.signed.targets));
  }
  return {
    timestamp: timestamp.version,
    snapshot: snapshotVersion,
    targets: roles.reduce((sum, [, { version }]) => sum + version, 0),
    names,
  };
}

describe.skipIf(postgresProblem !== undefined)(
  `the signer on PostgreSQL${postgresProblem === undefined ? '' : ` — SKIPPED: not reachable at ${POSTGRES_URL}`}`,
  () => {
    let dir = '';
    let schema = '';
    let env: NodeJS.ProcessEnv = {};
    let db: Kysely<Database>;
    let served: Served | undefined;
    let seedOutput = '';
    const signers: SignerProcess[] = [];
    const signer = (): SignerProcess => {
      const started = startSigner(env);
      signers.push(started);
      return started;
    };
    const jobCount = async (): Promise<number> =>
      Number(
        (
          await db
            .selectFrom('publish_jobs')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'hicare-signer-'));
      schema = await createTestSchema();
      env = cliEnv({
        HICARE_PORTAL_DATA: join(dir, 'data'),
        DATABASE_URL: POSTGRES_URL,
        HICARE_DATABASE_SCHEMA: schema,
        HICARE_GRANT_KEY: GRANT_KEY,
      });
      const seed = await runCli(['seed', '--demo', '--json'], env, 60_000);
      if (seed.code !== 0) throw new Error(`seed failed: ${seed.stderr}`);
      seedOutput = seed.stdout;
      db = openDatabase({ databaseUrl: POSTGRES_URL, schema });
      served = await serve(env);
    }, 90_000);

    afterEach(async () => {
      await Promise.all(signers.splice(0).map(killSigner));
    });

    afterAll(async () => {
      await Promise.all(signers.splice(0).map(killSigner));
      if (served !== undefined) await served.stop();
      await db?.destroy();
      if (schema !== '') await dropTestSchema(schema);
      await rm(dir, { recursive: true, force: true });
    });

    it('elects one of two signers started at once; kill -9 of the leader → the other leads within seconds and signs', async () => {
      const pair = [signer(), signer()];
      const roles = await Promise.all(pair.map((s) => s.waitFor(isRole)));
      expect(roles.filter(leads)).toHaveLength(1);
      const leader = pair[roles.findIndex(leads)]!;
      const standby = pair[roles.findIndex((r) => !leads(r))]!;
      expect(roles.find((r) => !leads(r))?.msg).toContain('standing by');
      const beat = await eventually(async () => {
        const heartbeat = await readSignerHeartbeat(db);
        return heartbeat?.holder.endsWith(` ${leader.pid}`) === true ? heartbeat : undefined;
      }, "the leader's heartbeat");
      expect(Date.parse(beat.beatAt)).toBeGreaterThan(Date.now() - 10_000);

      const before = await servedCatalog(served!.url);
      const file = join(dir, 'atlas-9.1.0.tar.gz');
      await writeFile(file, randomBytes(4096));
      const published = await runCli(publishArgs('9.1.0', file), env);
      expect(published.code, published.stderr).toBe(0);
      expect(published.stdout).toMatch(
        /^Published atlas\/9\.1\.0\/linux-x64\/atlas-9\.1\.0\.tar\.gz \(4096 bytes, sha256 [0-9a-f]{64}\)/,
      );
      // Only the leader ran it.
      expect(leader.lines.some((l) => l.msg === 'publish job done')).toBe(true);
      expect(standby.lines.some((l) => l.msg.includes('publish job'))).toBe(false);

      leader.signal('SIGKILL');
      await leader.exited;
      const tookOver = Date.now();
      await standby.waitFor(leads, 15_000);
      expect(Date.now() - tookOver).toBeLessThan(10_000);
      await eventually(
        async () => ((await readSignerHeartbeat(db))?.holder.endsWith(` ${standby.pid}`) === true ? true : undefined),
        "the new leader's heartbeat",
      );

      const lifecycle = await runCli(
        [
          'lifecycle',
          'set',
          '--product',
          'atlas',
          '--major',
          '9',
          '--ga',
          '2026-01-01',
          '--end-of-maintenance',
          '2030-01-01',
        ],
        env,
      );
      expect(lifecycle.code, lifecycle.stderr).toBe(0);
      expect(lifecycle.stdout).toMatch(/^Lifecycle of atlas 9\.x set; 1 targets re-signed\./);
      const after = await eventually(async () => {
        const now = await servedCatalog(served!.url);
        return now.names.includes('atlas/9.1.0/linux-x64/atlas-9.1.0.tar.gz') && now.targets >= before.targets + 2
          ? now
          : undefined;
      }, 'the served catalog to carry the release and its lifecycle');
      expect(after.timestamp).toBeGreaterThan(before.timestamp);
      expect(after.snapshot).toBeGreaterThan(before.snapshot);
    }, 90_000);

    it('runs again, on the next leader, a job its signer was killed in; versions only go up and the release is served', async () => {
      const first = signer();
      await first.waitFor(leads);
      const before = await servedCatalog(served!.url);
      // Large enough that the job is still running when the signer is frozen right after claiming it.
      const file = join(dir, 'atlas-9.2.0.tar.gz');
      await writeFile(file, randomBytes(48 * 1024 * 1024));
      const queued = await runCli(publishArgs('9.2.0', file, '--no-wait', '--json'), env);
      expect(queued.code, queued.stderr).toBe(0);
      const { job } = JSON.parse(queued.stdout) as { job: string; state: string };
      await first.waitFor((l) => l.msg === 'running publish job' && l['job'] === job);
      first.signal('SIGSTOP');
      const row = await db
        .selectFrom('publish_jobs')
        .select(['state', 'attempts'])
        .where('id', '=', job)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'running', attempts: 1 });
      first.signal('SIGKILL');
      await first.exited;

      const second = signer();
      await second.waitFor(leads);
      await second.waitFor((l) => l.msg === 'publish job done' && l['job'] === job, 30_000);
      expect(second.lines.find((l) => l.msg === 'running publish job' && l['job'] === job)?.['attempt']).toBe(2);
      const done = await db
        .selectFrom('publish_jobs')
        .select(['state', 'attempts'])
        .where('id', '=', job)
        .executeTakeFirstOrThrow();
      expect(done).toEqual({ state: 'done', attempts: 2 });

      const after = await eventually(async () => {
        const now = await servedCatalog(served!.url);
        return now.names.includes('atlas/9.2.0/linux-x64/atlas-9.2.0.tar.gz') ? now : undefined;
      }, 'the served catalog to carry the re-run release');
      expect(after.timestamp).toBeGreaterThan(before.timestamp);
      expect(after.snapshot).toBeGreaterThan(before.snapshot);
      expect(after.targets).toBeGreaterThan(before.targets);
      // The upload is gone once the job has its outcome.
      expect(existsSync(join(dir, 'data', 'uploads', job, 'atlas-9.2.0.tar.gz'))).toBe(false);
    }, 120_000);

    it("hands a failing job's coded error to the publisher and signs nothing", async () => {
      const leader = signer();
      await leader.waitFor(leads);
      const file = join(dir, 'conflict', 'atlas-9.1.0.tar.gz');
      const first = join(dir, 'atlas-9.1.0.tar.gz');
      if (!existsSync(first)) {
        await writeFile(first, randomBytes(4096));
        expect((await runCli(publishArgs('9.1.0', first), env)).code).toBe(0);
      }
      const before = await servedCatalog(served!.url);
      // The same target name with other bytes: the repository refuses it, in the signer.
      await mkdir(join(dir, 'conflict'), { recursive: true });
      await writeFile(file, randomBytes(4096));
      const refused = await runCli(publishArgs('9.1.0', file), env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^error TARGET_CONFLICT: .+\n {2}\S/);
      expect(refused.stderr).not.toMatch(/at .+\.ts:\d+|ENOENT|stack/);
      const failed = await db
        .selectFrom('publish_jobs')
        .select(['state', 'result'])
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(failed.state).toBe('failed');
      expect(JSON.parse(failed.result ?? '{}')).toMatchObject({ code: 'TARGET_CONFLICT' });
      const after = await servedCatalog(served!.url);
      expect(after.timestamp).toBe(before.timestamp);
      expect(after.targets).toBe(before.targets);
    }, 60_000);

    it('refuses bad input at once with a coded error, queueing nothing', async () => {
      const jobs = await jobCount();
      const uploads = existsSync(join(dir, 'data', 'uploads')) ? await readdir(join(dir, 'data', 'uploads')) : [];
      const missing = await runCli(publishArgs('9.3.0', join(dir, 'no-such-package.tar.gz')), env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^error NOT_FOUND: The package file .*no-such-package\.tar\.gz does not exist/);
      const lifecycle = await runCli(
        [
          'lifecycle',
          'set',
          '--product',
          'atlas',
          '--major',
          '9',
          '--ga',
          '2026-01-01',
          '--end-of-maintenance',
          '2025-01-01',
        ],
        env,
      );
      expect(lifecycle.code).toBe(1);
      expect(lifecycle.stderr).toMatch(/^error INVALID_LIFECYCLE: /);
      const wait = await runCli(publishArgs('9.3.0', join(dir, 'atlas-9.1.0.tar.gz'), '--wait-timeout', 'soon'), env);
      expect(wait.code).toBe(2);
      expect(wait.stderr).toContain('--wait-timeout must be a whole number of seconds');
      expect(await jobCount()).toBe(jobs);
      expect(existsSync(join(dir, 'data', 'uploads')) ? await readdir(join(dir, 'data', 'uploads')) : []).toEqual(
        uploads,
      );
    });

    it('tells the publisher when no signer answers in time; the job stays queued and a signer started later runs it', async () => {
      const file = join(dir, 'atlas-9.4.0.tar.gz');
      await writeFile(file, randomBytes(1024));
      const waited = await runCli(publishArgs('9.4.0', file, '--wait-timeout', '1'), env);
      expect(waited.code).toBe(1);
      expect(waited.stderr).toMatch(
        /^error TIMEOUT: Publish job \S+ was not finished within 1 s; it stays queued\.\n {2}Check that `hicare-portal signer` is running/,
      );
      const late = signer();
      await late.waitFor((l) => l.msg === 'publish job done');
      await eventually(
        async () =>
          (await servedCatalog(served!.url)).names.includes('atlas/9.4.0/linux-x64/atlas-9.4.0.tar.gz')
            ? true
            : undefined,
        'the late release',
      );
    }, 60_000);

    it('has the signer sign an entitlement statement for an instance that holds no keys', async () => {
      const accounts = (JSON.parse(seedOutput) as { accounts: { email: string; password: string }[] }).accounts;
      const it1 = accounts.find((a) => a.email === 'it@northwind.example');
      // The same database, but a data directory without keys: as instances behind a load balancer run.
      const keyless = await serve({ ...env, HICARE_PORTAL_DATA: join(dir, 'keyless') });
      try {
        const leader = signer();
        await leader.waitFor(leads);
        const session = await json<{ token: string }>(`${keyless.url}/api/v1/sessions`, {
          method: 'POST',
          body: { email: it1?.email, password: it1?.password },
        });
        const reply = await json<{ signed: { serials: string[] }; signatures: unknown[] }>(
          `${keyless.url}/api/v1/bundles/statements`,
          {
            method: 'POST',
            token: session.body.token,
            body: { serials: ['NW-ATL-0001'], targets: ['atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz'] },
          },
        );
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        expect(reply.body.signed.serials).toEqual(['NW-ATL-0001']);
        expect(reply.body.signatures).toHaveLength(1);
        const job = await db
          .selectFrom('publish_jobs')
          .select(['state', 'kind'])
          .where('kind', '=', 'statement')
          .executeTakeFirstOrThrow();
        expect(job).toEqual({ state: 'done', kind: 'statement' });
        expect(existsSync(join(dir, 'keyless', 'keys'))).toBe(false);
      } finally {
        await keyless.stop();
      }
    }, 60_000);

    it('stops on SIGTERM after releasing the lock, exit 0, and a standing-by signer takes over', async () => {
      const leader = signer();
      await leader.waitFor(leads);
      const standby = signer();
      await standby.waitFor((l) => l.msg.includes('standing by'));
      leader.signal('SIGTERM');
      expect(await leader.exited).toBe(0);
      expect(leader.lines.at(-1)?.msg).toBe('stopped');
      await standby.waitFor(leads);
    }, 60_000);
  },
);

describe.skipIf(postgresProblem !== undefined)(
  `migrate, and serve's database checks on PostgreSQL${postgresProblem === undefined ? '' : ' — SKIPPED'}`,
  () => {
    let dir = '';
    let schema = '';
    let env: NodeJS.ProcessEnv = {};

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'hicare-migrate-'));
      schema = await createTestSchema();
      env = cliEnv({
        HICARE_PORTAL_DATA: join(dir, 'data'),
        DATABASE_URL: POSTGRES_URL,
        HICARE_DATABASE_SCHEMA: schema,
        HICARE_GRANT_KEY: GRANT_KEY,
      });
    }, 90_000);

    afterAll(async () => {
      if (schema !== '') await dropTestSchema(schema);
      await rm(dir, { recursive: true, force: true });
    });

    const tablesIn = async (): Promise<string[]> => {
      const db = openDatabase({ databaseUrl: POSTGRES_URL, schema });
      try {
        const { rows } = await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(db);
        return rows.map((r) => r.name);
      } finally {
        await db.destroy();
      }
    };

    it('serve refuses an empty database (DATABASE_BEHIND, naming migrate) and changes nothing; migrate applies all, then nothing', async () => {
      // serve --json: the refusal is the coded error body.
      await expect(serve(env)).rejects.toThrow(
        /"code":"DATABASE_BEHIND","message":"The database is behind this portal: \d+ migrations? not applied.*"remedy":"Run `hicare-portal migrate`/,
      );
      expect(await tablesIn()).toEqual([]);

      const first = await runCli(['migrate'], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout.split('\n')).toEqual([
        `Applied ${Object.keys(MIGRATIONS).length} migration(s) to the database (PostgreSQL):`,
        ...Object.keys(MIGRATIONS).map((n) => `  ${n}`),
        '',
      ]);
      const again = await runCli(['migrate', '--json'], env);
      expect(JSON.parse(again.stdout)).toEqual({ applied: [] });
      expect((await runCli(['migrate'], env)).stdout).toBe(
        'The database (PostgreSQL) is up to date: no migration to apply.\n',
      );

      // A catalog to serve: keys init signs the first, empty one into the database.
      await expect(serve(env)).rejects.toThrow(
        /"code":"NOT_FOUND","message":"There is no signed catalog in the database\."/,
      );
      const keys = await runCli(['keys', 'init', '--offline-keys', join(dir, 'offline')], env);
      expect(keys.code, keys.stderr).toBe(0);
      expect(keys.stdout).toContain('Signed the first, empty catalog (root version 1)');
      const started = await serve(env);
      try {
        expect((await fetch(`${started.url}/tuf/timestamp.json`)).status).toBe(200);
      } finally {
        expect(await started.stop()).toBe(0);
      }
    }, 90_000);

    it('serve and migrate refuse a database a newer portal migrated (DATABASE_AHEAD)', async () => {
      const db = openDatabase({ databaseUrl: POSTGRES_URL, schema });
      try {
        await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2099-01-01T00:00:00.000Z')`.execute(
          db,
        );
        await expect(serve(env)).rejects.toThrow(
          /"code":"DATABASE_AHEAD","message":"The database was migrated by a newer portal \(9999_from_the_future is unknown to this build\)/,
        );
        const migrate = await runCli(['migrate'], env);
        expect(migrate.code).toBe(1);
        expect(migrate.stderr).toMatch(/^error DATABASE_AHEAD: /);
      } finally {
        await sql`delete from kysely_migration where name = '9999_from_the_future'`.execute(db);
        await db.destroy();
      }
    }, 60_000);
  },
);

describe('on SQLite', () => {
  it('refuses to start a signer (serve signs by itself) and creates nothing; migrate works as on PostgreSQL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hicare-signer-sqlite-'));
    try {
      const env = cliEnv({ HICARE_PORTAL_DATA: join(dir, 'data') });
      const refused = await runCli(['signer'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^error INVALID_INPUT: The signer runs only for a portal on PostgreSQL; on SQLite `hicare-portal serve` signs by itself\.\n {2}Set DATABASE_URL/,
      );
      expect(existsSync(join(dir, 'data'))).toBe(false);
      const migrated = await runCli(['migrate', '--json'], env);
      expect(JSON.parse(migrated.stdout)).toEqual({ applied: Object.keys(MIGRATIONS) });
      expect((await runCli(['migrate'], env)).stdout).toMatch(
        /^The database \(SQLite in .+\) is up to date: no migration to apply\.\n$/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
