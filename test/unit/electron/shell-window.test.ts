/** Opening the app's window on a screen: made once, brought to the front, moved by its hash to the UI's routes. */
import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { UPDATES_ROUTE, requestRoute, windowOpener, type MainWindowLike } from '../../../electron/main/app-window.js';
import { hrefOf, parseRoute } from '../../../renderer/src/lib/routes.js';
import { FakeWindow, recordingLogger } from './shell-fakes.js';

function setUp(existing: FakeWindow | null = null) {
  const logger = recordingLogger();
  const created: { route: string; window: FakeWindow }[] = [];
  let current: FakeWindow | null = existing;
  let release: (() => void) | null = null;
  let holdCreation = false;
  const open = windowOpener({
    current: () => current,
    create: async (route) => {
      if (holdCreation) await new Promise<void>((resolve) => (release = resolve));
      const window = new FakeWindow(route);
      created.push({ route, window });
      current = window;
      return window;
    },
    logger,
  });
  return {
    open,
    logger,
    created,
    window: () => current,
    hold: () => (holdCreation = true),
    release: () => release?.(),
  };
}

describe('the routes the shell opens are the UI’s own', () => {
  it('the updates screen is the systems list', () => {
    expect(parseRoute(UPDATES_ROUTE)).toEqual({ name: 'systems' });
    expect(UPDATES_ROUTE).toBe(hrefOf({ name: 'systems' }));
  });

  it('a request’s screen is its page under Requests', () => {
    expect(parseRoute(requestRoute('REQ-42'))).toEqual({ name: 'request', id: 'REQ-42' });
    expect(requestRoute('REQ-42')).toBe(hrefOf({ name: 'request', id: 'REQ-42' }));
  });
});

describe('windowOpener', () => {
  it('makes the window when there is none, at the screen asked for, and shows it', async () => {
    const shell = setUp();
    await shell.open(requestRoute('REQ-1'));
    expect(shell.created.map((c) => c.route)).toEqual(['#/requests/REQ-1']);
    expect(shell.window()).toMatchObject({ visible: true, focused: true });
    // Loaded there directly: no navigation script needed.
    expect(shell.window()?.scripts).toEqual([]);
  });

  it('makes it at the UI’s first screen when no screen is asked for', async () => {
    const shell = setUp();
    await shell.open();
    expect(shell.created.map((c) => c.route)).toEqual(['']);
  });

  it('brings a minimized window back and moves it to the screen, keeping the page', async () => {
    const window = new FakeWindow('#/downloads');
    window.minimized = true;
    const shell = setUp(window);
    await shell.open(UPDATES_ROUTE);
    expect(shell.created).toEqual([]);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(parseRoute(window.hash)).toEqual({ name: 'systems' });
  });

  it('only focuses when no screen is asked for', async () => {
    const window = new FakeWindow('#/downloads');
    const shell = setUp(window);
    await shell.open();
    expect(window.calls).toEqual(['show', 'focus']);
    expect(window.scripts).toEqual([]);
    expect(window.hash).toBe('#/downloads');
  });

  it('makes a new window when the old one was destroyed', async () => {
    const old = new FakeWindow();
    old.destroyed = true;
    const shell = setUp(old);
    await shell.open(UPDATES_ROUTE);
    expect(shell.created.map((c) => c.route)).toEqual([UPDATES_ROUTE]);
    expect(old.calls).toEqual([]);
  });

  it('makes one window for two requests that come while it is being made, and ends on the later screen', async () => {
    const shell = setUp();
    shell.hold();
    const first = shell.open(UPDATES_ROUTE);
    const second = shell.open(requestRoute('REQ-9'));
    await Promise.resolve();
    shell.release();
    await Promise.all([first, second]);
    expect(shell.created).toHaveLength(1);
    expect(parseRoute(shell.window()?.hash ?? '')).toEqual({ name: 'request', id: 'REQ-9' });
  });

  it.each([
    '#/requests/x";alert(1);"',
    "#/x'+document.cookie+'",
    'javascript:alert(1)',
    '#/systems\nfetch(1)',
    'https://evil.example/',
  ])('never puts %j into the page; the window is still brought forward', async (route) => {
    const window = new FakeWindow('#/overview');
    const shell = setUp(window);
    await shell.open(route);
    expect(window.scripts).toEqual([]);
    expect(window.hash).toBe('#/overview');
    expect(window.focused).toBe(true);
    expect(shell.logger.lines.map((l) => l.level)).toEqual(['warn']);
  });

  it('a page that cannot be moved is logged, not thrown', async () => {
    const window = new FakeWindow('#/overview');
    window.failScripts = true;
    const shell = setUp(window);
    await expect(shell.open(UPDATES_ROUTE)).resolves.toBeUndefined();
    expect(shell.logger.lines).toEqual([
      expect.objectContaining({ level: 'warn', message: 'the window could not be moved to a screen' }),
    ]);
  });

  it('Electron’s BrowserWindow is what the opener expects', () => {
    const fits = (w: BrowserWindow): MainWindowLike => w;
    expect(fits).toBeTypeOf('function');
  });
});
