/**
 * `npm start` on a fresh machine: the web host, started as a real process with an empty HICARE_HOME, runs the
 * embedded demo portal, trusts its root explicitly, offers its accounts on the sign-in screen and signs in with one.
 * A second start reuses the same demo (same accounts, same address, still signed in); with a portal configured
 * through HICARE_PORTAL no demo is started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../shared/contracts/app-views.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'hicare-npm-start-'));

interface Running {
  child: ChildProcess;
  base: string;
  token: string;
  output: string;
  demoUrl: string | null;
  startedInMs: number;
}

const running = new Set<ChildProcess>();

async function startWebHost(env: Record<string, string> = {}): Promise<Running> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HICARE_HOME: home, HICARE_PORTAL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web host did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // The whole banner, demo line included, is printed at once.
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)[\s\S]*Press Ctrl\+C/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the web host exited with ${String(code)}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    child,
    base: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    output,
    demoUrl: /Demo portal: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? null,
    startedInMs: Date.now() - t0,
  };
}

async function stop(host: Running): Promise<void> {
  const exited = new Promise((resolve) => host.child.once('exit', resolve));
  host.child.kill('SIGTERM');
  await exited;
  running.delete(host.child);
}

async function call<T>(
  host: Running,
  method: string,
  input: unknown = {},
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }> {
  const res = await fetch(`${host.base}/api/call/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await res.json()) as never;
}

async function value<T>(host: Running, method: string, input: unknown = {}): Promise<T> {
  const reply = await call<T>(host, method, input);
  if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

describe('npm start on the embedded demo portal', () => {
  let firstDemoUrl = '';
  let password = '';

  it('starts the demo on a fresh machine, offers its accounts and signs in with one', async () => {
    const host = await startWebHost();
    try {
      expect(host.startedInMs).toBeLessThan(10_000);
      expect(host.demoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      firstDemoUrl = host.demoUrl ?? '';
      const view = await value<SessionView>(host, 'session.get');
      expect(view).toMatchObject({
        portalUrl: firstDemoUrl,
        account: null,
        trust: { rootPath: join(home, 'demo-portal', 'tuf', '1.root.json'), shipped: false },
      });
      const admin = view.demoAccounts?.find((a) => a.email === 'admin@contoso.example');
      expect(admin).toMatchObject({ role: 'customer-admin', customer: { tier: 'upgrade-support' } });
      expect(view.demoAccounts?.map((a) => a.role).sort()).toEqual([
        'customer-admin',
        'customer-admin',
        'engineer',
        'it-staff',
        'it-staff',
        'portal-admin',
      ]);
      // The accounts file holds passwords: readable by the user only.
      expect(statSync(join(home, 'demo-portal', 'demo-accounts.json')).mode & 0o777).toBe(0o600);

      password = admin?.password ?? '';
      const signedIn = await value<SessionView>(host, 'session.signIn', { email: 'admin@contoso.example', password });
      expect(signedIn.account).toMatchObject({ email: 'admin@contoso.example', customerId: 'contoso' });
      const info = await value<{ portalUrl: string }>(host, 'app.info');
      expect(info.portalUrl).toBe(firstDemoUrl);
    } finally {
      await stop(host);
    }
  }, 30_000);

  it('reuses the same demo on the next start: same accounts, same address, still signed in', async () => {
    const host = await startWebHost();
    try {
      expect(host.output).not.toContain('seeded the demo portal');
      expect(host.demoUrl).toBe(firstDemoUrl);
      const view = await value<SessionView>(host, 'session.get');
      expect(view.demoAccounts?.find((a) => a.email === 'admin@contoso.example')?.password).toBe(password);
      expect(view.account?.email).toBe('admin@contoso.example');
      const { contracts } = await value<{ contracts: { id: string }[] }>(host, 'contracts.list');
      expect(contracts.map((c) => c.id)).toEqual(['CG-UPS-2026']);
    } finally {
      await stop(host);
    }
  }, 30_000);

  it('starts no demo when a portal is configured', async () => {
    const host = await startWebHost({ HICARE_PORTAL: 'http://127.0.0.1:9' });
    try {
      expect(host.demoUrl).toBeNull();
      expect(host.output).toContain('Portal: http://127.0.0.1:9');
      const view = await value<SessionView>(host, 'session.get');
      expect(view.demoAccounts).toBeNull();
    } finally {
      await stop(host);
    }
  }, 30_000);

  it('refuses a demo port that is not a port number, saying which variable to fix', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'hicare-npm-start-bad-port-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, HICARE_HOME: fresh, HICARE_PORTAL: '', HICARE_DEMO_PORTAL_PORT: 'eighty' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain('HICARE_DEMO_PORTAL_PORT must be a port number');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 30_000);
});
