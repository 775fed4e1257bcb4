/**
 * What a script sees from `hicare`, against the real demo portal: a target that does not exist is "not found" (7),
 * a package for another product or platform "does not fit" (8) — neither is "not trusted" (4) — and a question that
 * cannot be asked (no terminal, no --yes) stops with "not confirmed" (10) and sends nothing. Requests are named by
 * their number as well as their id; a number that does not exist is "not found" with the command that lists them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { INTERNAL_TEXT, runHicare } from './run-hicare.js';

const ADMIN = 'admin@contoso.example';
let demo: DemoPortal;

function hicare(args: string[], env: Record<string, string> = {}) {
  return runHicare(args, { HICARE_HOME: join(demo.dir, 'home'), HICARE_PORTAL: demo.url, ...env });
}

async function installedVersion(serial: string): Promise<string | null> {
  const { systems } = JSON.parse((await hicare(['--json', 'systems'])).stdout) as {
    systems: { serialNumber: string; installedVersion: string | null }[];
  };
  return systems.find((s) => s.serialNumber === serial)?.installedVersion ?? null;
}

async function requestNumbers(): Promise<string[]> {
  const { requests } = JSON.parse((await hicare(['--json', 'request', 'list'])).stdout) as {
    requests: { number: string }[];
  };
  return requests.map((r) => r.number);
}

beforeAll(async () => {
  demo = await startDemoPortal();
  expect((await hicare(['trust', demo.rootFile, '--yes'])).code).toBe(0);
  expect((await hicare(['login', '--email', ADMIN], { HICARE_PASSWORD: demo.password(ADMIN) })).code).toBe(0);
}, 60_000);
afterAll(async () => demo.close());

describe('hicare exit codes', () => {
  it('a target that does not exist is not found (7), not untrusted; nothing is installed', async () => {
    const run = await hicare([
      'install',
      'atlas/9.9.9/linux-x64/atlas-9.9.9-linux-x64.tar.gz',
      '--serial',
      'CG-ATL-0001',
    ]);
    expect(run.code, run.stderr).toBe(7);
    expect(run.stderr).toMatch(/^error TARGET_UNKNOWN: The signed catalog has no package atlas\/9\.9\.9/m);
    expect(await installedVersion('CG-ATL-0001')).toBe('1.4.2');
  });

  it.each([
    ['another product', 'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz'],
    ['another platform', 'atlas/1.9.0/win-x64/atlas-1.9.0-win-x64.tar.gz'],
  ])('a package for %s does not fit the system (8); nothing is installed', async (_what, target) => {
    const run = await hicare(['install', target, '--serial', 'CG-ATL-0001']);
    expect(run.code, run.stderr).toBe(8);
    expect(run.stderr).toMatch(/^error PACKAGE_NOT_FOR_SYSTEM: .*CG-ATL-0001/m);
    expect(run.stderr).toContain('Nothing was installed.');
    expect(await installedVersion('CG-ATL-0001')).toBe('1.4.2');
  });

  it('a question without a terminal and without --yes exits 10 and sends nothing', async () => {
    const before = await requestNumbers();
    const run = await hicare([
      'request',
      'create',
      '--serial',
      'CG-ATL-0001',
      '--description',
      'The display flickers.',
      '--priority',
      'P4',
    ]);
    expect(run.code, run.stderr).toBe(10);
    expect(run.stderr).toMatch(/^error CONFIRMATION_REQUIRED: Nothing was sent\./m);
    expect(run.stderr).toContain('--yes');
    expect(run.stdout).toBe('');
    expect(await requestNumbers()).toEqual(before);
  });
});

describe('requests named by their number', () => {
  it('show, message and the other request commands take the number (any case) as well as the id', async () => {
    const created = await hicare([
      '--json',
      'request',
      'create',
      '--serial',
      'CG-ATL-0001',
      '--description',
      'Fan noise on the controller.',
      '--priority',
      'P4',
      '--yes',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { request } = JSON.parse(created.stdout) as { request: { id: string; number: string } };
    expect(request.number).toMatch(/^TAC-\d{4}-\d{6}$/);

    const byNumber = await hicare(['request', 'show', request.number]);
    expect(byNumber.code, byNumber.stderr).toBe(0);
    expect(byNumber.stdout).toContain('Fan noise on the controller.');
    expect((await hicare(['request', 'show', request.id])).stdout).toBe(byNumber.stdout);
    const message = await hicare([
      'request',
      'message',
      request.number.toLowerCase(),
      'It started after the last update.',
    ]);
    expect(message.code, message.stderr).toBe(0);
    const detail = JSON.parse((await hicare(['--json', 'request', 'show', request.number])).stdout) as {
      request: { messages: { body: string }[] };
    };
    expect(detail.request.messages.map((m) => m.body)).toContain('It started after the last update.');
  });

  it('reject asks why: without --reason it is wrong usage (2) and the request stays as it was', async () => {
    const created = await hicare([
      '--json',
      'request',
      'create',
      '--serial',
      'CG-ATL-0001',
      '--description',
      'Alarm light stays on.',
      '--priority',
      'P4',
      '--yes',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { request } = JSON.parse(created.stdout) as { request: { number: string; state: string } };
    for (const args of [
      ['request', 'reject', request.number],
      ['request', 'reject', request.number, '--reason', '  '],
    ]) {
      const run = await hicare(args);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain('Give --reason: say why the solution did not work.');
    }
    const after = JSON.parse((await hicare(['--json', 'request', 'show', request.number])).stdout) as {
      request: { state: string };
    };
    expect(after.request.state).toBe(request.state);
  });

  it.each([
    ['show', ['request', 'show', 'TAC-2026-999999']],
    ['message', ['request', 'message', 'TAC-2026-999999', 'hello']],
    ['confirm', ['request', 'confirm', 'TAC-2026-999999']],
    ['survey', ['request', 'survey', 'TAC-2026-999999', '--rating', '5']],
  ])(
    '%s with a number that does not exist is not found (7), in plain words with the command that lists them',
    async (_what, args) => {
      const run = await hicare(args);
      expect(run.code, run.stderr).toBe(7);
      expect(run.stderr).toMatch(
        /^error NOT_FOUND: There is no request TAC-2026-999999 among the requests your account can see\./m,
      );
      expect(run.stderr).toContain('Command: hicare request list');
      expect(run.stderr).not.toMatch(INTERNAL_TEXT);
    },
  );
});
