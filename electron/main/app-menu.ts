/**
 * The application menu as a template built by a pure function, so what a user can reach is testable without
 * Electron. Packaged, it has no developer tools and no reload (a reload would drop a download's progress view and
 * the tools would expose the page's internals); in development both are there. The main actions carry the shared
 * keyboard shortcuts (shared/shortcuts.ts), and picking one sends the renderer the same command its key would.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { shortcut, type ShortcutId } from '../../shared/shortcuts.js';
import { HELP_LINKS } from './external-links.js';

export interface AppMenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** Hands a main action to the renderer (the 'shell.command' event). */
  run(command: ShortcutId): void;
  /** Opens a Help link in the browser, through the vendor allow-list. */
  openLink(url: string): void;
}

export function applicationMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  // The renderer handles the keys itself (the web host needs that anyway); the menu only shows them on Windows and
  // Linux, so a key press does not run the action twice. On macOS the menu also takes the key: running an action
  // twice is harmless (navigation, and a check that joins the one in flight).
  const command = (id: ShortcutId, label: string = shortcut(id).label): MenuItemConstructorOptions => ({
    label,
    accelerator: shortcut(id).accelerator,
    registerAccelerator: false,
    click: () => options.run(id),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      command('go.settings', 'Settings…'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      command('updates.check', 'Check for Updates'),
      command('requests.new', 'New Service Request…'),
      ...(mac ? [] : [separator, command('go.settings', 'Settings…'), separator, { role: 'quit' } as const]),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: mac ? 'Edit' : '&Edit',
    // Roles, so cut, copy and paste work in the page's fields (on macOS they only do with an Edit menu).
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const development: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  const viewMenu: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      command('go.overview'),
      command('go.systems'),
      command('go.downloads'),
      command('go.requests'),
      command('go.workspace'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...development,
    ],
  };
  const windowMenu: MenuItemConstructorOptions = mac
    ? { role: 'windowMenu' }
    : { label: '&Window', submenu: [{ role: 'minimize' }, { role: 'close' }] };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: mac ? 'Help' : '&Help',
    submenu: [
      { label: `${options.appName} Documentation`, click: () => options.openLink(HELP_LINKS.documentation) },
      { label: 'Contact Support', click: () => options.openLink(HELP_LINKS.support) },
      separator,
      // The list of shortcuts is on the Settings screen.
      { label: 'Keyboard Shortcuts', click: () => options.run('go.settings') },
    ],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
