/**
 * The web host and the Electron shell start the app through the same runtime: given the same demo portal through
 * the demo port, each makes it the portal with its root trusted explicitly, offers its accounts on the sign-in
 * screen, tells the window when the settings change, and stamps a check with the host's clock, not the system's.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type EventName } from '../../../shared/api/define.js';
import { appApi, type AppApi } from '../../../shared/contracts/app-api.js';
import type { SessionView } from '../../../shared/contracts/app-views.js';
import { silentLogger, type HostAdapter } from '../../../electron/core/adapters.js';
import type { CallContext } from '../../../electron/core/app-handlers.js';
import type { DemoLauncher } from '../../../electron/core/app/demo-port.js';
import type { AppRuntime } from '../../../electron/core/app/runtime.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { shellRuntime } from '../../../electron/main/shell-runtime.js';
import { startWebApp } from '../../../electron/web-host/web-app.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';

const CUSTOMER = 'admin@northwind.example';

interface StartedApp {
  runtime: AppRuntime;
  call(method: string, input: unknown): Promise<unknown>;
  /** Starts listening as a window does; `next` resolves with the payload of the next event of that name. */
  listen(event: EventName<AppApi>): Promise<{ next: Promise<unknown> }>;
  close(): Promise<void>;
}

let demo: DemoPortal;
let work: string;
/** The host's clock stands still: a time stamped from the system clock instead would differ. */
const hostTime = new Date();

beforeAll(async () => {
  demo = await startDemoPortal();
  work = await mkdtemp(join(tmpdir(), 'hicare-one-start-up-'));
}, 60_000);

afterAll(async () => {
  await demo?.close();
  await rm(work, { recursive: true, force: true });
});

function demoLauncher(): DemoLauncher {
  return {
    start: () =>
      Promise.resolve({
        url: demo.url,
        rootFile: demo.rootFile,
        accounts: demo.seed.accounts,
        close: () => Promise.resolve(),
      }),
  };
}

async function hostIn(name: string, kind: HostAdapter['kind']): Promise<HostAdapter> {
  const dataDirectory = join(work, name);
  await mkdir(dataDirectory, { recursive: true });
  return {
    kind,
    appName: 'Hi-Care Update Manager',
    appVersion: '1.2.3',
    platform: 'linux-x64',
    paths: { dataDirectory, downloadDirectory: join(dataDirectory, 'downloads') },
    clock: { now: () => hostTime },
    logger: silentLogger,
    secrets: new FileSecretStore(join(dataDirectory, 'secrets')),
  };
}

/** The web host as `npm start` runs it, reached over HTTP and its event stream like a browser. */
async function webApp(): Promise<StartedApp> {
  const app = await startWebApp({
    host: await hostIn('web', 'web'),
    env: {},
    demo: demoLauncher(),
    rendererDirectory: join(work, 'no-renderer'),
    port: 0,
  });
  const { url, token } = app.web;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    runtime: app.runtime,
    async call(method, input) {
      const reply = (await (
        await fetch(`${url}/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify(input) })
      ).json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
      return reply.value;
    },
    async listen(event) {
      const controller = new AbortController();
      const reader = (await fetch(`${url}/api/events`, { headers, signal: controller.signal })).body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const readUntil = async (found: () => boolean): Promise<void> => {
        while (!found()) text += decoder.decode((await reader.read()).value);
      };
      await readUntil(() => text.includes(': connected'));
      const frame = (): string | undefined => text.split('\n\n').find((f) => f.startsWith(`event: ${event}\n`));
      const next = readUntil(() => frame() !== undefined)
        .then(() => JSON.parse(frame()!.split('\ndata: ')[1] ?? 'null') as unknown)
        .finally(() => controller.abort());
      return { next };
    },
    close: () => app.close(),
  };
}

/** The Electron shell as main.ts starts it, reached through the contract's dispatcher as over IPC. */
async function shellApp(): Promise<StartedApp> {
  const listeners = new Map<string, (payload: unknown) => void>();
  const runtime = await shellRuntime({
    host: await hostIn('shell', 'electron'),
    env: {},
    demo: demoLauncher(),
    toWindows: (event, payload) => listeners.get(event)?.(payload),
    announced: () => undefined,
    seen: () => undefined,
  });
  const dispatch = createDispatcher<AppApi, CallContext>(appApi, runtime.handlers);
  return {
    runtime,
    async call(method, input) {
      const reply = await dispatch(method, input, { origin: 'app://hicare' });
      if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
      return reply.value;
    },
    listen(event) {
      const next = new Promise<unknown>((resolve) => listeners.set(event, resolve));
      return Promise.resolve({ next });
    },
    close: () => runtime.close(),
  };
}

describe.each([
  ['the web host', webApp],
  ['the Electron shell', shellApp],
])('%s starts through the app runtime', (_name, start) => {
  let app: StartedApp;

  beforeAll(async () => {
    app = await start();
  }, 30_000);

  afterAll(async () => {
    await app?.close();
  });

  it('runs on the demo it is given, its root trusted explicitly, its accounts offered at sign-in', async () => {
    const view = (await app.call('session.get', {})) as SessionView;
    expect(view.portalUrl).toBe(demo.url);
    expect(view.trust).toMatchObject({ rootPath: demo.rootFile, shipped: false });
    expect(view.demoAccounts?.map((a) => a.email)).toContain(CUSTOMER);
  });

  it('tells the window when the settings change', async () => {
    const { next } = await app.listen('settings.changed');
    await app.call('settings.update', { checkEveryHours: 12 });
    await expect(next).resolves.toMatchObject({ checkEveryHours: 12, portalUrl: demo.url });
  });

  it('stamps the update check with the host’s clock', async () => {
    await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
    const result = (await app.call('updates.check', {})) as { checkedAt: string };
    expect(result.checkedAt).toBe(hostTime.toISOString());
  });
});
