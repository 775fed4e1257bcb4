/**
 * A real portal for the API tests: seeded with the demo world, listening on 127.0.0.1, on a SQLite file or a
 * PostgreSQL schema. Its clock is the test's, so token expiry and contract dates can be moved through.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { ErrorBody } from '../../../shared/errors.js';
import { seedDemo, type DemoSeedResult } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { createTestSchema, dropTestSchema, POSTGRES_URL, postgresProblem } from '../postgres.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  bytes: Buffer;
}

export interface TestPortal {
  readonly dialect: Dialect;
  readonly portal: Portal;
  readonly url: string;
  readonly seed: DemoSeedResult;
  /** The portal's clock; tests move it and put it back. */
  clock: { now: Date };
  /** A fresh session token for a demo account. */
  signIn(email: string): Promise<string>;
  request<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<Reply<T>>;
  /** Sends `path` byte for byte (fetch would resolve `..` and re-encode before the portal ever saw it). */
  raw<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<Reply<T>>;
  password(email: string): string;
}

export const SEED_TIME = new Date('2026-11-24T10:00:00Z');

function parseReply<T>(status: number, headers: Headers, bytes: Buffer): Reply<T> {
  const type = headers.get('content-type') ?? '';
  const parsed =
    type.includes('application/json') && bytes.length > 0
      ? (JSON.parse(bytes.toString('utf8')) as T)
      : (bytes as unknown as T);
  return { status, headers, body: parsed, bytes };
}

async function request<T>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body }) });
  return parseReply<T>(response.status, response.headers, Buffer.from(await response.arrayBuffer()));
}

function rawRequest<T>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const url = new URL(base);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const h = new Headers();
        for (const [name, value] of Object.entries(res.headers))
          if (value !== undefined) h.set(name, Array.isArray(value) ? value.join(', ') : value);
        resolve(parseReply<T>(res.statusCode ?? 0, h, Buffer.concat(chunks)));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function setUp(dialect: Dialect): TestPortal {
  const state: { portal?: Portal; url?: string; seed?: DemoSeedResult; dir?: string; schema?: string } = {};
  const clock = { now: new Date(SEED_TIME) };

  beforeAll(async () => {
    state.dir = await mkdtemp(join(tmpdir(), `hicare-portal-api-${dialect}-`));
    if (dialect === 'postgres') state.schema = await createTestSchema();
    state.portal = await createPortal({
      dataDirectory: state.dir,
      ...(dialect === 'postgres' ? { databaseUrl: POSTGRES_URL, databaseSchema: state.schema ?? '' } : {}),
      now: () => new Date(clock.now),
      refreshEveryMs: 0,
    });
    state.seed = await seedDemo({
      db: state.portal.db,
      catalog: state.portal.catalog,
      keysDir: state.portal.layout.keysDir,
      now: SEED_TIME,
    });
    state.url = await state.portal.listen({ host: '127.0.0.1', port: 0 });
  }, 60_000);

  afterAll(async () => {
    await state.portal?.close();
    if (state.schema !== undefined) await dropTestSchema(state.schema);
    if (state.dir !== undefined) await rm(state.dir, { recursive: true, force: true });
  });

  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The test portal is not up yet (use it inside a test or hook).');
    return value;
  };
  const t: TestPortal = {
    dialect,
    get portal() {
      return need(state.portal);
    },
    get url() {
      return need(state.url);
    },
    get seed() {
      return need(state.seed);
    },
    clock,
    password(email) {
      const account = need(state.seed).accounts.find((a) => a.email === email);
      if (account === undefined) throw new Error(`no demo account ${email}`);
      return account.password;
    },
    async signIn(email) {
      const reply = await request<{ token: string }>(need(state.url), 'POST', '/api/v1/sessions', {
        body: { email, password: t.password(email) },
      });
      if (reply.status !== 200)
        throw new Error(`sign-in of ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body.token;
    },
    request: (method, path, options) => request(need(state.url), method, path, options),
    raw: (method, path, options) => rawRequest(need(state.url), method, path, options),
  };
  return t;
}

/** Declares `body` on SQLite and on PostgreSQL (skipped, saying why, when PostgreSQL cannot be reached). */
export function describePortal(title: string, body: (t: TestPortal) => void): void {
  describe(`${title} [sqlite]`, () => body(setUp('sqlite')));
  const skip = postgresProblem === undefined ? '' : ` — SKIPPED: PostgreSQL not reachable at ${POSTGRES_URL}`;
  describe.skipIf(postgresProblem !== undefined)(`${title} [postgres${skip}]`, () => body(setUp('postgres')));
}

/** The coded body of a failed reply, with the checks every coded error must pass. */
export function coded(reply: Reply): ErrorBody {
  const body = reply.body as ErrorBody;
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.code !== 'string' ||
    typeof body.remedy !== 'string' ||
    body.remedy.trim() === ''
  ) {
    throw new Error(`expected a coded error body, got ${reply.status} ${reply.bytes.toString('utf8').slice(0, 200)}`);
  }
  return body;
}

export const NW_ADMIN = 'admin@northwind.example';
export const NW_IT = 'it@northwind.example';
export const CG_ADMIN = 'admin@contoso.example';
export const CG_IT = 'it@contoso.example';
export const ENGINEER = 'engineer@hicare.example';
export const PORTAL_ADMIN = 'admin@hicare.example';
