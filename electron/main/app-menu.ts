/**
 * The application menu as a template built by a pure function, so what a user can reach is testable without
 * Electron. Packaged, it has no developer tools and no reload (a reload would drop a download's progress view and
 * the tools would expose the page's internals); in development both are there. The main actions carry the shared
 * keyboard shortcuts (shared/shortcuts.ts), and picking one sends the renderer the same command its key would.
 * Every label is in the app's language, the roles' too: Electron's own role labels are English on Windows and Linux.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translator } from '../../shared/i18n/translator.js';
import { shortcut, type ShortcutId } from '../../shared/shortcuts.js';
import { HELP_LINKS } from './external-links.js';

export interface AppMenuOptions {
  appName: string;
  /** The language of the labels; English when not given. */
  locale?: DisplayLocale;
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** Hands a main action to the renderer (the 'shell.command' event). */
  run(command: ShortcutId): void;
  /** Opens a Help link in the browser, through the vendor allow-list. */
  openLink(url: string): void;
}

export function applicationMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const t = translator(options.locale ?? 'en');
  const app = options.appName;
  const mac = options.platform === 'darwin';
  // The renderer handles the keys itself (the web host needs that anyway); the menu only shows them on Windows and
  // Linux, so a key press does not run the action twice. On macOS the menu also takes the key: running an action
  // twice is harmless (navigation, and a check that joins the one in flight).
  const command = (id: ShortcutId, label: string): MenuItemConstructorOptions => ({
    label,
    accelerator: shortcut(id).accelerator,
    registerAccelerator: false,
    click: () => options.run(id),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const settings = command('go.settings', t('desktop.menu.settings'));
  const quit: MenuItemConstructorOptions = { role: 'quit', label: t('desktop.menu.quit', { app }) };

  const appMenu: MenuItemConstructorOptions = {
    label: app,
    submenu: [
      { role: 'about', label: t('desktop.menu.about', { app }) },
      separator,
      settings,
      separator,
      { role: 'services', label: t('desktop.menu.services') },
      separator,
      { role: 'hide', label: t('desktop.menu.hide', { app }) },
      { role: 'hideOthers', label: t('desktop.menu.hideOthers') },
      { role: 'unhide', label: t('desktop.menu.showAll') },
      separator,
      quit,
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: mac ? t('desktop.menu.file') : t('desktop.menu.fileAccess'),
    submenu: [
      command('updates.check', t('desktop.menu.checkForUpdates')),
      command('requests.new', t('desktop.menu.newRequest')),
      ...(mac ? [] : [separator, settings, separator, quit]),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: mac ? t('desktop.menu.edit') : t('desktop.menu.editAccess'),
    // Roles, so cut, copy and paste work in the page's fields (on macOS they only do with an Edit menu).
    submenu: [
      { role: 'undo', label: t('desktop.menu.undo') },
      { role: 'redo', label: t('desktop.menu.redo') },
      separator,
      { role: 'cut', label: t('desktop.menu.cut') },
      { role: 'copy', label: t('desktop.menu.copy') },
      { role: 'paste', label: t('desktop.menu.paste') },
      { role: 'selectAll', label: t('desktop.menu.selectAll') },
    ],
  };
  const development: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        separator,
        { role: 'reload', label: t('desktop.menu.reload') },
        { role: 'forceReload', label: t('desktop.menu.forceReload') },
        { role: 'toggleDevTools', label: t('desktop.menu.devTools') },
      ];
  const viewMenu: MenuItemConstructorOptions = {
    label: mac ? t('desktop.menu.view') : t('desktop.menu.viewAccess'),
    submenu: [
      command('go.overview', t('desktop.menu.overview')),
      command('go.systems', t('desktop.menu.systems')),
      command('go.downloads', t('desktop.menu.downloads')),
      command('go.requests', t('desktop.menu.requests')),
      command('go.workspace', t('desktop.menu.workspace')),
      separator,
      { role: 'resetZoom', label: t('desktop.menu.actualSize') },
      { role: 'zoomIn', label: t('desktop.menu.zoomIn') },
      { role: 'zoomOut', label: t('desktop.menu.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('desktop.menu.fullScreen') },
      ...development,
    ],
  };
  const windowMenu: MenuItemConstructorOptions = mac
    ? { role: 'windowMenu', label: t('desktop.menu.window') }
    : {
        label: t('desktop.menu.windowAccess'),
        submenu: [
          { role: 'minimize', label: t('desktop.menu.minimize') },
          { role: 'close', label: t('desktop.menu.close') },
        ],
      };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: mac ? t('desktop.menu.help') : t('desktop.menu.helpAccess'),
    submenu: [
      { label: t('desktop.menu.documentation', { app }), click: () => options.openLink(HELP_LINKS.documentation) },
      { label: t('desktop.menu.contactSupport'), click: () => options.openLink(HELP_LINKS.support) },
      separator,
      // The list of shortcuts is on the Settings screen.
      { label: t('desktop.menu.keyboardShortcuts'), click: () => options.run('go.settings') },
    ],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
