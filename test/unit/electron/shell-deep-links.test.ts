/**
 * One running app, and hicare://request/<id> links into it: from a second start's command line (Windows, Linux),
 * from macOS's open-url, and from the command line the app was started with. A valid link opens the request's
 * screen; anything else does nothing but leave a line in the log.
 */
import { describe, expect, it } from 'vitest';
import type { App } from 'electron';
import { windowOpener } from '../../../electron/main/app-window.js';
import {
  linkInArgv,
  requestIdOfLink,
  startDeepLinks,
  type DeepLinkApp,
  type DeepLinkOptions,
} from '../../../electron/main/deep-links.js';
import { parseRoute } from '../../../renderer/src/lib/routes.js';
import { FakeWindow, recordingLogger } from './shell-fakes.js';

type Listener = (...args: never[]) => void;

class FakeApp implements DeepLinkApp {
  lockGranted = true;
  quits = 0;
  readonly registered: unknown[][] = [];
  readonly listeners = new Map<string, Listener[]>();

  requestSingleInstanceLock(): boolean {
    return this.lockGranted;
  }
  quit(): void {
    this.quits++;
  }
  setAsDefaultProtocolClient(...args: [string, string?, string[]?]): boolean {
    this.registered.push(args.filter((a) => a !== undefined));
    return true;
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }
  /** Another start of the app, on Windows or Linux. */
  secondInstance(argv: string[]): void {
    this.emit('second-instance', {}, argv, '/home/user');
  }
  /** macOS hands a link to the running app. */
  openUrl(url: string): { prevented: boolean } {
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
    this.emit('open-url', event, url);
    return event;
  }
}

const EXE = 'C:\\Program Files\\Hi-Care Update Manager\\Hi-Care Update Manager.exe';

/** The app with its window open at the overview; links go through the real window opener. */
async function setUp(options: Partial<Pick<DeepLinkOptions, 'argv' | 'unpackaged'>> & { lock?: boolean } = {}) {
  const app = new FakeApp();
  app.lockGranted = options.lock ?? true;
  const logger = recordingLogger();
  const window = new FakeWindow('#/overview');
  const pending: Promise<void>[] = [];
  const open = windowOpener({ current: () => window, create: async () => window, logger });
  const start = startDeepLinks({
    app,
    argv: options.argv ?? [EXE],
    open: (route) => void pending.push(open(route)),
    logger,
    ...(options.unpackaged === undefined ? {} : { unpackaged: options.unpackaged }),
  });
  const settle = () => Promise.all(pending);
  return { app, logger, window, start, settle };
}

describe('requestIdOfLink', () => {
  it.each<[string, string]>([
    ['hicare://request/REQ-42', 'REQ-42'],
    ['hicare://request/REQ-42/', 'REQ-42'],
    ['HICARE://request/req_7', 'req_7'],
    ['hicare://request/a1B2-c3_D4', 'a1B2-c3_D4'],
    [`hicare://request/${'x'.repeat(64)}`, 'x'.repeat(64)],
  ])('%s → %s', (link, id) => {
    expect(requestIdOfLink(link)).toBe(id);
  });

  it.each([
    'hicare://request/../etc',
    'hicare://request/..',
    'hicare://request/../../etc/passwd',
    'hicare://request/%2E%2E%2Fetc',
    'hicare://request/REQ-1%2F..',
    'hicare://request/..%5Cwindows',
    'hicare://request/REQ-1/../../settings',
    'hicare://request/REQ 1',
    'hicare://request/REQ-1?admin=1',
    'hicare://request/REQ-1#/settings',
    'hicare://request/REQ.1',
    'hicare://request/ＲＥＱ',
    'hicare://request/REQ-1\n',
    'hicare://request/',
    'hicare://request',
    'hicare://requests/REQ-1',
    'hicare://settings/REQ-1',
    'hicare://request@evil.example/REQ-1',
    'hicare://evil.example/request/REQ-1',
    'hicare:request/REQ-1',
    'hicare:///request/REQ-1',
    'https://portal.example.com/requests/REQ-1',
    'javascript:alert(1)//hicare://request/REQ-1',
    `hicare://request/${'x'.repeat(65)}`,
    `hicare://request/${'x'.repeat(5_000)}`,
    '',
  ])('refuses %j', (link) => {
    expect(requestIdOfLink(link)).toBeNull();
  });
});

describe('linkInArgv', () => {
  it('finds the link among the arguments Windows and Linux start the app with', () => {
    expect(linkInArgv([EXE, '--allow-file-access-from-files', 'hicare://request/REQ-7/'])).toBe(
      'hicare://request/REQ-7/',
    );
    expect(linkInArgv(['/usr/bin/electron', '/opt/app', 'HICARE://request/A'])).toBe('HICARE://request/A');
    expect(linkInArgv([EXE, '--inspect'])).toBeUndefined();
    expect(linkInArgv([])).toBeUndefined();
  });

  it('takes the last link when there are several', () => {
    expect(linkInArgv([EXE, 'hicare://request/A', 'hicare://request/B'])).toBe('hicare://request/B');
  });
});

describe('single instance', () => {
  it('a second start quits at once and registers nothing: the running app gets its command line', async () => {
    const { app, start } = await setUp({ lock: false, argv: [EXE, 'hicare://request/REQ-1'] });
    expect(start).toEqual({ primary: false });
    expect(app.quits).toBe(1);
    expect(app.registered).toEqual([]);
    expect(app.listeners.size).toBe(0);
  });

  it('the first start registers the hicare: scheme with the operating system', async () => {
    const { app, start } = await setUp();
    expect(start).toEqual({ primary: true, initialRoute: undefined });
    expect(app.quits).toBe(0);
    expect(app.registered).toEqual([['hicare']]);
  });

  it('an unpackaged app registers Electron with its script, so the link reaches this app', async () => {
    const { app } = await setUp({
      unpackaged: { execPath: '/opt/electron/electron', script: '/work/app/dist/electron/main.js' },
    });
    expect(app.registered).toEqual([['hicare', '/opt/electron/electron', ['/work/app/dist/electron/main.js']]]);
  });

  it('started again without a link: the window comes to the front where it was', async () => {
    const { app, window, settle } = await setUp();
    app.secondInstance([EXE]);
    await settle();
    expect(window.focused).toBe(true);
    expect(window.hash).toBe('#/overview');
  });
});

describe('a link from a second start (Windows, Linux)', () => {
  it('opens the request', async () => {
    const { app, window, settle } = await setUp();
    app.secondInstance([EXE, '--allow-file-access-from-files', 'hicare://request/REQ-42/']);
    await settle();
    expect(window.focused).toBe(true);
    expect(parseRoute(window.hash)).toEqual({ name: 'request', id: 'REQ-42' });
  });

  it.each([
    'hicare://request/../etc',
    'hicare://request/%2E%2E%2Fsettings',
    'hicare://request/REQ-1?x=1',
    'hicare://sign-in',
    'hicare:evil',
  ])('%s does nothing but log', async (link) => {
    const { app, window, logger, settle } = await setUp();
    app.secondInstance([EXE, link]);
    await settle();
    expect(window.calls).toEqual([]);
    expect(window.scripts).toEqual([]);
    expect(window.hash).toBe('#/overview');
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'ignored a link that is not a Hi-Care request link', fields: { link } },
    ]);
  });

  it('an absurdly long link is logged cut short', async () => {
    const { app, window, logger, settle } = await setUp();
    app.secondInstance([EXE, `hicare://request/${'A'.repeat(100_000)}`]);
    await settle();
    expect(window.calls).toEqual([]);
    expect(String(logger.lines[0]?.fields?.['link']).length).toBe(200);
  });
});

describe('a link from macOS (open-url)', () => {
  it('opens the request, and the OS is told the link was handled', async () => {
    const { app, window, settle } = await setUp();
    const event = app.openUrl('hicare://request/REQ-5');
    await settle();
    expect(event.prevented).toBe(true);
    expect(parseRoute(window.hash)).toEqual({ name: 'request', id: 'REQ-5' });
  });

  it.each(['hicare://request/../etc', 'hicare://request/', 'hicare://request/a/b', 'file:///etc/passwd'])(
    '%s does nothing',
    async (link) => {
      const { app, window, logger, settle } = await setUp();
      app.openUrl(link);
      await settle();
      expect(window.calls).toEqual([]);
      expect(window.hash).toBe('#/overview');
      expect(logger.lines.map((l) => l.message)).toEqual(['ignored a link that is not a Hi-Care request link']);
    },
  );
});

describe('the link the app was started with', () => {
  it('is the first screen', async () => {
    const { start } = await setUp({ argv: [EXE, 'hicare://request/REQ-3'] });
    expect(start).toEqual({ primary: true, initialRoute: '#/requests/REQ-3' });
    expect(parseRoute(start.primary ? (start.initialRoute ?? '') : '')).toEqual({ name: 'request', id: 'REQ-3' });
  });

  it('a bad one is ignored: the app starts on its usual screen', async () => {
    const { start, logger } = await setUp({ argv: [EXE, 'hicare://request/../../etc/passwd'] });
    expect(start).toEqual({ primary: true, initialRoute: undefined });
    expect(logger.lines).toHaveLength(1);
  });

  it('Electron’s app is what deep links expect', () => {
    const fits = (a: App): DeepLinkApp => a;
    expect(fits).toBeTypeOf('function');
  });
});
