/**
 * /healthz, /readyz and /metrics on a real portal (SQLite file, real signed catalog; PostgreSQL when it can be
 * reached), as a load balancer and a Prometheus server see them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HicareError } from '../../../shared/errors.js';
import { createPortalApp } from '../../../portal/http/app.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { LocalBlobStore } from '../../../portal/storage/local-blob-store.js';
import { initKeys } from '../../../portal/tuf/keys.js';
import { initRepository } from '../../../portal/tuf/repository.js';
import { createTestSchema, dropTestSchema, POSTGRES_URL, postgresProblem } from '../postgres.js';
import { until } from '../wait.js';

const START = new Date('2026-11-24T10:00:00Z');

interface Started {
  portal: Portal;
  url: string;
  dir: string;
  clock: { now: Date };
  store: { down: boolean };
}

async function start(database: { url: string; schema: string } | undefined): Promise<Started> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-probes-'));
  const keysDir = join(dir, 'keys');
  await initKeys(keysDir);
  const clock = { now: new Date(START) };
  // The portal's own folder store, with a switch that makes its check fail as an unreachable store would.
  const store = new (class extends LocalBlobStore {
    down = false;
    override async check(): Promise<void> {
      if (this.down) throw new HicareError('STORE_UNAVAILABLE');
      await super.check();
    }
  })(dir);
  const portal = await createPortal({
    dataDirectory: dir,
    keysDir,
    ...(database === undefined ? {} : { databaseUrl: database.url, databaseSchema: database.schema }),
    now: () => clock.now,
    refreshEveryMs: 0,
    blobs: store,
    metrics: { sseConnections: () => 3, signerHeartbeatAgeSeconds: async () => 12 },
  });
  // Signed where this portal keeps its catalog: the folder on SQLite, the database on PostgreSQL.
  await initRepository({ ...portal.catalog.repository.options, keysDir, now: START });
  const url = await portal.listen({ host: '127.0.0.1', port: 0 });
  return { portal, url, dir, clock, store };
}

interface Readiness {
  status: number;
  body: {
    ready?: boolean;
    code?: string;
    message?: string;
    remedy?: string;
    checks?: { name: string; ok: boolean }[];
    details?: { checks: { name: string; ok: boolean; problem?: string }[] };
  };
}

async function readyz(url: string): Promise<Readiness> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness['body'] };
}

/** Polls /readyz until `until` holds: results are reused for a second, so a change shows within about that. */
async function readyzUntil(url: string, holds: (r: Readiness) => boolean): Promise<Readiness> {
  let last: Readiness | undefined;
  const answer = async (): Promise<Readiness | undefined> => {
    last = await readyz(url);
    return holds(last) ? last : undefined;
  };
  // Past the deadline the last answer is returned: the caller's assertion then shows what /readyz said.
  return until(answer, { what: '/readyz to change', timeoutMs: 10_000 }).catch(async () => last ?? readyz(url));
}

function failing(r: Readiness): string[] {
  return (r.body.details?.checks ?? []).filter((c) => !c.ok).map((c) => c.name);
}

describe('probes on SQLite', () => {
  let s: Started;
  beforeAll(async () => {
    s = await start(undefined);
  });
  afterAll(async () => {
    await s.portal.close();
    await rm(s.dir, { recursive: true, force: true });
  });

  it('answers /healthz without asking anything', async () => {
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('is ready when the database, its migrations, the store and the catalog are', async () => {
    const r = await readyz(s.url);
    expect(r.status).toBe(200);
    expect(r.body.ready).toBe(true);
    expect(r.body.checks?.map((c) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['migrations', true],
      ['store', true],
      ['catalog', true],
    ]);
  });

  it('is not ready while the store is down, naming it, and ready again when it is back', async () => {
    s.store.down = true;
    const down = await readyzUntil(s.url, (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('STORE_UNAVAILABLE');
    expect(failing(down)).toEqual(['store']);
    expect(down.body.message).toContain(`store: ${new HicareError('STORE_UNAVAILABLE').message}`);
    s.store.down = false;
    expect((await readyzUntil(s.url, (r) => r.status === 200)).status).toBe(200);
  });

  it('is not ready when the database lacks a migration', async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(
      s.portal.db,
    );
    const last = rows[0]?.name ?? '';
    await sql`delete from kysely_migration where name = ${last}`.execute(s.portal.db);
    try {
      const behind = await readyzUntil(s.url, (r) => r.status === 503);
      expect(behind.body.code).toBe('DATABASE_BEHIND');
      expect(failing(behind)).toEqual(['migrations']);
      expect(behind.body.message).toMatch(/lacks 1 migration/);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last}, ${new Date().toISOString()})`.execute(
        s.portal.db,
      );
    }
    expect((await readyzUntil(s.url, (r) => r.status === 200)).status).toBe(200);
  });

  it('is not ready once the signed timestamp has expired', async () => {
    s.clock.now = new Date(START.getTime() + 60 * 86_400_000);
    try {
      const stale = await readyzUntil(s.url, (r) => r.status === 503);
      expect(failing(stale)).toEqual(['catalog']);
      expect(stale.body.message).toMatch(/timestamp expired at .*clients refuse it/);
    } finally {
      s.clock.now = new Date(START);
    }
    expect((await readyzUntil(s.url, (r) => r.status === 200)).status).toBe(200);
  });

  it('reports request latency by route pattern, live streams, the timestamp and the signer in Prometheus text', async () => {
    for (let i = 0; i < 3; i++) await fetch(`${s.url}/tuf/timestamp.json`);
    await fetch(`${s.url}/api/v1/me`);
    await fetch(`${s.url}/no/such/page`);
    const res = await fetch(`${s.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const samples = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    // Prometheus reads NaN and Inf in any letter case (prom-client writes "Nan").
    for (const line of samples) expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? (-?[0-9.e+-]+|nan|[+-]inf)$/i);
    const value = (prefix: string): number =>
      Number(
        samples
          .find((l) => l.startsWith(prefix))
          ?.split(' ')
          .at(-1),
      );
    expect(value('hicare_portal_http_request_duration_seconds_count{route="/tuf/*",method="GET",status="2xx"}')).toBe(
      3,
    );
    expect(
      value('hicare_portal_http_request_duration_seconds_count{route="/api/v1/me",method="GET",status="4xx"}'),
    ).toBe(1);
    expect(
      value('hicare_portal_http_request_duration_seconds_count{route="unmatched",method="GET",status="4xx"}'),
    ).toBe(1);
    // Route patterns, never raw addresses: the label set stays small whatever clients ask for.
    expect(text).not.toContain('timestamp.json');
    expect(text).not.toContain('/no/such/page');
    expect(value('hicare_portal_sse_connections')).toBe(3);
    expect(value('hicare_portal_signer_heartbeat_age_seconds')).toBe(12);
    expect(value('hicare_portal_timestamp_expires_in_seconds')).toBeGreaterThan(3600);
    expect(value('hicare_portal_http_requests_in_flight')).toBe(1);
    expect(value('hicare_portal_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('reports the database as unreachable when it is gone, without its internals', async () => {
    await s.portal.db.destroy();
    const gone = await readyzUntil(s.url, (r) => r.status === 503);
    expect(failing(gone)).toContain('database');
    expect(gone.body.message).toContain('database: The database cannot be reached.');
    expect(JSON.stringify(gone.body)).not.toMatch(/destroyed|driver|sqlite|select/i);
  });
});

describe.skipIf(postgresProblem !== undefined)('readiness on PostgreSQL', () => {
  let s: Started;
  let schema: string;
  beforeAll(async () => {
    schema = await createTestSchema();
    s = await start({ url: POSTGRES_URL, schema });
  });
  afterAll(async () => {
    await s?.portal.close();
    await dropTestSchema(schema);
    await rm(s.dir, { recursive: true, force: true });
  });

  it('is ready, then not ready when the migration history is gone', async () => {
    expect((await readyz(s.url)).status).toBe(200);
    await sql`drop table kysely_migration`.execute(s.portal.db);
    const behind = await readyzUntil(s.url, (r) => r.status === 503);
    expect(failing(behind)).toEqual(['migrations']);
    expect(behind.body.message).toContain('The database migrations cannot be read.');
    expect(JSON.stringify(behind.body)).not.toMatch(/relation|does not exist/);
  });
});

describe('a metrics token', () => {
  it('keeps /metrics to callers that send it', async () => {
    const app = createPortalApp({ version: '0.1.0', metrics: { token: 'metrics-token-0123456789abcdef' } });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      for (const authorization of [undefined, 'Bearer wrong-token', 'Bearer metrics-token-0123456789abcdeX']) {
        const res = await fetch(`${url}/metrics`, { headers: authorization === undefined ? {} : { authorization } });
        expect(res.status).toBe(401);
        expect(((await res.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
      }
      const res = await fetch(`${url}/metrics`, {
        headers: { authorization: 'Bearer metrics-token-0123456789abcdef' },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('hicare_portal_http_requests_in_flight');
    } finally {
      await app.close();
    }
  });
});
