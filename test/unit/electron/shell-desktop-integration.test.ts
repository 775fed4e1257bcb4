/** The app's place in the desktop: its Windows identity, menu, system colours and the start-at-login setting. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  APP_USER_MODEL_ID,
  integrateWithDesktop,
  windowIconPath,
  type DesktopApp,
} from '../../../electron/main/desktop-integration.js';
import { recordingLogger } from './shell-fakes.js';

class FakeApp implements DesktopApp {
  readonly userModelIds: string[] = [];
  readonly loginItems: boolean[] = [];
  constructor(readonly isPackaged = true) {}
  setAppUserModelId(id: string): void {
    this.userModelIds.push(id);
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItems.push(settings.openAtLogin);
  }
}

function fakeSettings(startAtLogin: boolean) {
  const listeners: ((s: { startAtLogin: boolean }) => void)[] = [];
  let current = { startAtLogin, checkEveryHours: 6 };
  return {
    get: () => current,
    onChange: (l: (s: { startAtLogin: boolean }) => void) => listeners.push(l),
    /** The user saves the Settings screen. */
    save(patch: Partial<typeof current>) {
      current = { ...current, ...patch };
      for (const l of listeners) l(current);
    },
  };
}

function integrate(platform: NodeJS.Platform, { packaged = true, startAtLogin = false } = {}) {
  const app = new FakeApp(packaged);
  const settings = fakeSettings(startAtLogin);
  const nativeTheme = { themeSource: 'light' as 'system' | 'light' | 'dark' };
  const menus: MenuItemConstructorOptions[][] = [];
  const logger = recordingLogger();
  integrateWithDesktop({
    app,
    appName: 'Hi-Care Update Manager',
    platform,
    setApplicationMenu: (t) => menus.push(t),
    nativeTheme,
    settings,
    run: () => undefined,
    openLink: () => undefined,
    logger,
  });
  return { app, settings, nativeTheme, menus, logger };
}

describe('the app’s identity on Windows', () => {
  it('is the installer’s appId', () => {
    const builder = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
    expect(/^appId:\s*(\S+)\s*$/m.exec(builder)?.[1]).toBe(APP_USER_MODEL_ID);
  });

  it('is set on Windows only', () => {
    expect(integrate('win32').app.userModelIds).toEqual([APP_USER_MODEL_ID]);
    expect(integrate('darwin').app.userModelIds).toEqual([]);
    expect(integrate('linux').app.userModelIds).toEqual([]);
  });
});

describe('the desktop around the window', () => {
  it('follows the system’s light or dark mode and sets the app’s own menu', () => {
    const { nativeTheme, menus } = integrate('linux');
    expect(nativeTheme.themeSource).toBe('system');
    expect(menus).toHaveLength(1);
  });
});

describe('start at login', () => {
  it('is applied at start and whenever the setting changes, and only then', () => {
    const { app, settings } = integrate('win32', { startAtLogin: true });
    expect(app.loginItems).toEqual([true]);
    settings.save({ checkEveryHours: 12 });
    expect(app.loginItems).toEqual([true]);
    settings.save({ startAtLogin: false });
    settings.save({ startAtLogin: true });
    expect(app.loginItems).toEqual([true, false, true]);
  });

  it('off (the default) is applied at start too, so the system agrees with Settings', () => {
    const { app, settings } = integrate('darwin');
    expect(app.loginItems).toEqual([false]);
    settings.save({ startAtLogin: true });
    expect(app.loginItems).toEqual([false, true]);
  });

  it('is not applied by a development run, which would register bare Electron', () => {
    const { app, settings, logger } = integrate('win32', { packaged: false });
    settings.save({ startAtLogin: true });
    expect(app.loginItems).toEqual([]);
    expect(logger.lines.map((l) => l.message)).toContain('starting at login is applied only to the installed app');
  });

  it('on Linux is left to the desktop’s autostart, and says so', () => {
    const { app, settings, logger } = integrate('linux');
    settings.save({ startAtLogin: true });
    expect(app.loginItems).toEqual([]);
    expect(logger.lines.some((l) => l.message.includes('not offered on this system'))).toBe(true);
  });
});

describe('the icons', () => {
  const root = new URL('../../../', import.meta.url).pathname;
  const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

  it.each([
    ['icon.png', 512],
    ['icon-256.png', 256],
  ])('resources/%s is a %i×%i PNG', (name, size) => {
    const png = readFileSync(join(root, 'resources', name));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });

  it('every icon the installer config names exists', () => {
    const named = [...builder.matchAll(/^\s*(?:icon|- from): (resources\/icon\S*)$/gm)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['resources/icon.ico', 'resources/icon.icns', 'resources/icon.png']));
    for (const file of named) expect(existsSync(join(root, file)), file).toBe(true);
  });

  it('the window takes the installed copy, the checkout’s in development, and none on macOS', () => {
    const where = { resourcesPath: '/opt/hicare/resources', appPath: '/home/dev/hicare' };
    expect(windowIconPath({ platform: 'win32', isPackaged: true, ...where })).toBe(
      join('/opt/hicare/resources', 'icon.png'),
    );
    expect(windowIconPath({ platform: 'linux', isPackaged: false, ...where })).toBe(
      join('/home/dev/hicare', 'resources', 'icon.png'),
    );
    expect(windowIconPath({ platform: 'darwin', isPackaged: true, ...where })).toBeUndefined();
  });
});
