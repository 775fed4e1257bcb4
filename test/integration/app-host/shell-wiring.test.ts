/**
 * The shell's wiring of update counts through shellRuntime, the function main.ts starts the app with, over a real
 * demo portal (loopback, SQLite, signed catalog): the session's scheduled background check reaches the tray and one
 * notification, the tray's Check now and the user's own check in the window keep the tray right, and a release the
 * vendor publishes later is announced once.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type EventName } from '../../../shared/api/define.js';
import { appApi, type AppApi } from '../../../shared/contracts/app-api.js';
import { silentLogger, systemClock, type HostAdapter } from '../../../electron/core/adapters.js';
import type { CallContext } from '../../../electron/core/app-handlers.js';
import type { AppSession } from '../../../electron/core/app/app-session.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { Notifier, UpdateNotifications } from '../../../electron/main/notifications.js';
import { shellRuntime } from '../../../electron/main/shell-runtime.js';
import { ShellTray } from '../../../electron/main/tray.js';
import { allowedInViews } from '../../../electron/main/update-count.js';
import { parseRoute } from '../../../renderer/src/lib/routes.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { FakeTray, fakeNotifications, type FakeMenu } from '../../unit/electron/shell-fakes.js';
import { publishCobaltUpdate } from './cobalt-release.js';

const CUSTOMER = 'admin@northwind.example';

let demo: DemoPortal;
let session: AppSession;
let closeApp: () => Promise<void> = () => Promise.resolve();
let call: (method: string, input: unknown) => Promise<unknown>;
const fakeTray = new FakeTray();
const notifications = fakeNotifications();
const windowEvents: { event: EventName<AppApi>; payload: unknown }[] = [];
const opened: (string | undefined)[] = [];

beforeAll(async () => {
  demo = await startDemoPortal();
  const dataDirectory = join(demo.dir, 'shell-app');
  await mkdir(dataDirectory, { recursive: true });
  const host: HostAdapter = {
    kind: 'electron',
    appName: 'Hi-Care Update Manager',
    appVersion: '1.2.3',
    platform: 'linux-x64',
    paths: { dataDirectory, downloadDirectory: join(dataDirectory, 'downloads') },
    clock: systemClock,
    logger: silentLogger,
    secrets: new FileSecretStore(join(dataDirectory, 'secrets')),
  };

  // As in main.ts: the tray and notifications around the runtime shellRuntime starts.
  const notifier = new Notifier({
    create: notifications.create,
    isSupported: notifications.isSupported,
    logger: silentLogger,
  });
  const updateNotifications = new UpdateNotifications({ notifier, open: (route) => void opened.push(route) });
  const tray = new ShellTray<FakeMenu>({
    createTray: () => fakeTray,
    buildMenu: (items) => ({ items }),
    open: () => void opened.push(undefined),
    checkNow: () => session.backgroundCheck(),
    quit: () => undefined,
    platform: 'linux',
    logger: silentLogger,
  });
  const runtime = await shellRuntime({
    host,
    env: {},
    // The test's portal, as `npm start` hands its demo to the shell.
    demo: {
      start: () =>
        Promise.resolve({
          url: demo.url,
          rootFile: demo.rootFile,
          accounts: demo.seed.accounts,
          close: () => Promise.resolve(),
        }),
    },
    session: { client: { downloadRetries: 1 }, firstCheckDelayMs: 50 },
    toWindows: (event, payload) => void windowEvents.push({ event, payload }),
    announced: (count) => {
      tray.showCount(count);
      updateNotifications.announce(count);
    },
    seen: (count) => {
      tray.showCount(count);
      updateNotifications.seen(count);
    },
  });
  session = runtime.session;
  closeApp = () => runtime.close();
  const handlers = runtime.handlers;
  const dispatch = createDispatcher<AppApi, CallContext>(appApi, handlers);
  call = async (method, input) => {
    const reply = await dispatch(method, input, { origin: 'app://hicare' });
    if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
    return reply.value;
  };
}, 60_000);

afterAll(async () => {
  await closeApp();
  await demo?.close();
});

const countIn = (toolTip: string): number => Number(/: (\d+) updates? available$/.exec(toolTip)?.[1] ?? NaN);

describe('the shell over a real app session', () => {
  let first = 0;

  it('the scheduled background check reaches the tray, one notification and the window', async () => {
    await call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
    session.start();
    await vi.waitFor(() => expect(fakeTray.toolTip).toMatch(/\d+ updates? available$/), {
      timeout: 10_000,
      interval: 25,
    });
    first = countIn(fakeTray.toolTip);
    expect(first).toBeGreaterThan(0);
    expect(notifications.shown()).toEqual([
      {
        title: 'Updates available',
        body:
          first === 1 ? '1 update is available for your systems' : `${first} updates are available for your systems`,
      },
    ]);
    expect(
      windowEvents.filter((e) => e.event === 'updates.available').map((e) => (e.payload as { count: number }).count),
    ).toEqual([first]);
  });

  it('Check now in the tray with nothing new: the same count, no second notification', async () => {
    await fakeTray.item('Check now').click?.();
    await vi.waitFor(() => expect(fakeTray.item('Check now').enabled).toBe(true));
    expect(countIn(fakeTray.toolTip)).toBe(first);
    expect(notifications.made).toHaveLength(1);
  });

  it('a release the vendor publishes: Check now shows it and notifies once; the notification opens the updates screen', async () => {
    await publishCobaltUpdate(demo, '4.2.3');
    await session.backgroundCheck();
    expect(countIn(fakeTray.toolTip)).toBe(first + 1);
    expect(notifications.shown().map((c) => c.body)).toEqual([
      expect.any(String),
      `${first + 1} updates are available for your systems`,
    ]);
    notifications.made.at(-1)?.click();
    expect(parseRoute(opened.at(-1) ?? '')).toEqual({ name: 'systems' });
  });

  it('the user’s own check in the window updates the tray, and is not notified again later', async () => {
    await publishCobaltUpdate(demo, '4.2.4');
    const result = (await call('updates.check', {})) as { resolutions: Parameters<typeof allowedInViews>[0] };
    expect(allowedInViews(result.resolutions)).toBe(first + 2);
    expect(countIn(fakeTray.toolTip)).toBe(first + 2);
    await session.backgroundCheck();
    expect(notifications.made).toHaveLength(2);
  });
});
