/** Every web contents the app creates gets the checklist's rules: no webview, no leaving the app, no windows, no permissions. */
import { describe, expect, it } from 'vitest';
import { externalOpener } from '../../../electron/main/external-links.js';
import { guardWebContents, type GuardedContents } from '../../../electron/main/web-contents-guard.js';
import { recordingLogger } from './shell-fakes.js';

class FakeContents implements GuardedContents {
  readonly listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: (event: { preventDefault(): void }, url: string) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Fires `event` as Electron would; answers whether the page's action was stopped. */
  fire(event: string, url = ''): boolean {
    let prevented = false;
    this.listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function setUp() {
  const logger = recordingLogger();
  const opened: string[] = [];
  const handlers: {
    created?: (event: unknown, contents: GuardedContents) => void;
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (contents: unknown, permission: string) => boolean;
  } = {};
  guardWebContents({
    app: { on: (_event, listener) => (handlers.created = listener) },
    session: {
      setPermissionRequestHandler: (h) => (handlers.request = h),
      setPermissionCheckHandler: (h) => (handlers.check = h),
    },
    external: externalOpener({
      openExternal: async (url) => void opened.push(url),
      portalUrl: () => 'https://portal.contoso.example',
      logger,
    }),
    logger,
  });
  const contents = new FakeContents();
  handlers.created?.({}, contents);
  const { request, check } = handlers;
  if (request === undefined || check === undefined) throw new Error('the session handlers were not set');
  return { contents, opened, logger, request, check };
}

describe('the rules every web contents of the app gets', () => {
  it('refuses a <webview>', () => {
    expect(setUp().contents.fire('will-attach-webview')).toBe(true);
  });

  it.each([
    ['app://hicare/index.html#/systems', false],
    ['https://evil.example/phish', true],
    ['http://127.0.0.1:8780/', true],
    ['file:///etc/passwd', true],
    ['javascript:alert(1)', true],
  ])('navigating or being redirected to %s is stopped: %s', (url, stopped) => {
    const { contents } = setUp();
    expect(contents.fire('will-navigate', url)).toBe(stopped);
    expect(contents.fire('will-redirect', url)).toBe(stopped);
  });

  it.each([
    ['https://docs.hicare.example/kb/123', ['https://docs.hicare.example/kb/123']],
    ['https://portal.contoso.example/requests/42', ['https://portal.contoso.example/requests/42']],
    ['https://evil.example/phish', []],
    ['http://docs.hicare.example/kb/123', []],
    ['file:///C:/Windows/system32/calc.exe', []],
    ['app://hicare/index.html', []],
  ])(
    'a new window for %s is never opened in the app; only the vendor’s https sites go to the browser',
    (url, external) => {
      const { contents, opened } = setUp();
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
      expect(opened).toEqual(external);
    },
  );

  it('a plain link to the vendor’s documentation opens in the browser, never in the window', () => {
    const { contents, opened } = setUp();
    expect(contents.fire('will-navigate', 'https://docs.hicare.example/kb/7')).toBe(true);
    expect(opened).toEqual(['https://docs.hicare.example/kb/7']);
  });

  it('a redirect to the vendor’s site is stopped and not followed into the browser', () => {
    const { contents, opened, logger } = setUp();
    expect(contents.fire('will-redirect', 'https://docs.hicare.example/kb/7')).toBe(true);
    expect(opened).toEqual([]);
    expect(logger.lines.map((l) => l.message)).toContain('a redirect away from the app was refused');
  });

  it('grants no permission, asked for or checked', () => {
    const { request, check, logger } = setUp();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      request({}, permission, (granted) => answers.push(granted));
      answers.push(check({}, permission));
    }
    expect(answers.every((a) => !a)).toBe(true);
    expect(logger.lines.some((l) => l.message.includes('permission request was refused'))).toBe(true);
  });
});
