/**
 * The Electron shell: one hardened window on the app:// protocol, the contract-derived IPC, safeStorage for secrets,
 * and the desktop around it (tray, notifications, hicare:// request links, the manager's own updates). Each part is
 * a module of its own that takes Electron's objects as arguments; this file only puts them together.
 */
import {
  app,
  BrowserWindow,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
} from 'electron';
import electronUpdater from 'electron-updater';
import { join, resolve } from 'node:path';
import { checkEvent, eventChannel, type EventName } from '../../shared/api/define.js';
import { translate } from '../../shared/i18n/translator.js';
import { appApi, type AppApi } from '../../shared/contracts/app-api.js';
import { attachedDemo } from '../core/app/attached-demo.js';
import type { AppRuntime } from '../core/app/runtime.js';
import { systemClock, type HostAdapter } from '../core/adapters.js';
import { hostLogger } from '../core/logging/index.js';
import { defaultPaths } from '../core/paths.js';
import { verifyAppUpdate } from '../core/self-update/verify-app-update.js';
import { APP_TITLE, windowOpener, type OpenWindow } from './app-window.js';
import { shellLanguage } from './shell-language.js';
import { startDeepLinks } from './deep-links.js';
import { registerIpc } from './ipc.js';
import { APP_ORIGIN } from './ipc-wiring.js';
import { Notifier, UpdateNotifications } from './notifications.js';
import { chooseSecretStore } from './secret-protection.js';
import { integrateWithDesktop, windowIconPath } from './desktop-integration.js';
import { withShellNotices } from './shell-notices.js';
import { startSelfUpdate, type SelfUpdate } from './self-update.js';
import { shellRuntime } from './shell-runtime.js';
import { ShellTray } from './tray.js';
import { TRAY_ICON_PNG_BASE64, TRAY_ICON_SCALE_FACTOR } from './tray-icon.js';
import { secureWebPreferences } from './window-policy.js';
import { appProtocolResponse } from './content-policy.js';
import { externalOpener } from './external-links.js';
import { guardWebContents } from './web-contents-guard.js';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererDirectory = join(import.meta.dirname, '..', 'renderer');
const logger = hostLogger(defaultPaths().dataDirectory, '[main]');
// The shell's words follow the Language setting once the settings are loaded, the system's languages until then.
// The same preferences decide the runtime's language (the portal's refusals), so the shell and the app agree.
const systemLanguages = (): readonly string[] => app.getPreferredSystemLanguages();
const language = shellLanguage(systemLanguages);

let runtime: AppRuntime | undefined;
let mainWindow: BrowserWindow | null = null;
let tray: ShellTray<Electron.Menu> | undefined;
let selfUpdate: SelfUpdate | undefined;
let markStarted: () => void = () => undefined;
/** Resolves once the window can be opened: the session is up and the IPC handlers are registered. */
const started = new Promise<void>((resolve) => (markStarted = resolve));

/** An event of the app API to every window, checked against the contract first. */
function broadcast(event: EventName<AppApi>, payload: unknown): void {
  const checked = checkEvent(appApi, event, payload as never);
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel(event), checked);
}

/** Opens the window on `route` once the app has started (a macOS link, a tray click can come before). */
function open(route?: string): void {
  void started
    .then(() => openWindow(route))
    .catch((error: unknown) => logger.error('the window could not be opened', { error: String(error) }));
}

// Before anything else: a second start hands its command line (and its link) to the first one and quits.
const links = startDeepLinks({
  app,
  argv: process.argv,
  open,
  logger,
  ...(process.defaultApp && process.argv[1] !== undefined
    ? { unpackaged: { execPath: process.execPath, script: resolve(process.argv[1]) } }
    : {}),
});

async function createMainWindow(route: string): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: translate(language.locale(), 'desktop.appTitle'),
    ...iconOption(),
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, 'preload.cjs'), { devTools: !app.isPackaged }),
  });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  // Navigation, new windows, webviews and permissions: guardWebContents, for every web contents.
  await window.loadURL(`${APP_ORIGIN}/index.html${route}`);
  return window;
}

function iconOption(): { icon?: string } {
  const icon = windowIconPath({
    platform: process.platform,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  return icon === undefined ? {} : { icon };
}

const openWindow: OpenWindow = windowOpener({ current: () => mainWindow, create: createMainWindow, logger });

async function start(initialRoute: string | undefined): Promise<void> {
  const paths = defaultPaths();
  // Without a real keychain the sign-in is kept for the session only, and the window says so.
  const secrets = chooseSecretStore({
    safeStorage,
    platform: process.platform,
    dataDirectory: paths.dataDirectory,
    logger,
  });
  const host: HostAdapter = {
    kind: 'electron',
    appName: app.getName(),
    appVersion: app.getVersion(),
    platform: `${process.platform}-${process.arch}`,
    paths,
    clock: systemClock,
    logger,
    secrets: secrets.store,
  };

  // Shell hardening: the CSP on every app:// answer (a protocol handler's answers skip onHeadersReceived);
  // links out only to the vendor's sites.
  protocol.handle('app', (request) =>
    appProtocolResponse(request.url, { rendererDirectory, fetchFile: (url) => net.fetch(url) }),
  );
  const external = externalOpener({
    openExternal: (url) => shell.openExternal(url),
    portalUrl: () => runtime?.settings.get().portalUrl ?? null,
    logger,
  });
  guardWebContents({ app, session: session.defaultSession, external, logger });

  const notifier = new Notifier({
    create: (content) => new Notification(content),
    isSupported: () => Notification.isSupported(),
    logger,
  });
  const updateNotifications = new UpdateNotifications({ notifier, open, locale: language.locale });
  const shellTray = new ShellTray({
    createTray: () =>
      new Tray(
        nativeImage.createFromBuffer(Buffer.from(TRAY_ICON_PNG_BASE64, 'base64'), {
          scaleFactor: TRAY_ICON_SCALE_FACTOR,
        }),
      ),
    buildMenu: (items) => Menu.buildFromTemplate(items),
    open: () => open(),
    checkNow: async () => (runtime === undefined ? null : runtime.session.backgroundCheck()),
    quit: () => app.quit(),
    platform: process.platform,
    locale: language.locale,
    logger,
  });
  tray = shellTray;

  const current = await shellRuntime({
    host,
    env: process.env,
    systemLanguages,
    // `npm start` runs a demo portal beside an unpackaged app when no portal is configured; a packaged app never does.
    ...(app.isPackaged ? {} : { demo: attachedDemo }),
    toWindows: broadcast,
    announced: (count) => {
      shellTray.showCount(count);
      updateNotifications.announce(count);
    },
    seen: (count) => {
      shellTray.showCount(count);
      updateNotifications.seen(count);
    },
  });
  runtime = current;
  const { demo, session: appSession } = current;
  if (demo !== null) console.log(`Demo portal: ${demo.url} (sign in with one of the demo accounts the app lists)`);
  // From here the Language setting decides; the tray is drawn again when it changes (the menu follows it itself).
  language.follow(current.settings, () => shellTray.refresh());
  // The desktop around the window: Windows app id, menu, system colours, start at login.
  integrateWithDesktop({
    app,
    appName: APP_TITLE,
    locale: language.locale,
    platform: process.platform,
    setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
    nativeTheme,
    settings: current.settings,
    run: (command) => {
      open();
      void started.then(() => broadcast('shell.command', { command }));
    },
    openLink: (url) => void external.open(url),
    logger,
  });
  registerIpc(
    appApi,
    withShellNotices(current.handlers, () => (secrets.notice === null ? [] : [secrets.notice])),
  );
  // Background checks every `checkEveryHours` (Settings); their announcements reach the tray and notifications.
  current.start();

  selfUpdate = startSelfUpdate({
    // Loaded only when self-update is on: electron-updater sets itself up for this platform when first touched.
    updater: () => electronUpdater.autoUpdater,
    isPackaged: app.isPackaged,
    // The demo portal does not serve the manager's releases.
    portalUrl: () => {
      const url = appSession.portalUrl();
      return url === null || (demo !== null && URL.parse(url)?.origin === URL.parse(demo.url)?.origin) ? null : url;
    },
    platform: process.platform,
    arch: process.arch,
    notifier,
    locale: language.locale,
    logger,
    // Against the signed catalog of the portal in use, through the root the user trusts for it.
    verify: async (download) => verifyAppUpdate(appSession.client().trust, download),
  });

  markStarted();
  await openWindow(initialRoute);
}

if (links.primary) {
  // Closing the window leaves the app in the tray, where the background checks go on; Quit is in the tray's menu.
  app.on('window-all-closed', () => {
    if (tray === undefined) app.quit();
  });
  app.on('activate', () => open());
  app.on('will-quit', () => {
    selfUpdate?.stop();
    tray?.dispose();
    void runtime?.close();
  });
  void app
    .whenReady()
    .then(() => start(links.initialRoute))
    .catch((error: unknown) => {
      logger.error('the app could not start', { error: String(error) });
      app.quit();
    });
}
