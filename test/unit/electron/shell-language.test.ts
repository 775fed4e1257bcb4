/**
 * The shell in the app's language: the menu, the tray, the notifications and the keychain notice read in English or
 * Chinese, and a change of the Language setting redraws the menu and the tray without a restart.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/main/app-menu.js';
import { integrateWithDesktop } from '../../../electron/main/desktop-integration.js';
import { updatesAvailableMessage } from '../../../electron/main/notifications.js';
import { assessSecretProtection } from '../../../electron/main/secret-protection.js';
import { shellLanguage } from '../../../electron/main/shell-language.js';
import { ShellTray } from '../../../electron/main/tray.js';
import type { DisplayLocale, LanguageSetting } from '../../../shared/i18n/locales.js';
import { localizeProblem } from '../../../shared/i18n/problem.js';
import { FakeTray, recordingLogger, type FakeMenu } from './shell-fakes.js';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((i) => i.label ?? '');
}

function submenuOf(items: MenuItemConstructorOptions[], at: number): MenuItemConstructorOptions[] {
  const submenu = items[at]?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`no submenu at ${at}`);
  return submenu;
}

function menu(locale: DisplayLocale, platform: NodeJS.Platform = 'win32') {
  return applicationMenuTemplate({
    appName: locale === 'zh-CN' ? 'Hi-Care 更新管理器' : 'Hi-Care Update Manager',
    locale,
    platform,
    isPackaged: true,
    run: () => undefined,
    openLink: () => undefined,
  });
}

describe('the application menu in each language', () => {
  it.each<[DisplayLocale, NodeJS.Platform, string[]]>([
    ['en', 'win32', ['&File', '&Edit', '&View', '&Window', '&Help']],
    ['zh-CN', 'win32', ['文件(&F)', '编辑(&E)', '视图(&V)', '窗口(&W)', '帮助(&H)']],
    ['en', 'darwin', ['Hi-Care Update Manager', 'File', 'Edit', 'View', 'Window', 'Help']],
    ['zh-CN', 'darwin', ['Hi-Care 更新管理器', '文件', '编辑', '视图', '窗口', '帮助']],
  ])('%s on %s: %j', (locale, platform, top) => {
    expect(labels(menu(locale, platform))).toEqual(top);
  });

  it('labels every item in Chinese, the roles Electron would name in English too', () => {
    const template = menu('zh-CN');
    expect(labels(submenuOf(template, 0))).toEqual([
      '检查更新',
      '新建服务请求…',
      '',
      '设置…',
      '',
      '退出 Hi-Care 更新管理器',
    ]);
    expect(labels(submenuOf(template, 1))).toEqual(['撤销', '重做', '', '剪切', '复制', '粘贴', '全选']);
    expect(labels(submenuOf(template, 2)).slice(0, 5)).toEqual([
      '概览',
      '系统与更新',
      '下载',
      '服务请求',
      '工程师工作台',
    ]);
    expect(labels(submenuOf(template, 4))).toEqual(['Hi-Care 更新管理器 文档', '联系技术支持', '', '键盘快捷键']);
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
    for (const item of all(template))
      if (item.type !== 'separator') expect(item.label, item.role).toMatch(/\p{Script=Han}/u);
  });
});

describe('the desktop integration follows the language', () => {
  it('builds the menu again when the Language setting changes, and only then', () => {
    const menus: MenuItemConstructorOptions[][] = [];
    const listeners: (() => void)[] = [];
    let locale: DisplayLocale = 'en';
    integrateWithDesktop({
      app: { isPackaged: true, setAppUserModelId: () => undefined, setLoginItemSettings: () => undefined },
      appName: 'Hi-Care Update Manager',
      locale: () => locale,
      platform: 'linux',
      setApplicationMenu: (t) => menus.push(t),
      nativeTheme: { themeSource: 'system' },
      settings: {
        get: () => ({ startAtLogin: false }),
        onChange: (l) => listeners.push(() => l({ startAtLogin: false })),
      },
      run: () => undefined,
      openLink: () => undefined,
      logger: recordingLogger(),
    });
    const save = () => listeners.forEach((l) => l());
    save();
    expect(menus).toHaveLength(1);
    locale = 'zh-CN';
    save();
    expect(menus).toHaveLength(2);
    expect(labels(menus[1] ?? [])[0]).toBe('文件(&F)');
    expect(labels(submenuOf(menus[1] ?? [], 0)).at(-1)).toBe('退出 Hi-Care 更新管理器');
  });
});

describe('the shell’s language', () => {
  function settings(initial: LanguageSetting) {
    let language = initial;
    const listeners: ((s: { language: LanguageSetting }) => void)[] = [];
    return {
      get: () => ({ language }),
      onChange: (l: (s: { language: LanguageSetting }) => void) => listeners.push(l),
      set(next: LanguageSetting) {
        language = next;
        for (const l of listeners) l({ language });
      },
    };
  }

  it.each<[LanguageSetting, string[], DisplayLocale]>([
    ['system', ['zh-Hans-CN', 'en-US'], 'zh-CN'],
    ['system', ['de-DE', 'en-GB'], 'en'],
    ['system', ['fr-FR'], 'en'],
    ['en', ['zh-CN'], 'en'],
    ['zh-CN', ['en-US'], 'zh-CN'],
  ])('setting %s with the system preferring %j: %s', (setting, system, expected) => {
    const language = shellLanguage(() => system);
    language.follow(settings(setting), () => undefined);
    expect(language.locale()).toBe(expected);
  });

  it('follows the system before the settings are loaded, and says when the setting changes it', () => {
    const language = shellLanguage(() => ['en-US']);
    expect(language.locale()).toBe('en');
    const store = settings('system');
    const changes: DisplayLocale[] = [];
    language.follow(store, (l) => changes.push(l));
    store.set('zh-CN');
    store.set('zh-CN');
    store.set('system');
    expect(changes).toEqual(['zh-CN', 'en']);
  });
});

describe('the tray in each language', () => {
  function tray(locale: () => DisplayLocale) {
    const fake = new FakeTray();
    const shell = new ShellTray<FakeMenu>({
      createTray: () => fake,
      buildMenu: (items) => ({ items }),
      open: () => undefined,
      checkNow: () => Promise.resolve(3),
      quit: () => undefined,
      platform: 'linux',
      locale,
      logger: recordingLogger(),
    });
    return { fake, shell };
  }

  it('says the count, Open, Check now and Quit in Chinese', async () => {
    const { fake, shell } = tray(() => 'zh-CN');
    expect(fake.toolTip).toBe('Hi-Care 更新管理器');
    expect(fake.labels()).toEqual(['打开 Hi-Care 更新管理器', '立即检查', '—', '退出']);
    await shell.checkNow();
    expect(fake.toolTip).toBe('Hi-Care 更新管理器：有 3 个可用更新');
    shell.showCount(0);
    expect(fake.labels()[0]).toBe('没有可用的更新');
  });

  it('is drawn again in the new language when the setting changes', () => {
    let locale: DisplayLocale = 'en';
    const { fake, shell } = tray(() => locale);
    shell.showCount(2);
    expect(fake.labels()[0]).toBe('2 updates available');
    locale = 'zh-CN';
    shell.refresh();
    expect(fake.labels()[0]).toBe('有 2 个可用更新');
    expect(fake.labels()).toContain('立即检查');
  });
});

describe('notifications and notices in Chinese', () => {
  it.each<[number, string]>([
    [1, '您的系统有 1 个可用更新'],
    [4, '您的系统有 4 个可用更新'],
  ])('%i updates', (count, body) => {
    expect(updatesAvailableMessage(count, 'zh-CN')).toEqual({ title: '有可用更新', body });
  });

  it('the missing keychain notice carries its key, so the window shows it in the app’s language', () => {
    const protection = assessSecretProtection(
      { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
      'linux',
    );
    if (protection.kind !== 'session-only') throw new Error('expected session-only');
    expect(protection.notice.key).toBe('KEYRING_UNAVAILABLE.desktopNoKeychainLinux');
    const words = localizeProblem('zh-CN', protection.notice);
    expect(words.message).toBe('这台计算机没有为应用提供钥匙串，因此您的登录状态只保留到应用关闭为止。');
    expect(words.remedy).toContain('GNOME Keyring');
  });
});
