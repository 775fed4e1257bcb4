/**
 * Remote guidance from the desktop, against the real demo portal, through the `hicare` CLI and the API: a failed
 * install whose log holds a secret → the matching known issue → the draft with its redaction preview → sent → accepted
 * → the engineer's first contact (SLA met) → a grant created, read by the engineer, revoked → solution proposed →
 * confirmed → closed → survey answered. And the outbox: a request made while the portal is down is sent once it is back,
 * and a creation whose answer is lost is retried into exactly one request.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient } from '../../../electron/core/portal/client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { publishReleases } from '../../../portal/admin/publish.js';
import { createTarGz } from '../../../portal/demo/tar.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { runHicare, type Run } from '../client-cli/run-hicare.js';

const SECRET = 'Pl4ntedS3cret-do-not-send';
const CUSTOMER = 'admin@contoso.example';
const FAILING = 'cobalt/4.2.2/linux-x64/cobalt-4.2.2-linux-x64.tar.gz';

let demo: DemoPortal;
let home = '';

function hicare(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runHicare(args, { HICARE_HOME: home, HICARE_PORTAL: demo.url, ...env });
}

/** A cobalt update whose installer logs a connection string with a password, then fails like 4.2.1 does. */
async function publishFailingRelease(): Promise<void> {
  const script = [
    '#!/bin/sh',
    'echo "Installing cobalt 4.2.2 into $1"',
    `echo "metrics store: postgres://cobalt:${SECRET}@db.contoso.example:5432/metrics" >&2`,
    'echo "ERROR 1603: pre-install check failed: service cobalt-agent is still running (pid 4711); stop the service and retry" >&2',
    'exit 3',
    '',
  ].join('\n');
  const file = join(demo.dir, 'cobalt-4.2.2-linux-x64.tar.gz');
  await writeFile(file, createTarGz([{ path: 'install.sh', mode: 0o755, content: script }]));
  await publishReleases(
    demo.portal.db,
    demo.portal.catalog,
    [
      {
        file,
        custom: {
          product: 'cobalt',
          version: '4.2.2',
          platform: 'linux',
          arch: 'x64',
          installer: { type: 'script', entry: 'install.sh', args: ['{target}'], timeoutSeconds: 60, elevate: false },
          detection: { kind: 'file', path: '{target}/cobalt/VERSION', regex: '^(\\S+)' },
        },
      },
    ],
    new Date(),
  );
}

async function portalClient(email: string): Promise<PortalClient> {
  const client = new PortalClient({
    portalUrl: demo.url,
    secrets: new FileSecretStore(await mkdtemp(join(demo.dir, 'secrets-'))),
  });
  await client.signIn(email, demo.password(email));
  return client;
}

beforeAll(async () => {
  demo = await startDemoPortal();
  home = join(demo.dir, 'home');
  await publishFailingRelease();
  expect((await hicare(['trust', demo.rootFile, '--yes'])).code).toBe(0);
  expect((await hicare(['login', '--email', CUSTOMER], { HICARE_PASSWORD: demo.password(CUSTOMER) })).code).toBe(0);
}, 60_000);
afterAll(async () => demo.close());

describe('remote guidance from the desktop', () => {
  it('walks a failed install through known issues, a redacted request, remote access and a survey', async () => {
    const install = await hicare(['install', FAILING, '--serial', 'CG-COB-0001']);
    expect(install.code).toBe(5);
    expect(install.stderr).toContain('hicare request create --from-failure last');

    const created = await hicare(['request', 'create', '--from-failure', 'last', '--yes']);
    expect(created.code, created.stderr).toBe(0);
    // Known issues first, then the draft with what redaction removed.
    expect(created.stderr).toMatch(/Known issues that match this failure[\s\S]*cobalt-4-precheck-exit-3/);
    expect(created.stderr).toMatch(
      /Redaction removed 1 secret:\n {4}- connection-string in \$\.installFailure\.log line \d+: /,
    );
    expect(created.stderr).not.toContain(SECRET);
    const number = /Sent: (TAC-\d{4}-\d{6})/.exec(created.stdout)?.[1];
    expect(number).toBeDefined();

    const engineer = await portalClient('engineer@hicare.example');
    const queued = (await engineer.call('listRequests', {})).requests.find((r) => r.number === number);
    expect(queued).toMatchObject({
      state: 'submitted',
      serialNumber: 'CG-COB-0001',
      priority: 'P3',
      product: 'cobalt',
    });
    const id = queued!.id;
    const detail = await engineer.call('getRequest', { params: { id } });
    // The secret never reached the portal; the engineer still sees where it was and everything else.
    expect(JSON.stringify(detail)).not.toContain(SECRET);
    expect(detail.installFailure).toMatchObject({
      product: 'cobalt',
      fromVersion: '4.2.0',
      toVersion: '4.2.2',
      exitCode: 3,
    });
    expect(detail.installFailure?.log).toContain('[REDACTED connection-string]');
    expect(detail.installFailure?.log).toContain('pre-install check failed');
    expect(detail.operationRecords.some((r) => r.kind === 'failure')).toBe(true);

    await engineer.call('actOnRequest', { params: { id }, body: { action: 'accept' } });
    await engineer.call('postMessage', {
      params: { id },
      body: { body: 'Please let me look at the turbine controller.' },
    });
    expect((await engineer.call('getRequest', { params: { id } })).sla.state).toBe('met');

    const grant = await hicare([
      '--json',
      'request',
      'grant',
      id,
      '--channel',
      'ssh',
      '--address',
      'turbine-12.contoso.example',
      '--account',
      'tac',
      '--scope',
      'repair',
      '--hours',
      '4',
    ]);
    expect(grant.code, grant.stderr).toBe(0);
    const granted = (JSON.parse(grant.stdout) as { grant: { id: string; password: string } }).grant;
    expect(granted.password.length).toBeGreaterThanOrEqual(20);
    expect((await engineer.call('readGrantPassword', { params: { id: granted.id } })).password).toBe(granted.password);
    expect((await hicare(['request', 'revoke', granted.id])).code).toBe(0);
    await expect(engineer.call('readGrantPassword', { params: { id: granted.id } })).rejects.toMatchObject({
      code: 'GRANT_REVOKED',
    });

    await engineer.call('actOnRequest', { params: { id }, body: { action: 'start-work' } });
    await engineer.call('actOnRequest', {
      params: { id },
      body: {
        action: 'propose-solution',
        solution: { text: 'Stop the cobalt-agent service, then run the installer again.' },
      },
    });
    const confirmed = await hicare(['request', 'confirm', id]);
    expect(confirmed.stdout).toContain('confirmed');
    await engineer.call('actOnRequest', { params: { id }, body: { action: 'close' } });
    const survey = await hicare(['request', 'survey', id, '--rating', '5', '--comment', 'Solved in one call.']);
    expect(survey.code, survey.stderr).toBe(0);
    expect((await hicare(['request', 'survey', id, '--rating', '4'])).code).toBe(1);
    const list = await hicare(['request', 'list']);
    expect(list.stdout).toContain(`${number ?? ''}  closed  P3  CG-COB-0001 (cobalt)`);
  });

  it('keeps a request made while the portal is down and sends it, once, when the portal is back', async () => {
    // A new failure: the one of the first test already has its request.
    expect((await hicare(['install', FAILING, '--serial', 'CG-COB-0001'])).code).toBe(5);
    const port = new URL(demo.url).port;
    const dataDirectory = demo.portal.layout.dataDirectory;
    await demo.portal.close();
    const queued = await hicare(['request', 'create', '--from-failure', 'last', '--yes']);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout).toContain('Queued on this desktop');

    const { createPortal } = await import('../../../portal/server.js');
    demo.portal = await createPortal({ dataDirectory, refreshEveryMs: 0 });
    await demo.portal.listen({ host: '127.0.0.1', port: Number(port) });
    const flushed = await hicare(['request', 'flush']);
    expect(flushed.stdout).toContain('1 sent, 0 still waiting');
    expect((await hicare(['request', 'flush'])).stdout).toContain('0 sent, 0 still waiting');
    const engineer = await portalClient('engineer@hicare.example');
    const open = (await engineer.call('listRequests', {})).requests.filter(
      (r) => r.serialNumber === 'CG-COB-0001' && r.state === 'submitted',
    );
    expect(open).toHaveLength(1);
  });

  it('creates exactly one request when the portal is killed after creating it and the client retries', async () => {
    let dropped = 0;
    const proxy: Server = createServer((req, res) => {
      const target = new URL(req.url ?? '/', demo.url);
      const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
        // The first creation reaches the portal and is stored, but its answer never comes back.
        if (req.method === 'POST' && req.url === '/api/v1/requests' && dropped === 0) {
          dropped++;
          answer.resume();
          res.socket?.destroy();
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const customer = new PortalClient({
        portalUrl: url,
        secrets: new FileSecretStore(await mkdtemp(join(demo.dir, 'secrets-'))),
      });
      await customer.signIn(CUSTOMER, demo.password(CUSTOMER));
      const key = crypto.randomUUID();
      const body = {
        serialNumber: 'CG-ATL-0001',
        location: 'Contoso operations centre, rack B4',
        faultDescription: `retried creation ${key}`,
        priority: 'P4' as const,
        alarms: [],
        operationRecords: [],
      };
      const created = await customer.call('createRequest', { body, idempotencyKey: key });
      expect(dropped).toBe(1);
      const engineer = await portalClient('engineer@hicare.example');
      const matching = (await engineer.call('listRequests', {})).requests.filter(
        (r) => r.faultDescription === body.faultDescription,
      );
      expect(matching.map((r) => r.id)).toEqual([created.id]);
    } finally {
      proxy.close();
    }
  });
});
