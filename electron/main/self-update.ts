/**
 * The manager's own updates, through electron-updater: from the portal the user works with
 * (`<portal>/app-updates/<os>/<arch>`, the generic feed electron-builder.yml publishes to), checked at start and
 * every 6 hours, downloaded in the background, installed on quit or when the user clicks "Restart to update".
 * Off in an unpackaged app. electron-updater's autoUpdater is passed in (lazily: it is never loaded when off).
 */
import type { Logger } from '../core/adapters.js';
import { APP_TITLE } from './app-window.js';
import type { Notifier } from './notifications.js';

export const SELF_UPDATE_EVERY_MS = 6 * 3_600_000;

/** The generic provider's options (electron-updater's GenericServerOptions). */
export interface GenericFeed {
  provider: 'generic';
  url: string;
  channel: string;
}

/** What self-update needs of electron-updater's AppUpdater. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(message?: unknown): void; warn(message?: unknown): void; error(message?: unknown): void } | null;
  setFeedURL(options: GenericFeed): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available' | 'update-not-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (event: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface SelfUpdateOptions {
  updater(): AutoUpdaterLike;
  /** Electron's app.isPackaged. */
  isPackaged: boolean;
  /** The portal in use now, read before every check; null when there is none to ask (none configured, the demo). */
  portalUrl(): string | null;
  platform: NodeJS.Platform;
  arch: string;
  notifier: Notifier;
  logger: Logger;
  everyMs?: number;
}

export interface SelfUpdate {
  readonly enabled: boolean;
  /** One check now (what the timer runs); never throws. */
  check(): Promise<void>;
  stop(): void;
}

// electron-builder's ${os} and ${arch} macros, from Node's names.
const OS_OF: Partial<Record<NodeJS.Platform, string>> = { win32: 'win', darwin: 'mac', linux: 'linux' };
const ARCH_OF: Record<string, string> = { x64: 'x64', arm64: 'arm64', ia32: 'ia32', arm: 'armv7l' };

/**
 * The feed of the manager's releases for this platform on a portal, or null when there is none: the portal must be
 * https (an update is code that will run), and the platform one the manager is built for.
 */
export function selfUpdateFeedUrl(portalUrl: string, platform: NodeJS.Platform, arch: string): string | null {
  const os = OS_OF[platform];
  const builtArch = ARCH_OF[arch];
  if (os === undefined || builtArch === undefined) return null;
  let url: URL;
  try {
    url = new URL(portalUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/app-updates/${os}/${builtArch}`;
}

export function startSelfUpdate(options: SelfUpdateOptions): SelfUpdate {
  const { logger } = options;
  if (!options.isPackaged) {
    logger.info('self-update is off: this is not a packaged app');
    return { enabled: false, check: async () => undefined, stop: () => undefined };
  }

  const updater = options.updater();
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.logger = {
    info: (message) => logger.info(`self-update: ${String(message)}`),
    warn: (message) => logger.warn(`self-update: ${String(message)}`),
    error: (message) => logger.error(`self-update: ${String(message)}`),
  };
  let lastQuarter = -1;
  updater.on('checking-for-update', () => logger.info('self-update: checking'));
  updater.on('update-available', (info) => {
    lastQuarter = -1;
    logger.info('self-update: a new version is available, downloading it', { version: info.version });
  });
  updater.on('update-not-available', (info) => logger.info('self-update: this is the latest version', { version: info.version }));
  updater.on('download-progress', (progress) => {
    // Every quarter, not every chunk.
    const quarter = Math.floor(progress.percent / 25);
    if (quarter > lastQuarter) {
      lastQuarter = quarter;
      logger.info('self-update: downloading', { percent: Math.round(progress.percent) });
    }
  });
  updater.on('error', (error) => logger.warn('self-update failed', { error: error.message }));
  updater.on('update-downloaded', (event) => {
    logger.info('self-update: downloaded, installs on quit', { version: event.version });
    options.notifier.show(
      { title: 'Restart to update', body: `${APP_TITLE} ${event.version} is ready. Click to restart now, or it is installed when you quit.` },
      () => updater.quitAndInstall(),
    );
  });

  let feed: string | null = null;
  let stopped = false;
  const check = async (): Promise<void> => {
    if (stopped) return;
    const portalUrl = options.portalUrl();
    const url = portalUrl === null ? null : selfUpdateFeedUrl(portalUrl, options.platform, options.arch);
    if (url === null) {
      logger.info('self-update: no check, there is no https portal to ask', { portalUrl });
      return;
    }
    if (url !== feed) {
      try {
        updater.setFeedURL({ provider: 'generic', url, channel: 'latest' });
      } catch (error) {
        logger.warn('self-update: the feed could not be set', { url, error: String(error) });
        return;
      }
      feed = url;
    }
    // A failed check is reported by the updater's 'error' event.
    await updater.checkForUpdates().catch(() => undefined);
  };

  const timer = setInterval(() => void check(), options.everyMs ?? SELF_UPDATE_EVERY_MS);
  timer.unref();
  void check();
  return {
    enabled: true,
    check,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
