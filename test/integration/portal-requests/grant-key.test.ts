/**
 * The key for remote-access passwords comes from configuration and is checked at start. On PostgreSQL two instances
 * with their own data directories and the same key reveal each other's grants; a missing key, a key that does not
 * open the stored grants, and a malformed setting are refused with their code and remedy, and nothing is written.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant, ServiceRequest } from '../../../shared/contracts/requests.js';
import { seedDemo, type DemoSeedResult } from '../../../portal/demo/seed.js';
import { createPortal, type Portal, type PortalOptions } from '../../../portal/server.js';
import { ENGINEER, NW_ADMIN, SEED_TIME } from '../portal-api/harness.js';
import { createTestSchema, dropTestSchema, POSTGRES_URL, postgresProblem } from '../postgres.js';
import { requestBody } from './support.js';

const KEY = randomBytes(32).toString('base64');
const OTHER_KEY = randomBytes(32).toString('base64');

let root = '';
let dirs = 0;
const running: Portal[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hicare-grant-key-'));
});

afterAll(async () => {
  for (const portal of running) await portal.close();
  await rm(root, { recursive: true, force: true });
});

function dataDirectory(): string {
  return join(root, `instance-${++dirs}`);
}

async function start(options: Omit<PortalOptions, 'now' | 'refreshEveryMs'>): Promise<{ portal: Portal; url: string }> {
  const portal = await createPortal({ ...options, now: () => new Date(SEED_TIME), refreshEveryMs: 0 });
  running.push(portal);
  return { portal, url: await portal.listen({ host: '127.0.0.1', port: 0 }) };
}

async function call<T>(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const reply = await fetch(url + path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: reply.status, body: (await reply.json()) as T };
}

async function signIn(url: string, seed: DemoSeedResult, email: string): Promise<string> {
  const password = seed.accounts.find((a) => a.email === email)?.password ?? '';
  const reply = await call<{ token: string }>(url, 'POST', '/api/v1/sessions', undefined, { email, password });
  expect(reply.status).toBe(200);
  return reply.body.token;
}

/** A grant on a request the demo engineer took, made through the portal at `url`. */
async function grantThrough(url: string, seed: DemoSeedResult): Promise<Grant & { password: string }> {
  const admin = await signIn(url, seed, NW_ADMIN);
  const created = await call<ServiceRequest>(
    url,
    'POST',
    '/api/v1/requests',
    admin,
    requestBody({ faultDescription: 'Remote access for the grant key test.' }),
  );
  expect(created.status).toBe(201);
  const accepted = await call(
    url,
    'POST',
    `/api/v1/requests/${created.body.id}/actions`,
    await signIn(url, seed, ENGINEER),
    { action: 'accept' },
  );
  expect(accepted.status).toBe(200);
  const grant = await call<Grant & { password: string }>(
    url,
    'POST',
    `/api/v1/requests/${created.body.id}/grants`,
    admin,
    {
      channel: 'ssh',
      address: 'nw-jump.example:22',
      account: 'hicare-tac',
      scope: 'diagnose',
    },
  );
  expect(grant.status).toBe(200);
  return grant.body;
}

async function revealed(url: string, seed: DemoSeedResult, grantId: string): Promise<string> {
  const reply = await call<{ password: string }>(
    url,
    'GET',
    `/api/v1/grants/${grantId}/password`,
    await signIn(url, seed, ENGINEER),
  );
  expect(reply.status).toBe(200);
  return reply.body.password;
}

async function refusal(
  options: Omit<PortalOptions, 'now' | 'refreshEveryMs'>,
): Promise<{ code: string; message: string; remedy: string }> {
  const error = await start(options).then(
    () => undefined,
    (e: unknown) => e as { code: string; message: string; remedy: string },
  );
  if (error === undefined) throw new Error('the portal started although it should have refused');
  return error;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe.skipIf(postgresProblem !== undefined)('the grant key on PostgreSQL', () => {
  let schema = '';
  let seed: DemoSeedResult;
  const database = (): Pick<PortalOptions, 'databaseUrl' | 'databaseSchema'> => ({
    databaseUrl: POSTGRES_URL,
    databaseSchema: schema,
  });

  beforeAll(async () => {
    schema = await createTestSchema();
    const seeding = await createPortal({
      dataDirectory: dataDirectory(),
      ...database(),
      refreshEveryMs: 0,
      grantKeyEnv: { HICARE_GRANT_KEY: KEY },
    });
    seed = await seedDemo({
      db: seeding.db,
      catalog: seeding.catalog,
      keysDir: seeding.layout.keysDir,
      now: SEED_TIME,
    });
    await seeding.close();
  }, 60_000);

  afterAll(async () => {
    if (schema !== '') await dropTestSchema(schema);
  });

  it('refuses to start without a configured key, saying how to make one', async () => {
    const dir = dataDirectory();
    const error = await refusal({ dataDirectory: dir, ...database(), grantKeyEnv: {} });
    expect(error.code).toBe('GRANT_KEY_MISSING');
    expect(error.message).toContain('PostgreSQL');
    expect(error.remedy).toContain('hicare-portal keys grant-key');
    expect(error.remedy).toContain('HICARE_GRANT_KEY');
    expect(await exists(join(dir, 'keys'))).toBe(false);
  });

  it('reveals on a second instance, with its own data directory and the same key, a grant made on the first', async () => {
    const a = await start({ dataDirectory: dataDirectory(), ...database(), grantKeyEnv: { HICARE_GRANT_KEY: KEY } });
    const keyFile = join(root, 'grant.key');
    await writeFile(keyFile, `${KEY}\n`, { mode: 0o600 });
    const bDir = dataDirectory();
    const b = await start({ dataDirectory: bDir, ...database(), grantKeyEnv: { HICARE_GRANT_KEY_FILE: keyFile } });
    const grant = await grantThrough(a.url, seed);
    expect(await revealed(b.url, seed, grant.id)).toBe(grant.password);
    // Neither instance made a key of its own.
    for (const portal of [a.portal, b.portal])
      expect(await exists(join(portal.layout.dataDirectory, 'keys', 'grant-secrets.key'))).toBe(false);
  });

  it('refuses to start with a key that does not open the stored grants, and makes no key of its own', async () => {
    const dir = dataDirectory();
    const error = await refusal({ dataDirectory: dir, ...database(), grantKeyEnv: { HICARE_GRANT_KEY: OTHER_KEY } });
    expect(error.code).toBe('GRANT_KEY_MISMATCH');
    expect(error.message).toContain('HICARE_GRANT_KEY');
    expect(error.message).not.toContain(OTHER_KEY);
    expect(error.remedy).toMatch(/key the grants were made with/);
    expect(await exists(dir)).toBe(false);
  });
});

describe('the grant key on SQLite', () => {
  it('keeps the key file in the data directory when none is configured, and refuses to replace a lost one', async () => {
    const dir = dataDirectory();
    const first = await start({ dataDirectory: dir, grantKeyEnv: {} });
    const seed = await seedDemo({
      db: first.portal.db,
      catalog: first.portal.catalog,
      keysDir: first.portal.layout.keysDir,
      now: SEED_TIME,
    });
    const grant = await grantThrough(first.url, seed);
    const keyFile = join(dir, 'keys', 'grant-secrets.key');
    expect(await exists(keyFile)).toBe(true);
    const keyText = (await readFile(keyFile, 'utf8')).trim();
    await first.portal.close();
    running.splice(running.indexOf(first.portal), 1);

    // The same key given by configuration opens the grants made with the file (how a single portal moves to a key it is given).
    const configured = await start({ dataDirectory: dir, grantKeyEnv: { HICARE_GRANT_KEY: keyText } });
    expect(await revealed(configured.url, seed, grant.id)).toBe(grant.password);
    await configured.portal.close();
    running.splice(running.indexOf(configured.portal), 1);

    const wrong = await refusal({ dataDirectory: dir, grantKeyEnv: { HICARE_GRANT_KEY: OTHER_KEY } });
    expect(wrong.code).toBe('GRANT_KEY_MISMATCH');

    await unlink(keyFile);
    const lost = await refusal({ dataDirectory: dir, grantKeyEnv: {} });
    expect(lost).toMatchObject({ code: 'GRANT_KEY_MISSING', message: expect.stringContaining(keyFile) as string });
    expect(lost.remedy).toMatch(/Restore the file/);
    expect(await readdir(join(dir, 'keys'))).not.toContain('grant-secrets.key');
  });

  it.each([
    ['a key that is not base64', { HICARE_GRANT_KEY: 'not a key at all!' }, 'GRANT_KEY_MISSING'],
    ['a key of 31 bytes', { HICARE_GRANT_KEY: randomBytes(31).toString('base64') }, 'GRANT_KEY_MISSING'],
    ['a key file that does not exist', { HICARE_GRANT_KEY_FILE: '/nonexistent/grant.key' }, 'GRANT_KEY_MISSING'],
    [
      'both a key and a key file',
      { HICARE_GRANT_KEY: KEY, HICARE_GRANT_KEY_FILE: '/nonexistent/grant.key' },
      'INVALID_INPUT',
    ],
  ])('refuses %s with a coded error and a remedy, writing nothing', async (_what, env, code) => {
    const dir = dataDirectory();
    const error = await refusal({ dataDirectory: dir, grantKeyEnv: env });
    expect(error.code).toBe(code);
    expect(error.remedy.length).toBeGreaterThan(10);
    expect(`${error.message} ${error.remedy}`).not.toMatch(/ENOENT|Error:|at .*\.ts/);
    expect(await exists(join(dir, 'keys'))).toBe(false);
  });
});
