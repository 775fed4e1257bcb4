/**
 * `npm start` with Electron: the demo portal runs in a process of its own (electron/demo/run.ts) and the shell
 * takes it through the file that process names, so the shell never loads the portal. The shell's side here is the
 * runtime with the attached-demo launcher, as main.ts starts it unpackaged.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../../electron/core/adapters.js';
import { attachedDemo, DEMO_FILE_VARIABLE } from '../../../electron/core/app/attached-demo.js';
import { createAppRuntime } from '../../../electron/core/app/runtime.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'hicare-demo-beside-'));
const running = new Set<ChildProcessByStdio<Writable, Readable, Readable>>();

/** Starts the demo process and answers what it printed on its one line: the demo file, or '' for no demo. */
async function runDemo(
  env: Record<string, string>,
): Promise<{ child: ChildProcessByStdio<Writable, Readable, Readable>; file: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/demo/run.ts'], {
    cwd: ROOT,
    env: { ...process.env, HICARE_HOME: home, HICARE_PORTAL: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const file = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const line = new RegExp(`^${DEMO_FILE_VARIABLE}=(.*)$`, 'm').exec(stdout);
      if (line !== null) resolve(line[1] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`the demo process exited with ${String(code)}:\n${output}`)));
  });
  return { child, file };
}

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

describe('the demo portal beside the Electron shell', () => {
  it('runs the demo, and the shell trusts its root and offers its accounts; it stops with npm start', async () => {
    const { child, file } = await runDemo({});
    expect(file).toBe(join(home, 'demo-portal', 'demo-in-use.json'));
    // It holds the demo passwords: readable by the user only.
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const runtime = await createAppRuntime({
      host: {
        kind: 'electron',
        appName: 'Hi-Care Update Manager',
        appVersion: '1.2.3',
        platform: 'linux-x64',
        paths: { dataDirectory: home, downloadDirectory: join(home, 'downloads') },
        clock: systemClock,
        logger: silentLogger,
        secrets: new FileSecretStore(join(home, 'secrets')),
      },
      env: { [DEMO_FILE_VARIABLE]: file },
      demo: attachedDemo,
      uiBuilt: () => true,
    });
    try {
      const view = await runtime.session.view();
      expect(view.portalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(view.trust).toMatchObject({ rootPath: join(home, 'demo-portal', 'tuf', '1.root.json'), shipped: false });
      expect(view.demoAccounts?.map((a) => a.role)).toContain('customer-admin');
      const me = await runtime.session.signIn(
        'admin@contoso.example',
        view.demoAccounts?.find((a) => a.email === 'admin@contoso.example')?.password ?? '',
      );
      expect(me.account?.customerId).toBe('contoso');
    } finally {
      await runtime.close();
    }

    // npm start ends: the demo process sees its input close, stops the portal and removes the file.
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.stdin.end();
    expect(await exited).toBe(0);
    running.delete(child);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it('runs no demo when a portal is configured, and says so', async () => {
    const { child, file } = await runDemo({ HICARE_PORTAL: 'http://127.0.0.1:9' });
    expect(file).toBe('');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
    running.delete(child);
  }, 60_000);

  it('an unreadable demo file is a plain error saying how to start again', async () => {
    await expect(
      attachedDemo.start({
        appDataDirectory: home,
        settings: {} as never,
        env: { [DEMO_FILE_VARIABLE]: join(home, 'missing.json') },
        logger: silentLogger,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The demo portal started beside the app could not be read.',
    });
  });
});
