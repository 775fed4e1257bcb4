/**
 * The app's start-up, once for every host: the settings, the demo portal when the host offers one and the app
 * should run on it, the app session over the portal in use, the handlers of the app API, and the settings changes
 * sent to the window. The Electron shell, the web host and the tests all start the app through createAppRuntime, so
 * what they run is the same wiring.
 */
import { posixLocale, resolveLanguage, type DisplayLocale } from '../../../shared/i18n/locales.js';
import type { HostAdapter } from '../adapters.js';
import { appHandlers } from '../app-handlers.js';
import { SettingsService } from '../settings.js';
import { AppSession, type AppEmit, type AppSessionOptions } from './app-session.js';
import { noPortalConfigured, type DemoLauncher, type RunningDemo } from './demo-port.js';
import type { AppHandlers } from './handler-types.js';

export interface AppRuntimeOptions {
  host: HostAdapter;
  /** HICARE_PORTAL, the proxy variables, the demo's variables. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** The demo portal the host can run: started when the launcher says the app wants it. Absent: never a demo. */
  demo?: DemoLauncher;
  /** How events reach the window: the web host's SSE, the Electron shell's webContents. */
  emit?: AppEmit;
  /** Whether the window's files are there to be served (the web host explains how to build them when not). */
  uiBuilt: () => boolean;
  /** Tuning of the session (tests: few download retries, a quick first background check). */
  session?: Pick<AppSessionOptions, 'client' | 'liveBackoff' | 'firstCheckDelayMs'>;
  /**
   * The OS's (or browser's) preferred languages, most preferred first, asked whenever the language setting is
   * `system`. Default: the environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else the runtime's own locale.
   */
  systemLanguages?: () => readonly string[];
}

export interface AppRuntime {
  host: HostAdapter;
  settings: SettingsService;
  session: AppSession;
  handlers: AppHandlers;
  /** The demo portal the app runs on, or null. */
  demo: RunningDemo | null;
  /** The language the app speaks now: the setting, or the system's preference when it is `system`. */
  appLanguage(): DisplayLocale;
  /** Starts the background checks and the live events. */
  start(): void;
  /** Stops the session, then the demo portal when this host runs it. */
  close(): Promise<void>;
}

export async function createAppRuntime(options: AppRuntimeOptions): Promise<AppRuntime> {
  const { host } = options;
  const env = options.env ?? process.env;
  const settings = new SettingsService(host.paths.dataDirectory);
  const systemLanguages = options.systemLanguages ?? (() => environmentLanguages(env));
  const appLanguage = (): DisplayLocale => resolveLanguage(settings.get().language, systemLanguages());
  const demo = await startDemo(options.demo, { appDataDirectory: host.paths.dataDirectory, settings, env, host });
  const session = new AppSession({
    host,
    settings,
    env,
    demo,
    language: appLanguage,
    ...(options.emit === undefined ? {} : { emit: options.emit }),
    ...options.session,
  });
  const handlers = appHandlers({ host, settings, session, uiBuilt: options.uiBuilt });
  // Another window, the CLI or a sign-in can change the settings: every window shows them as they are.
  const unsubscribe = settings.onChange((s) => session.emit('settings.changed', s));
  return {
    host,
    settings,
    session,
    handlers,
    demo,
    appLanguage,
    start: () => session.start(),
    close: async () => {
      unsubscribe();
      await session.close();
      await demo?.close();
    },
  };
}

/** The environment's language: a POSIX locale when one is set, else the locale the runtime was started in. */
function environmentLanguages(env: Record<string, string | undefined>): readonly string[] {
  const posix = posixLocale(env);
  return posix === null ? [Intl.DateTimeFormat().resolvedOptions().locale] : [posix];
}

/** The demo, when wanted, made the portal of the settings with its root trusted explicitly (never on first use). */
async function startDemo(
  launcher: DemoLauncher | undefined,
  {
    appDataDirectory,
    settings,
    env,
    host,
  }: {
    appDataDirectory: string;
    settings: SettingsService;
    env: Record<string, string | undefined>;
    host: HostAdapter;
  },
): Promise<RunningDemo | null> {
  if (launcher === undefined) return null;
  const context = { appDataDirectory, settings: settings.get(), env, logger: host.logger };
  const wanted = launcher.wanted === undefined ? noPortalConfigured(context) : await launcher.wanted(context);
  if (!wanted) return null;
  const demo = await launcher.start(context);
  settings.update({ portalUrl: demo.url, trustRootPath: demo.rootFile });
  return demo;
}
