/** The application menu: what a user can reach in it, packaged and in development, on macOS and elsewhere. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, type AppMenuOptions } from '../../../electron/main/app-menu.js';
import { mayOpenExternally } from '../../../electron/main/external-links.js';
import { SHORTCUTS, type ShortcutId } from '../../../shared/shortcuts.js';

function menu(overrides: Partial<AppMenuOptions> = {}) {
  const ran: ShortcutId[] = [];
  const links: string[] = [];
  const template = applicationMenuTemplate({
    appName: 'Hi-Care Update Manager',
    platform: 'linux',
    isPackaged: true,
    run: (command) => ran.push(command),
    openLink: (url) => links.push(url),
    ...overrides,
  });
  return { template, ran, links };
}

/** Every item of the menu, submenus included. */
function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? allItems(i.submenu) : [])]);
}

function topLevel(template: MenuItemConstructorOptions[]): string[] {
  return template.map((m) => (m.label ?? m.role ?? '').replace('&', ''));
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = template.find((m) => (m.label ?? '').replace('&', '') === label);
  if (found === undefined || !Array.isArray(found.submenu))
    throw new Error(`no menu ${label} in ${topLevel(template).join(', ')}`);
  return found.submenu;
}

function pick(template: MenuItemConstructorOptions[], label: string): void {
  const item = allItems(template).find((i) => i.label === label);
  if (item?.click === undefined) throw new Error(`no item ${label}`);
  (item.click as () => void)();
}

const DEVELOPER_ROLES = ['toggleDevTools', 'reload', 'forceReload'];

describe('the application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)(
    'has no developer tools and no reload when packaged (%s)',
    (platform) => {
      const roles = allItems(menu({ platform, isPackaged: true }).template).map((i) => i.role);
      for (const role of DEVELOPER_ROLES) expect(roles).not.toContain(role);
    },
  );

  it('has them in development', () => {
    const roles = allItems(menu({ isPackaged: false }).template).map((i) => i.role);
    for (const role of DEVELOPER_ROLES) expect(roles).toContain(role);
  });

  it('on macOS starts with the app menu (About, Settings, Quit)', () => {
    const { template } = menu({ platform: 'darwin' });
    expect(topLevel(template)).toEqual(['Hi-Care Update Manager', 'File', 'Edit', 'View', 'Window', 'Help']);
    const app = submenu(template, 'Hi-Care Update Manager');
    expect(app.map((i) => i.role ?? i.label)).toEqual(expect.arrayContaining(['about', 'Settings…', 'hide', 'quit']));
  });

  it('elsewhere has no app menu; Quit and Settings are in File', () => {
    const { template } = menu({ platform: 'win32' });
    expect(topLevel(template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(template, 'File').map((i) => i.role ?? i.label)).toEqual(
      expect.arrayContaining(['Settings…', 'quit']),
    );
  });

  it('has an Edit menu so cut, copy and paste work in the fields', () => {
    const edit = submenu(menu().template, 'Edit').map((i) => i.role);
    expect(edit).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('lists the main sections under View', () => {
    const view = submenu(menu().template, 'View').map((i) => i.label);
    expect(view).toEqual(
      expect.arrayContaining(['Overview', 'Systems & updates', 'Downloads', 'Requests', 'Engineer workspace']),
    );
  });

  it.each(['darwin', 'linux'] as const)(
    'shows every keyboard shortcut, with the key the renderer handles (%s)',
    (platform) => {
      const items = allItems(menu({ platform }).template);
      for (const s of SHORTCUTS) {
        expect(
          items.some((i) => i.accelerator === s.accelerator),
          s.id,
        ).toBe(true);
      }
      // Shown only: the page takes the keys, so one press runs the action once.
      expect(items.filter((i) => i.accelerator !== undefined).every((i) => i.registerAccelerator === false)).toBe(true);
    },
  );

  it('sends the renderer the command of the item picked', () => {
    const { template, ran } = menu();
    pick(template, 'Check for Updates');
    pick(template, 'New Service Request…');
    pick(template, 'Downloads');
    pick(template, 'Keyboard Shortcuts');
    expect(ran).toEqual(['updates.check', 'requests.new', 'go.downloads', 'go.settings']);
  });

  it('opens Help links on the vendor’s sites only', () => {
    const { template, links } = menu();
    pick(template, 'Hi-Care Update Manager Documentation');
    pick(template, 'Contact Support');
    expect(links).toHaveLength(2);
    for (const url of links) expect(mayOpenExternally(url, null)).toBe(true);
  });
});
