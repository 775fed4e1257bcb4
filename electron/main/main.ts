/** The Electron shell: one hardened window on the app:// protocol, the contract-derived IPC, safeStorage for secrets. */
import { app, BrowserWindow, net, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkEvent, eventChannel, type EventName } from '../../shared/api/define.js';
import { appApi, type AppApi } from '../../shared/contracts/app-api.js';
import { appHandlers } from '../core/app-handlers.js';
import { AppSession } from '../core/app/app-session.js';
import { startDemoIfWanted, type EmbeddedDemo } from '../core/app/embedded-demo.js';
import { consoleLogger, systemClock, type HostAdapter } from '../core/adapters.js';
import { defaultPaths } from '../core/paths.js';
import { SettingsService } from '../core/settings.js';
import { registerIpc } from './ipc.js';
import { SafeStorageSecretStore } from './safe-storage.js';
import { APP_ORIGIN } from './ipc-wiring.js';
import { CONTENT_SECURITY_POLICY, appUrlToRelativePath, navigationDecision, secureWebPreferences } from './window-policy.js';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

const rendererDirectory = join(import.meta.dirname, '..', 'renderer');

let appSession: AppSession | undefined;
let demo: EmbeddedDemo | null = null;

/** An event of the app API to every window, checked against the contract first. */
function broadcast(event: EventName<AppApi>, payload: unknown): void {
  const checked = checkEvent(appApi, event, payload as never);
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel(event), checked);
}

async function createWindow(): Promise<void> {
  const paths = defaultPaths();
  const host: HostAdapter = {
    kind: 'electron',
    appName: app.getName(),
    appVersion: app.getVersion(),
    platform: `${process.platform}-${process.arch}`,
    paths,
    clock: systemClock,
    logger: consoleLogger('[main]'),
    secrets: new SafeStorageSecretStore(paths.dataDirectory),
  };
  const settings = new SettingsService(paths.dataDirectory);
  // With no portal configured, the app runs on its embedded demo portal (a real one, on loopback).
  demo = await startDemoIfWanted({ appDataDirectory: paths.dataDirectory, settings, env: process.env, logger: host.logger });
  if (demo !== null) console.log(`Demo portal: ${demo.url} (sign in with one of the demo accounts the app lists)`);
  appSession = new AppSession({ host, settings, env: process.env, demo, emit: broadcast });
  registerIpc(appApi, appHandlers({ host, settings, session: appSession, uiBuilt: () => true }));
  settings.onChange((s) => broadcast('settings.changed', s));
  appSession.start();

  protocol.handle('app', (request) => {
    const relative = appUrlToRelativePath(request.url);
    if (relative === null) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(join(rendererDirectory, relative)).toString());
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Hi-Care Update Manager',
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (navigationDecision(url) === 'open-externally') void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (navigationDecision(url) !== 'allow') event.preventDefault();
  });
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  void appSession?.close();
  void demo?.close();
});
void app.whenReady().then(createWindow);
