/**
 * The manager's own updates, with a stand-in for electron-updater's autoUpdater: off when not packaged; when
 * packaged, the portal's feed for this platform (as electron-builder.yml publishes it), checked at start and every
 * 6 hours, and "Restart to update" once a new version is downloaded and matched to the vendor's signed release — a
 * download that does not match is refused and never installed.
 */
import { readFileSync } from 'node:fs';
import { HicareError } from '../../../shared/errors.js';
import type { DownloadedAppUpdate } from '../../../electron/core/self-update/verify-app-update.js';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import { Notifier } from '../../../electron/main/notifications.js';
import {
  SELF_UPDATE_EVERY_MS,
  selfUpdateFeedUrl,
  startSelfUpdate,
  type AutoUpdaterLike,
  type GenericFeed,
  type SelfUpdateOptions,
} from '../../../electron/main/self-update.js';
import { fakeNotifications, recordingLogger } from './shell-fakes.js';

class FakeUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: AutoUpdaterLike['logger'] = null;
  readonly feeds: GenericFeed[] = [];
  checks = 0;
  installs = 0;
  failChecks = false;
  /** What install-on-quit was when each download completed: electron-updater arms its quit handler only then. */
  readonly armedAtDownload: boolean[] = [];
  private last: { version: string; downloadedFile: string } | undefined;

  setFeedURL(options: GenericFeed): void {
    this.feeds.push(options);
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    this.emit('checking-for-update');
    if (this.failChecks) {
      const error = new Error('net::ERR_CONNECTION_REFUSED');
      this.emit('error', error);
      throw error;
    }
    return null;
  }
  /** electron-updater's download completing: the event, then the quit handler armed if install-on-quit is on. */
  downloaded(event: { version: string; downloadedFile: string }): void {
    this.last = event;
    this.emit('update-downloaded', event);
    this.armedAtDownload.push(this.autoInstallOnAppQuit);
  }
  /** Asked again for a file it has: it completes from its cache at once. */
  async downloadUpdate(): Promise<unknown> {
    if (this.last !== undefined) this.downloaded(this.last);
    return [];
  }
  quitAndInstall(): void {
    this.installs++;
  }
}

/** The verifier as the shell sees it: answers set per file, and every call recorded. */
function fakeVerifier() {
  const calls: DownloadedAppUpdate[] = [];
  const answers = new Map<string, () => Promise<unknown>>();
  return {
    calls,
    answer(file: string, answer: () => Promise<unknown>) {
      answers.set(file, answer);
    },
    verify: async (download: DownloadedAppUpdate): Promise<unknown> => {
      calls.push(download);
      const answer = answers.get(download.file);
      if (answer === undefined) throw new HicareError('TARGET_UNKNOWN');
      return answer();
    },
  };
}

const FILE = '/home/u/.cache/hicare-update-manager-updater/pending/hicare-update-manager-0.2.0-linux-x86_64.AppImage';
const NOT_SIGNED = () => new HicareError('TARGET_UNKNOWN');

const PORTAL = 'https://portal.example.com/';

function setUp(
  overrides: Partial<SelfUpdateOptions> = {},
  before: { portalUrl?: string | null; failChecks?: boolean } = {},
) {
  const updater = new FakeUpdater();
  updater.failChecks = before.failChecks ?? false;
  const logger = recordingLogger();
  const fakes = fakeNotifications();
  let portalUrl: string | null = before.portalUrl === undefined ? PORTAL : before.portalUrl;
  let loaded = 0;
  const verifier = fakeVerifier();
  const selfUpdate = startSelfUpdate({
    updater: () => {
      loaded++;
      return updater;
    },
    isPackaged: true,
    portalUrl: () => portalUrl,
    platform: 'linux',
    arch: 'x64',
    notifier: new Notifier({ create: fakes.create, isSupported: fakes.isSupported, logger }),
    logger,
    verify: verifier.verify,
    ...overrides,
  });
  return {
    updater,
    logger,
    fakes,
    verifier,
    selfUpdate,
    loaded: () => loaded,
    setPortal: (url: string | null) => (portalUrl = url),
  };
}

/** Lets the check started by a timer (or at start) finish. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('not packaged (npm start, tests)', () => {
  it('is off: electron-updater is not even loaded, nothing is checked, ever', async () => {
    const { selfUpdate, loaded, logger } = setUp({ isPackaged: false });
    expect(selfUpdate.enabled).toBe(false);
    await vi.advanceTimersByTimeAsync(3 * SELF_UPDATE_EVERY_MS);
    await selfUpdate.check();
    expect(loaded()).toBe(0);
    expect(logger.lines).toEqual([{ level: 'info', message: 'self-update is off: this is not a packaged app' }]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('packaged', () => {
  it('downloads by itself, does not install anything on quit yet, and checks the portal’s feed for this platform at start', async () => {
    const { updater, selfUpdate } = setUp();
    await settle();
    expect(selfUpdate.enabled).toBe(true);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.feeds).toEqual([
      { provider: 'generic', url: 'https://portal.example.com/app-updates/linux/x64', channel: 'latest' },
    ]);
    expect(updater.checks).toBe(1);
    selfUpdate.stop();
  });

  it('checks again every 6 hours, and not before', async () => {
    const { updater, selfUpdate } = setUp();
    await settle();
    await vi.advanceTimersByTimeAsync(SELF_UPDATE_EVERY_MS - 1_000);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(updater.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(SELF_UPDATE_EVERY_MS);
    expect(updater.checks).toBe(3);
    // The feed is set once while the portal stays the same.
    expect(updater.feeds).toHaveLength(1);
    selfUpdate.stop();
    await vi.advanceTimersByTimeAsync(2 * SELF_UPDATE_EVERY_MS);
    expect(updater.checks).toBe(3);
  });

  it('follows a change of portal at the next check', async () => {
    const { updater, selfUpdate, setPortal } = setUp();
    await settle();
    setPortal('https://updates.example.org/hicare/');
    await selfUpdate.check();
    expect(updater.feeds.map((f) => f.url)).toEqual([
      'https://portal.example.com/app-updates/linux/x64',
      'https://updates.example.org/hicare/app-updates/linux/x64',
    ]);
    selfUpdate.stop();
  });

  it.each<[string, string | null]>([
    ['no portal (or the demo)', null],
    ['a plain-http portal', 'http://portal.example.com/'],
  ])('with %s, nothing is asked and the reason is logged', async (_what, url) => {
    const { updater, selfUpdate, logger } = setUp({}, { portalUrl: url });
    await settle();
    expect(updater.feeds).toEqual([]);
    expect(updater.checks).toBe(0);
    expect(logger.lines.map((l) => l.message)).toContain('self-update: no check, there is no https portal to ask');
    selfUpdate.stop();
  });

  it('a failed check is logged once and never thrown; the next one runs on time', async () => {
    const { updater, selfUpdate, logger } = setUp({}, { failChecks: true });
    await settle();
    await expect(selfUpdate.check()).resolves.toBeUndefined();
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([
      { level: 'warn', message: 'self-update failed', fields: { error: 'net::ERR_CONNECTION_REFUSED' } },
      { level: 'warn', message: 'self-update failed', fields: { error: 'net::ERR_CONNECTION_REFUSED' } },
    ]);
    await vi.advanceTimersByTimeAsync(SELF_UPDATE_EVERY_MS);
    expect(updater.checks).toBe(3);
    selfUpdate.stop();
  });

  it('logs what happens, with the download’s progress by quarters', async () => {
    const { updater, selfUpdate, logger } = setUp();
    await settle();
    updater.emit('update-available', { version: '0.2.0' });
    for (const percent of [1, 10, 26, 30, 51, 77, 99, 100]) updater.emit('download-progress', { percent });
    const messages = logger.lines.map((l) => [l.message, l.fields?.['percent'] ?? l.fields?.['version']]);
    expect(messages).toEqual([
      ['self-update: checking', undefined],
      ['self-update: a new version is available, downloading it', '0.2.0'],
      ['self-update: downloading', 1],
      ['self-update: downloading', 26],
      ['self-update: downloading', 51],
      ['self-update: downloading', 77],
      ['self-update: downloading', 100],
    ]);
    selfUpdate.stop();
  });

  it('electron-updater’s own messages go to the app’s log', async () => {
    const { updater, selfUpdate, logger } = setUp();
    updater.logger?.info('Checking for update');
    expect(logger.lines).toContainEqual({ level: 'info', message: 'self-update: Checking for update' });
    selfUpdate.stop();
  });

  it('once downloaded and verified, "Restart to update" appears and it installs on quit; clicking restarts into it', async () => {
    const { updater, fakes, verifier, selfUpdate, logger } = setUp();
    await settle();
    updater.emit('update-not-available', { version: '0.1.0' });
    expect(fakes.made).toEqual([]);
    let signed: () => void = () => undefined;
    const pending = new Promise<void>((resolve) => (signed = resolve));
    verifier.answer(FILE, () => pending);
    updater.emit('update-available', { version: '0.2.0' });
    updater.downloaded({ version: '0.2.0', downloadedFile: FILE });

    // Downloaded but not verified yet: nothing installs, nothing is offered.
    await settle();
    expect(verifier.calls).toEqual([{ version: '0.2.0', os: 'linux', arch: 'x64', file: FILE }]);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.armedAtDownload).toEqual([false]);
    expect(fakes.made).toEqual([]);

    signed();
    await settle();
    expect(fakes.shown()).toEqual([
      {
        title: 'Restart to update',
        body: 'Hi-Care Update Manager 0.2.0 is ready. Click to restart now, or it is installed when you quit.',
      },
    ]);
    // Asked for again, the verified file comes back from the cache with install-on-quit on: electron-updater arms it.
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.armedAtDownload).toEqual([false, true]);
    expect(verifier.calls).toHaveLength(1);
    expect(logger.lines.map((l) => l.message)).toContain(
      'self-update: install on quit is armed for the verified update',
    );
    expect(updater.installs).toBe(0);
    fakes.made[0]?.click();
    expect(updater.installs).toBe(1);
    selfUpdate.stop();
  });

  it('a download that does not match the signed release is refused: never installed, and the user is told', async () => {
    const { updater, fakes, verifier, selfUpdate, logger } = setUp();
    await settle();
    verifier.answer(FILE, () => Promise.reject(NOT_SIGNED()));
    updater.emit('update-available', { version: '0.2.0' });
    updater.downloaded({ version: '0.2.0', downloadedFile: FILE });
    await settle();

    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.armedAtDownload).toEqual([false]);
    expect(fakes.shown()).toEqual([
      {
        title: 'Update refused',
        body: 'Hi-Care Update Manager 0.2.0 was downloaded but does not match the vendor’s signed release, so it will not be installed.',
      },
    ]);
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'self-update: refused an update that does not match the vendor’s signed release',
      fields: { version: '0.2.0', code: 'TARGET_UNKNOWN', error: NOT_SIGNED().message },
    });
    fakes.made[0]?.click();
    expect(updater.installs).toBe(0);

    // The refused file stays in electron-updater's cache and comes back at the next check: refused again, told once.
    updater.emit('update-available', { version: '0.2.0' });
    updater.downloaded({ version: '0.2.0', downloadedFile: FILE });
    await settle();
    expect(verifier.calls).toHaveLength(2);
    expect(fakes.made).toHaveLength(1);
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(2);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.installs).toBe(0);
    selfUpdate.stop();
  });

  it('a verifier that cannot even start (no portal configured) refuses the update too', async () => {
    const { updater, fakes, selfUpdate } = setUp({
      verify: () => {
        throw new HicareError('INVALID_INPUT');
      },
    });
    await settle();
    updater.downloaded({ version: '0.2.0', downloadedFile: FILE });
    await settle();
    expect(fakes.shown().map((n) => n.title)).toEqual(['Update refused']);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.installs).toBe(0);
    selfUpdate.stop();
  });

  it('a newer download turns install-on-quit off until it is verified, and an older "Restart to update" no longer installs', async () => {
    const { updater, fakes, verifier, selfUpdate, logger } = setUp();
    await settle();
    verifier.answer(FILE, () => Promise.resolve());
    updater.emit('update-available', { version: '0.2.0' });
    updater.downloaded({ version: '0.2.0', downloadedFile: FILE });
    await settle();
    expect(updater.autoInstallOnAppQuit).toBe(true);

    const newer = FILE.replaceAll('0.2.0', '0.3.0');
    verifier.answer(newer, () => Promise.reject(NOT_SIGNED()));
    updater.emit('update-available', { version: '0.3.0' });
    expect(updater.autoInstallOnAppQuit).toBe(false);
    updater.downloaded({ version: '0.3.0', downloadedFile: newer });
    await settle();
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(fakes.shown().map((n) => n.title)).toEqual(['Restart to update', 'Update refused']);
    fakes.made[0]?.click();
    expect(updater.installs).toBe(0);
    expect(logger.lines.map((l) => l.message)).toContain(
      'self-update: restart ignored, the update it offered was replaced',
    );
    selfUpdate.stop();
  });

  it('electron-updater’s AppUpdater is what self-update expects', () => {
    const fits = (u: AppUpdater): AutoUpdaterLike => u;
    expect(fits).toBeTypeOf('function');
  });
});

describe('selfUpdateFeedUrl', () => {
  it.each<[NodeJS.Platform, string, string]>([
    ['win32', 'x64', 'https://portal.example.com/app-updates/win/x64'],
    ['win32', 'arm64', 'https://portal.example.com/app-updates/win/arm64'],
    ['darwin', 'arm64', 'https://portal.example.com/app-updates/mac/arm64'],
    ['darwin', 'x64', 'https://portal.example.com/app-updates/mac/x64'],
    ['linux', 'x64', 'https://portal.example.com/app-updates/linux/x64'],
    ['linux', 'arm', 'https://portal.example.com/app-updates/linux/armv7l'],
    ['win32', 'ia32', 'https://portal.example.com/app-updates/win/ia32'],
  ])('%s %s → %s', (platform, arch, url) => {
    expect(selfUpdateFeedUrl(PORTAL, platform, arch)).toBe(url);
  });

  it('keeps a portal’s path and drops its query and fragment', () => {
    expect(selfUpdateFeedUrl('https://example.com/hicare//?x=1#top', 'linux', 'x64')).toBe(
      'https://example.com/hicare/app-updates/linux/x64',
    );
    expect(selfUpdateFeedUrl('https://portal.example.com:8443', 'linux', 'x64')).toBe(
      'https://portal.example.com:8443/app-updates/linux/x64',
    );
  });

  it.each<[string, NodeJS.Platform, string]>([
    ['http://portal.example.com/', 'linux', 'x64'],
    ['https://user:secret@portal.example.com/', 'linux', 'x64'],
    ['file:///etc/', 'linux', 'x64'],
    ['not a url', 'linux', 'x64'],
    [PORTAL, 'aix', 'x64'],
    [PORTAL, 'linux', 'mips'],
  ])('none for %s on %s %s', (portal, platform, arch) => {
    expect(selfUpdateFeedUrl(portal, platform, arch)).toBeNull();
  });

  it('is the publish URL of electron-builder.yml with its ${os} and ${arch} filled in', () => {
    const yml = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
    const publish = yml.slice(yml.indexOf('\npublish:'));
    expect(publish).toMatch(/^\s+provider: generic$/m);
    const url = /^\s+url: (\S+)$/m.exec(publish)?.[1] ?? '';
    const portal = url.slice(0, url.indexOf('/app-updates/'));
    expect(url.endsWith('/app-updates/${os}/${arch}')).toBe(true);
    // electron-builder's ${os}: win, mac, linux; ${arch}: its Arch names.
    for (const [platform, os] of [
      ['win32', 'win'],
      ['darwin', 'mac'],
      ['linux', 'linux'],
    ] as const) {
      for (const [nodeArch, arch] of [
        ['x64', 'x64'],
        ['arm64', 'arm64'],
      ] as const) {
        expect(selfUpdateFeedUrl(portal, platform, nodeArch)).toBe(url.replace('${os}', os).replace('${arch}', arch));
      }
    }
    expect(/^\s+channel: (\S+)$/m.exec(publish)?.[1]).toBe('latest');
  });
});
