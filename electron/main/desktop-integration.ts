/**
 * How the app sits in the desktop: its identity on Windows (notifications and the taskbar group under the
 * installed app's id), the application menu, colours that follow the system's light or dark mode, and starting at
 * login when the user asked for it in Settings. The menu speaks the app's language and is built again when that
 * changes. Takes Electron's objects as arguments, so it is tested with fakes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../core/adapters.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translate } from '../../shared/i18n/translator.js';
import type { ShortcutId } from '../../shared/shortcuts.js';
import { applicationMenuTemplate } from './app-menu.js';

/** electron-builder.yml's appId: Windows ties notifications and the Start menu shortcut to it. */
export const APP_USER_MODEL_ID = 'com.hicare.updatemanager';

/** What the integration needs of Electron's app. */
export interface DesktopApp {
  readonly isPackaged: boolean;
  setAppUserModelId(id: string): void;
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

export interface DesktopOptions {
  app: DesktopApp;
  /** The product's name in English; in the app's language when `locale` is given. */
  appName: string;
  /** The app's language now (the Language setting, or the system's); asked again whenever the settings change. */
  locale?: () => DisplayLocale;
  platform: NodeJS.Platform;
  /** Menu.setApplicationMenu(Menu.buildFromTemplate(template)). */
  setApplicationMenu(template: MenuItemConstructorOptions[]): void;
  nativeTheme: { themeSource: 'system' | 'light' | 'dark' };
  settings: {
    get(): { startAtLogin: boolean };
    onChange(listener: (settings: { startAtLogin: boolean }) => void): unknown;
  };
  /** A main action picked in the menu, for the renderer. */
  run(command: ShortcutId): void;
  /** A Help link, through the vendor allow-list. */
  openLink(url: string): void;
  logger: Logger;
}

/** Electron registers login items on macOS and Windows only. */
export function startsAtLoginOn(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

export function integrateWithDesktop(options: DesktopOptions): void {
  const { app, platform, logger } = options;
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  options.nativeTheme.themeSource = 'system';
  let menuLocale: DisplayLocale | null = null;
  const applyMenu = () => {
    const locale = options.locale?.() ?? 'en';
    if (locale === menuLocale) return;
    menuLocale = locale;
    options.setApplicationMenu(
      applicationMenuTemplate({
        appName: options.locale === undefined ? options.appName : translate(locale, 'desktop.appTitle'),
        locale,
        platform,
        isPackaged: app.isPackaged,
        run: options.run,
        openLink: options.openLink,
      }),
    );
  };
  applyMenu();

  let applied: boolean | null = null;
  const applyStartAtLogin = (wanted: boolean) => {
    if (wanted === applied) return;
    applied = wanted;
    if (!startsAtLoginOn(platform)) {
      if (wanted) logger.info('starting at login is not offered on this system; use the desktop’s autostart settings');
      return;
    }
    // Unpackaged, the login item would start a bare Electron without the app.
    if (!app.isPackaged) {
      logger.info('starting at login is applied only to the installed app', { wanted });
      return;
    }
    app.setLoginItemSettings({ openAtLogin: wanted });
  };
  applyStartAtLogin(options.settings.get().startAtLogin);
  options.settings.onChange((settings) => {
    applyStartAtLogin(settings.startAtLogin);
    applyMenu();
  });
}

/**
 * The window's icon on Windows and Linux: installed, the copy electron-builder puts in the app's resources; in
 * development, the one in the checkout. macOS takes the bundle's icon (icon.icns) and needs none.
 */
export function windowIconPath(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): string | undefined {
  if (options.platform === 'darwin') return undefined;
  return options.isPackaged ? join(options.resourcesPath, 'icon.png') : join(options.appPath, 'resources', 'icon.png');
}
