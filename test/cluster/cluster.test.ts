/**
 * The portal as a service of several processes (DESIGN.md §6.1): a signer and two `serve` instances with separate
 * data directories on one PostgreSQL and one S3-compatible store (s3rver), behind HAProxy. Each test does what a
 * user or an operator does through one instance and looks for the effect through the other, or crashes a process
 * and checks what the install base sees. Skipped, loudly, only where PostgreSQL or HAProxy is missing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../electron/core/adapters.js';
import { HicareClient } from '../../electron/core/client/hicare-client.js';
import { FileSecretStore } from '../../electron/core/secret-file-store.js';
import { packagePath } from '../../shared/contracts/portal-api.js';
import type { ReleaseTarget } from '../../shared/contracts/catalog.js';
import type { SystemEntitlement, SystemRecord } from '../../shared/contracts/entitlement.js';
import type { Attachment, Grant, Message, ServiceRequest } from '../../shared/contracts/requests.js';
import { PRODUCT_RULES_TTL_MS } from '../../portal/entitlement/product-rules.js';
import { CG_ADMIN, CG_IT, ENGINEER, NW_ADMIN, PORTAL_ADMIN } from '../integration/portal-api/harness.js';
import { EventStreamClient, requestBody, requestIdOf } from '../integration/portal-requests/support.js';
import { call, ok } from './client.js';
import { Cluster, clusterProblem } from './harness.js';
import { AlternatingTufClient, heartbeat, jobStates, servedTimestamp } from './observe.js';
import { startPortal, tryPortal } from './processes.js';
import { until, untilTrue } from '../integration/wait.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const ATLAS_200 = 'atlas/2.0.0/linux-x64/atlas-2.0.0-linux-x64.tar.gz';
// Room for the demo's packages and the tests' own; the full-store test fills what is left.
const SCRATCH_BYTES = 256 * 1024 * 1024;

describe.skipIf(clusterProblem !== undefined)(
  'a portal cluster: two instances, one signer, PostgreSQL, S3, HAProxy',
  { timeout: 60_000 },
  () => {
    const cluster = new Cluster({ scratchBytes: SCRATCH_BYTES });
    let A = '';
    let B = '';

    beforeAll(async () => {
      try {
        await cluster.start();
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${cluster.outputs()}`, {
          cause: error,
        });
      }
      A = cluster.instance('A').url;
      B = cluster.instance('B').url;
      for (const note of cluster.notes) console.warn(`cluster harness: ${note}`);
    }, 120_000);

    afterAll(async () => {
      await cluster.stop();
    }, 60_000);

    const publisherEnv = (): NodeJS.ProcessEnv => ({
      ...cluster.sharedEnv(),
      HICARE_PORTAL_DATA: join(cluster.root, 'publisher'),
    });

    /** A package file of `bytes` random bytes (nothing reads inside it; its hash is what is signed). */
    async function packageFile(version: string, bytes: number): Promise<string> {
      const file = join(cluster.root, `atlas-${version}-linux-x64.tar.gz`);
      await writeFile(file, randomBytes(bytes));
      return file;
    }

    const publishArgs = (version: string, file: string): string[] => [
      'publish',
      ...[
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
      ],
      ...['--detection', '{"kind":"file","path":"{target}/atlas/VERSION"}', '--published-at', new Date().toISOString()],
    ];

    async function bothServeTheSameTimestamp(above: number): Promise<number> {
      return until(
        async () => {
          const [a, b] = await Promise.all([servedTimestamp(A), servedTimestamp(B)]);
          return a.version > above && a.text === b.text && a.etag === b.etag ? a.version : undefined;
        },
        {
          what: `both instances to serve the same timestamp above version ${above}`,
          timeoutMs: 15_000,
          detail: () => cluster.outputs(),
        },
      );
    }

    it('lists, messages and streams through B a request created through A', async () => {
      const admin = await cluster.token(NW_ADMIN);
      const engineer = await cluster.token(ENGINEER);
      const stream = await EventStreamClient.open({ url: B }, admin);
      try {
        const created = await ok(
          call<ServiceRequest>(A, 'POST', '/api/v1/requests', {
            token: admin,
            body: requestBody({ faultDescription: 'Opened through A.' }),
          }),
          201,
        );
        const listed = await ok(call<{ requests: ServiceRequest[] }>(B, 'GET', '/api/v1/requests', { token: admin }));
        expect(listed.requests.map((r) => r.id)).toContain(created.id);
        await stream.next((e) => e.type === 'request.changed' && requestIdOf(e) === created.id, 5000);

        await ok(
          call(B, 'POST', `/api/v1/requests/${created.id}/actions`, { token: engineer, body: { action: 'accept' } }),
        );
        await ok(
          call<Message>(A, 'POST', `/api/v1/requests/${created.id}/messages`, {
            token: engineer,
            body: { body: 'Written on A, read on B.' },
          }),
        );
        const message = await stream.next((e) => e.type === 'request.message' && requestIdOf(e) === created.id, 5000);
        expect((message.data['message'] as Message).body).toBe('Written on A, read on B.');
      } finally {
        stream.close();
      }
    });

    it('replays to a subscriber reconnecting to B with Last-Event-ID what was said on A while it was away', async () => {
      const admin = await cluster.token(NW_ADMIN);
      const created = await ok(
        call<ServiceRequest>(A, 'POST', '/api/v1/requests', {
          token: admin,
          body: requestBody({ faultDescription: 'Followed across a reconnect.' }),
        }),
        201,
      );
      const first = await EventStreamClient.open({ url: B }, admin);
      await ok(
        call<Message>(A, 'POST', `/api/v1/requests/${created.id}/messages`, {
          token: admin,
          body: { body: 'before the disconnect' },
        }),
      );
      const heard = await first.next((e) => e.type === 'request.message' && requestIdOf(e) === created.id, 5000);
      first.close();

      await ok(
        call<Message>(A, 'POST', `/api/v1/requests/${created.id}/messages`, {
          token: admin,
          body: { body: 'while the subscriber was away' },
        }),
      );
      const again = await EventStreamClient.open({ url: B }, admin, { 'last-event-id': heard.id });
      try {
        const missed = await again.next(
          (e) =>
            e.type === 'request.message' && (e.data['message'] as Message).body === 'while the subscriber was away',
          5000,
        );
        expect(missed.id).not.toBe(heard.id);
        // What the subscriber had already heard is not sent again.
        expect(again.events.filter((e) => e.id === heard.id)).toEqual([]);
      } finally {
        again.close();
      }
    });

    it('downloads through B, byte for byte, an attachment uploaded through A', async () => {
      const admin = await cluster.token(NW_ADMIN);
      const created = await ok(
        call<ServiceRequest>(A, 'POST', '/api/v1/requests', {
          token: admin,
          body: requestBody({ faultDescription: 'Has a log.' }),
        }),
        201,
      );
      const log = Buffer.from(`installer: exit code 3 at ${new Date().toISOString()}\n`);
      const attachment = await ok(
        call<Attachment>(A, 'POST', `/api/v1/requests/${created.id}/attachments`, {
          token: admin,
          body: { fileName: 'install.log', contentType: 'text/plain', dataBase64: log.toString('base64') },
        }),
      );
      const download = await call<Buffer>(B, 'GET', `/api/v1/attachments/${attachment.id}`, {
        token: await cluster.token(ENGINEER),
      });
      expect(download.status).toBe(200);
      expect(download.bytes.equals(log)).toBe(true);
      // Neither instance keeps it in its own data directory: it is in the shared store.
      for (const instance of cluster.instances)
        expect(await filesUnder(instance.dataDirectory)).not.toContain('install.log');
    });

    it('reveals through B, to the assigned engineer, the password of a grant made through A', async () => {
      const admin = await cluster.token(NW_ADMIN);
      const engineer = await cluster.token(ENGINEER);
      const created = await ok(
        call<ServiceRequest>(A, 'POST', '/api/v1/requests', {
          token: admin,
          body: requestBody({ faultDescription: 'Needs remote access.' }),
        }),
        201,
      );
      await ok(
        call(A, 'POST', `/api/v1/requests/${created.id}/actions`, { token: engineer, body: { action: 'accept' } }),
      );
      const grant = await ok(
        call<Grant & { password: string }>(A, 'POST', `/api/v1/requests/${created.id}/grants`, {
          token: admin,
          body: { channel: 'ssh', address: 'nw-jump.example:22', account: 'hicare-tac', scope: 'diagnose' },
        }),
      );
      const read = await call<{ password: string }>(B, 'GET', `/api/v1/grants/${grant.id}/password`, {
        token: engineer,
      });
      expect(read.status).toBe(200);
      expect(read.body.password).toBe(grant.password);
    });

    it('creates one request from 50 creations with one Idempotency-Key sent at once to A and B', async () => {
      const admin = await cluster.token(NW_ADMIN);
      const body = requestBody({ priority: 'P3', faultDescription: 'Sent 50 times over two instances.' });
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          call<ServiceRequest>(i % 2 === 0 ? A : B, 'POST', '/api/v1/requests', {
            token: admin,
            body,
            headers: { 'idempotency-key': 'cluster-same-key' },
          }),
        ),
      );
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(49);
      expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
      const listed = await ok(
        call<{ requests: ServiceRequest[] }>(cluster.url, 'GET', '/api/v1/requests', { token: admin }),
      );
      expect(listed.requests.filter((r) => r.faultDescription === 'Sent 50 times over two instances.')).toHaveLength(1);
    });

    it('never gives a Support customer upgrade bytes, through either instance, HAProxy or a presigned URL', async () => {
      const support = await cluster.token(NW_ADMIN);
      const path = `${packagePath(ATLAS_200)}?serialNumber=NW-ATL-0001`;
      for (const base of [A, B, cluster.url]) {
        for (const method of ['GET', 'HEAD']) {
          const reply = await call(base, method, path, { token: support, manualRedirect: true });
          expect(reply.status, `${method} via ${base}`).toBe(403);
          expect(reply.headers.get('location')).toBeNull();
          expect(reply.bytes.length).toBeLessThan(2000);
          if (method === 'GET') expect((reply.body as { code: string }).code).toBe('UPGRADE_REQUIRES_UPGRADE_SUPPORT');
        }
      }
      // The Upgrade Support customer gets it; where the store hands out a presigned URL, only that URL works.
      const upgrade = await cluster.token(CG_IT);
      const target = (
        await ok(call<{ releases: ReleaseTarget[] }>(A, 'GET', '/api/v1/products/atlas/releases', { token: upgrade }))
      ).releases.find((r) => r.name === ATLAS_200);
      const granted = await call<Buffer>(B, 'GET', `${packagePath(ATLAS_200)}?serialNumber=CG-ATL-0001`, {
        token: upgrade,
        manualRedirect: true,
      });
      expect([200, 302, 303, 307]).toContain(granted.status);
      if (granted.status === 200) {
        expect(createHash('sha256').update(granted.bytes).digest('hex')).toBe(target?.sha256);
        return;
      }
      const location = granted.headers.get('location') ?? '';
      const fetched = Buffer.from(await (await fetch(location)).arrayBuffer());
      expect(createHash('sha256').update(fetched).digest('hex')).toBe(target?.sha256);
      const url = new URL(location);
      const signature = url.searchParams.get('X-Amz-Signature') ?? '';
      url.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
      expect((await fetch(url)).status, 'a tampered signature').toBe(403);
      const otherKey = new URL(location);
      otherKey.pathname = otherKey.pathname.replace('2.0.0', '1.9.0');
      expect((await fetch(otherKey)).status, 'the URL pointed at another package').toBe(403);
      const expired = new URL(location);
      expired.searchParams.set('X-Amz-Date', '20200101T000000Z');
      expect((await fetch(expired)).status, 'a URL dated in the past').toBe(403);
    });

    it('refuses through B, within the product rules’ bound, a release withdrawn through A a moment ago', async () => {
      const customer = await cluster.token(CG_IT);
      const admin = await cluster.token(PORTAL_ADMIN);
      const path = '/api/v1/systems/CG-ATL-0001/entitlement';
      const withdrawn = async (base: string): Promise<boolean> => {
        const answer = await ok(call<SystemEntitlement>(base, 'GET', path, { token: customer }));
        const release = answer.releases.find((r) => r.target.name === ATLAS_190);
        return release?.verdict.reasons.some((r) => r.code === 'RELEASE_WITHDRAWN') ?? false;
      };
      // B has the rules cached before the change.
      expect(await withdrawn(B)).toBe(false);
      const withdrawal = '/api/v1/admin/releases/atlas/1.9.0/withdrawal';
      await ok(call(A, 'POST', withdrawal, { token: admin, body: { reason: 'Breaks the historian.' } }));
      try {
        expect(await withdrawn(A)).toBe(true);
        // Announced over NOTIFY; were it lost, the cached rules age out after PRODUCT_RULES_TTL_MS (with room for the
        // requests themselves on a busy machine).
        await untilTrue(() => withdrawn(B), {
          what: 'B to refuse the withdrawn release',
          timeoutMs: 2 * PRODUCT_RULES_TTL_MS,
        });
      } finally {
        await ok(call(A, 'DELETE', withdrawal, { token: admin }));
      }
      await untilTrue(async () => !(await withdrawn(B)), {
        what: 'B to offer the restored release again',
        timeoutMs: 2 * PRODUCT_RULES_TTL_MS,
      });
    });

    it('serves a release the signer published with the same metadata through both instances within seconds', async () => {
      const before = (await servedTimestamp(A)).version;
      const file = await packageFile('2.4.0', 64 * 1024);
      const published = await tryPortal([...publishArgs('2.4.0', file), '--json'], publisherEnv());
      expect(published.code, published.output).toBe(0);
      await bothServeTheSameTimestamp(before);
      const upgrade = await cluster.token(CG_IT);
      for (const base of [A, B]) {
        const releases = await ok(
          call<{ releases: ReleaseTarget[] }>(base, 'GET', '/api/v1/products/atlas/releases', { token: upgrade }),
        );
        expect(releases.releases.map((r) => r.custom.version)).toContain('2.4.0');
      }
    });

    it('elects exactly one of two signers started at once', async () => {
      await Promise.all(cluster.signers.map((s) => s.stop('SIGTERM')));
      const [one, two] = [cluster.startSigner('signer-2'), cluster.startSigner('signer-3')];
      const [first, second] = await Promise.all([one, two]);
      const pids = [first.process.pid, second.process.pid].map(String);
      const leader = await until(
        async () => {
          const beat = await heartbeat(cluster.schema);
          return beat !== undefined &&
            Date.now() - beat.beatAt.getTime() < 10_000 &&
            pids.some((p) => beat.holder.includes(p))
            ? beat
            : undefined;
        },
        { what: 'one of the two new signers to beat as leader', timeoutMs: 20_000, detail: () => cluster.outputs() },
      );
      // Two beats later the same one still leads, and the other has not taken the lock from it.
      const next = await until(
        async () => {
          const beat = await heartbeat(cluster.schema);
          return beat !== undefined && beat.beatAt.getTime() > leader.beatAt.getTime() ? beat : undefined;
        },
        { what: 'the next heartbeat', timeoutMs: 20_000 },
      );
      expect(next.holder).toBe(leader.holder);
      expect(first.exited() || second.exited()).toBe(false);
    });

    it('completes a publish on a second signer after the first is killed mid-job, while a client alternating over A and B keeps working', async () => {
      const leader = await until(
        async () => {
          const beat = await heartbeat(cluster.schema);
          return cluster.signers.find((s) => !s.exited() && beat?.holder.includes(String(s.process.pid)));
        },
        { what: 'a leading signer', timeoutMs: 20_000, detail: () => cluster.outputs() },
      );
      const before = (await servedTimestamp(A)).version;

      const client = await AlternatingTufClient.create([A, B]);
      const seen: number[] = [];
      const failures: string[] = [];
      let refreshing = true;
      const loop = (async () => {
        while (refreshing) {
          try {
            seen.push(await client.refresh());
          } catch (error) {
            failures.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
          }
        }
      })();
      try {
        const knownJobs = new Set((await jobStates(cluster.schema)).map((j) => j.id));
        const file = await packageFile('2.5.0', 48 * 1024 * 1024);
        const publisher = startPortal('publish 2.5.0', [...publishArgs('2.5.0', file), '--json'], publisherEnv());
        const job = await until(
          async () => (await jobStates(cluster.schema)).find((j) => !knownJobs.has(j.id) && j.state === 'running'),
          {
            what: 'the publish job to be running on the leader',
            timeoutMs: 30_000,
            intervalMs: 10,
            detail: () => `${publisher.output()}\n${cluster.outputs()}`,
          },
        );
        await leader.stop('SIGKILL');

        const code = await publisher.exit;
        expect(code, publisher.output()).toBe(0);
        expect((await jobStates(cluster.schema)).find((j) => j.id === job.id)?.state).toBe('done');
        const after = await bothServeTheSameTimestamp(before);
        await until(async () => (seen.at(-1) ?? 0) >= after || undefined, {
          what: 'the client to see the new timestamp',
          timeoutMs: 15_000,
        });
      } finally {
        refreshing = false;
        await loop;
        await client.close();
      }
      expect(failures).toEqual([]);
      expect(seen.length).toBeGreaterThan(0);
      // Versions only go up, whichever instance answered.
      for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] ?? 0);
    });

    it('refuses a publish when the signer’s disk fills, with a coded error, leaves no lock behind, and publishes the next one', async () => {
      if (cluster.scratchMount === undefined) {
        console.warn('the signers’ temporary directory is not on a tmpfs here: skipping the full-disk case');
        return;
      }
      const before = (await servedTimestamp(A)).version;
      const filler = join(cluster.scratchMount, 'filler');
      const free = async (): Promise<number> => {
        const { statfs } = await import('node:fs/promises');
        const s = await statfs(cluster.scratchMount ?? '');
        return s.bavail * s.bsize;
      };
      await writeFile(filler, Buffer.alloc(Math.max(0, (await free()) - 512 * 1024)));
      try {
        const file = await packageFile('2.6.0', 4 * 1024 * 1024);
        const refused = await tryPortal(publishArgs('2.6.0', file), publisherEnv());
        expect(refused.code).toBe(1);
        expect(refused.output).toMatch(/error INSUFFICIENT_SPACE: /);
        expect(refused.output).not.toMatch(/ENOSPC|\n\s+at |InternalError|stack/i);
        expect((await servedTimestamp(A)).version).toBe(before);
      } finally {
        await rm(filler, { force: true });
      }
      const file = await packageFile('2.6.1', 64 * 1024);
      const published = await tryPortal(publishArgs('2.6.1', file), publisherEnv());
      expect(published.code, published.output).toBe(0);
      await bothServeTheSameTimestamp(before);
    });

    it('serves the desktop app through HAProxy: sign-in, the verified catalog, an entitled update installed', async () => {
      // The app trusts the first root the signer's keys signed, as an operator would ship it (README, step 6).
      const rootFile = join(cluster.root, 'app-root.json');
      await writeFile(rootFile, Buffer.from(await (await fetch(`${cluster.url}/tuf/1.root.json`)).arrayBuffer()));
      const dataDirectory = join(cluster.root, 'app');
      const client = new HicareClient({
        dataDirectory,
        portalUrl: cluster.url,
        trustRoot: rootFile,
        secrets: new FileSecretStore(join(dataDirectory, 'secrets')),
        clock: systemClock,
        logger: silentLogger,
        platform: 'linux-x64',
      });
      await client.login(CG_ADMIN, cluster.password(CG_ADMIN));
      await client.check();
      const result = await client.install(ATLAS_190, 'CG-ATL-0001');
      expect(result.detectedVersion).toBe('1.9.0');
      // Every instance now knows the system's new version, whichever one took the report.
      for (const base of [A, B]) {
        const { systems } = await ok(
          call<{ systems: SystemRecord[] }>(base, 'GET', '/api/v1/systems', { token: await cluster.token(CG_ADMIN) }),
        );
        expect(systems.find((s) => s.serialNumber === 'CG-ATL-0001')?.installedVersion).toBe('1.9.0');
      }
    });

    it('keeps serving through HAProxy when one instance is killed, and takes it back when it returns', async () => {
      const b = cluster.instance('B');
      await b.child.stop('SIGKILL');
      // HAProxy marks it down after two failed checks; until then a request may still be tried on it and redispatched.
      for (let i = 0; i < 20; i += 1) expect((await fetch(`${cluster.url}/tuf/timestamp.json`)).status).toBe(200);
      await cluster.startInstance('B');
      const { backendStates } = await import('./haproxy.js');
      await untilTrue(
        async () => [...(await backendStates(cluster.haproxy?.statsSocket ?? '')).values()].every((s) => s === 'UP'),
        {
          what: 'HAProxy to mark B up again',
          timeoutMs: 20_000,
        },
      );
    });
  },
);

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if ((await stat(path)).size > 0) found.push(entry.name);
    }
  };
  await walk(dir);
  return found;
}
