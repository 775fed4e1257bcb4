/** The tray icon as the user sees it: how many updates are available, a menu that opens, checks and quits. */
import { describe, expect, it } from 'vitest';
import type { Menu, Tray } from 'electron';
import { ShellTray, updatesAvailableText, type TrayLike } from '../../../electron/main/tray.js';
import { FakeTray, recordingLogger, type FakeMenu } from './shell-fakes.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setUp(options: { platform?: NodeJS.Platform; check?: () => Promise<number | null> } = {}) {
  const fake = new FakeTray();
  const logger = recordingLogger();
  const record = { opened: 0, quit: 0, checks: 0 };
  const tray = new ShellTray<FakeMenu>({
    createTray: () => fake,
    buildMenu: (items) => ({ items }),
    open: () => void record.opened++,
    checkNow: () => {
      record.checks++;
      return options.check?.() ?? Promise.resolve(0);
    },
    quit: () => void record.quit++,
    platform: options.platform ?? 'linux',
    logger,
  });
  return { fake, tray, logger, record };
}

describe('the tray before any check', () => {
  it('names the app and offers Open, Check now and Quit', () => {
    const { fake } = setUp();
    expect(fake.toolTip).toBe('Hi-Care Update Manager');
    expect(fake.labels()).toEqual(['Open Hi-Care Update Manager', 'Check now', '—', 'Quit']);
  });
});

describe('the number of updates available', () => {
  it.each<[number, string]>([
    [2, '2 updates available'],
    [1, '1 update available'],
    [0, 'No updates available'],
    [120, '120 updates available'],
  ])('%i: the tooltip and the first line of the menu say "%s"', (count, text) => {
    const { fake, tray } = setUp();
    tray.showCount(count);
    expect(fake.toolTip).toBe(`Hi-Care Update Manager: ${text}`);
    expect(fake.labels()[0]).toBe(text);
    expect(fake.item(text).enabled).toBe(false);
    expect(updatesAvailableText(count)).toBe(text);
  });

  it('follows the latest count', () => {
    const { fake, tray } = setUp();
    tray.showCount(2);
    tray.showCount(5);
    expect(fake.toolTip).toContain('5 updates available');
    tray.showCount(0);
    expect(fake.toolTip).toContain('No updates available');
  });

  it('on macOS the count also stands next to the icon, and disappears at zero', () => {
    const { fake, tray } = setUp({ platform: 'darwin' });
    tray.showCount(2);
    expect(fake.title).toBe('2');
    tray.showCount(0);
    expect(fake.title).toBe('');
  });

  it('elsewhere no title is set (only macOS has one)', () => {
    const { fake, tray } = setUp({ platform: 'win32' });
    tray.showCount(2);
    expect(fake.titleCalls).toBe(0);
  });
});

describe('using the tray', () => {
  it('clicking the icon opens the window', () => {
    const { fake, record } = setUp();
    fake.click();
    expect(record.opened).toBe(1);
  });

  it('Open opens the window and Quit quits', () => {
    const { fake, record } = setUp();
    fake.choose('Open Hi-Care Update Manager');
    expect(record.opened).toBe(1);
    fake.choose('Quit');
    expect(record.quit).toBe(1);
  });

  it('Check now says it is checking, cannot be clicked twice, then shows the result', async () => {
    const answer = deferred<number | null>();
    const { fake, tray, record } = setUp({ check: () => answer.promise });
    fake.choose('Check now');
    expect(fake.toolTip).toBe('Hi-Care Update Manager: Checking for updates…');
    expect(fake.item('Checking…').enabled).toBe(false);
    await tray.checkNow();
    expect(record.checks).toBe(1);

    answer.resolve(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.toolTip).toBe('Hi-Care Update Manager: 3 updates available');
    expect(fake.item('Check now').enabled).toBe(true);
  });

  it('Check now while nobody is signed in says so and opens the window to sign in', async () => {
    const { fake, tray, record } = setUp({ check: async () => null });
    await tray.checkNow();
    expect(fake.toolTip).toBe('Hi-Care Update Manager: Sign in to check for updates');
    expect(record.opened).toBe(1);
  });

  it('a failed check keeps the count known before and says the check failed', async () => {
    let fail = false;
    const { fake, tray, logger } = setUp({
      check: async () => {
        if (fail) throw new Error('The portal cannot be reached.');
        return 2;
      },
    });
    await tray.checkNow();
    fail = true;
    await tray.checkNow();
    expect(fake.toolTip).toBe('Hi-Care Update Manager: 2 updates available (the last check failed)');
    expect(fake.item('Check now').enabled).toBe(true);
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'warn', fields: { error: 'Error: The portal cannot be reached.' } }),
    ]);
  });

  it('a failed first check says it could not check', async () => {
    const { fake, tray } = setUp({ check: () => Promise.reject(new Error('offline')) });
    await tray.checkNow();
    expect(fake.toolTip).toBe('Hi-Care Update Manager: Could not check for updates');
  });

  it('once disposed, the icon is gone and later counts do not touch it', () => {
    const { fake, tray } = setUp();
    tray.dispose();
    expect(fake.destroyed).toBe(true);
    expect(() => tray.showCount(4)).not.toThrow();
    tray.dispose();
  });

  it('Electron’s Tray is what the shell expects', () => {
    const fits = (t: Tray): TrayLike<Menu> => t;
    expect(fits).toBeTypeOf('function');
  });
});
