/**
 * The app's handlers as a window reaches them: through the contract's dispatcher (so every argument is validated as
 * over IPC or HTTP), over the app runtime every host starts, on a real demo portal given to it through the demo
 * port, with the events the runtime emits recorded.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createDispatcher,
  type Envelope,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../shared/api/define.js';
import { appApi, type AppApi } from '../../../shared/contracts/app-api.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { silentLogger, systemClock, type HostAdapter } from '../../../electron/core/adapters.js';
import type { CallContext } from '../../../electron/core/app-handlers.js';
import type { AppSession, AppSessionOptions } from '../../../electron/core/app/app-session.js';
import type { DemoLauncher } from '../../../electron/core/app/demo-port.js';
import { createAppRuntime } from '../../../electron/core/app/runtime.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import type { SettingsService } from '../../../electron/core/settings.js';
import type { DemoPortal } from '../client-core/demo-portal.js';

export interface Recorded {
  event: EventName<AppApi>;
  payload: unknown;
}

export interface AppUnderTest {
  session: AppSession;
  settings: SettingsService;
  dataDirectory: string;
  events: Recorded[];
  /** The raw envelope, as a window gets it. */
  dispatch(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** The value of a call that must succeed. */
  call<M extends MethodName<AppApi>>(method: M, input: MethodInput<AppApi, M>): Promise<MethodOutput<AppApi, M>>;
  /** The error body of a call that must fail. */
  refused(method: string, input: unknown): Promise<ErrorBody>;
  eventsOf<E extends EventName<AppApi>>(event: E): EventPayload<AppApi, E>[];
  /** Resolves with the first event of that name (already recorded or to come) that `predicate` accepts. */
  waitForEvent<E extends EventName<AppApi>>(
    event: E,
    predicate: (payload: EventPayload<AppApi, E>) => boolean,
    ms?: number,
  ): Promise<EventPayload<AppApi, E>>;
  close(): Promise<void>;
}

let apps = 0;

/** The test's demo portal through the port the hosts use; `wanted: false` leaves the app with no portal at all. */
function demoOf(demo: DemoPortal, wanted: boolean): DemoLauncher {
  return {
    wanted: () => Promise.resolve(wanted),
    // The test owns the demo portal: the app only stops using it.
    start: () =>
      Promise.resolve({
        url: demo.url,
        rootFile: demo.rootFile,
        accounts: demo.seed.accounts,
        close: () => Promise.resolve(),
      }),
  };
}

/** `dataDirectory`: an earlier app's, to start the app again over the same data (a restart). */
export async function appOn(
  demo: DemoPortal,
  {
    dataDirectory: reused,
    trustDemo,
    ...options
  }: Partial<Pick<AppSessionOptions, 'firstCheckDelayMs' | 'liveBackoff'>> & {
    trustDemo?: boolean;
    dataDirectory?: string;
  } = {},
): Promise<AppUnderTest> {
  const dataDirectory = reused ?? join(demo.dir, `app-${++apps}`);
  await mkdir(dataDirectory, { recursive: true });
  const host: HostAdapter = {
    kind: 'web',
    appName: 'Hi-Care Update Manager',
    appVersion: '1.2.3',
    platform: 'linux-x64',
    paths: { dataDirectory, downloadDirectory: join(dataDirectory, 'downloads') },
    clock: systemClock,
    logger: silentLogger,
    secrets: new FileSecretStore(join(dataDirectory, 'secrets')),
  };
  const events: Recorded[] = [];
  const listeners = new Set<() => void>();
  const runtime = await createAppRuntime({
    host,
    env: {},
    demo: demoOf(demo, trustDemo ?? true),
    uiBuilt: () => true,
    session: { client: { downloadRetries: 1 }, ...options },
    emit: (event, payload) => {
      events.push({ event, payload });
      for (const l of [...listeners]) l();
    },
  });
  const { session, settings } = runtime;
  const dispatch = createDispatcher<AppApi, CallContext>(appApi, runtime.handlers);
  const app: AppUnderTest = {
    session,
    settings,
    dataDirectory,
    events,
    dispatch: (method, input) => dispatch(method, input, { origin: 'test' }),
    async call(method, input) {
      const reply = await dispatch(method, input, { origin: 'test' });
      if (!reply.ok) throw new Error(`${method} failed: ${reply.error.code}: ${reply.error.message}`);
      return reply.value as never;
    },
    async refused(method, input) {
      const reply = await dispatch(method, input, { origin: 'test' });
      if (reply.ok)
        throw new Error(`${method} was expected to fail but answered ${JSON.stringify(reply.value).slice(0, 300)}`);
      return reply.error;
    },
    eventsOf(event) {
      return events.filter((e) => e.event === event).map((e) => e.payload) as never;
    },
    waitForEvent(event, predicate, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = app.eventsOf(event).find(predicate);
          if (found === undefined) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `no ${event} event came within ${ms} ms; got ${JSON.stringify(app.eventsOf(event)).slice(0, 500)}`,
            ),
          );
        }, ms);
        if (!check()) listeners.add(check);
      });
    },
    close: () => runtime.close(),
  };
  return app;
}
