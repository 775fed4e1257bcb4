/**
 * The manager's own updates, through electron-updater: from the portal the user works with
 * (`<portal>/app-updates/<os>/<arch>`, the generic feed electron-builder.yml publishes to), checked at start and
 * every 6 hours, downloaded in the background, installed on quit or when the user clicks "Restart to update".
 * Off in an unpackaged app. electron-updater's autoUpdater is passed in (lazily: it is never loaded when off).
 *
 * electron-updater trusts the channel file's sha512, which nobody signs. So a download is installable only once
 * `verify` has matched it to the release the vendor signed into the TUF catalog: until then install-on-quit is off,
 * and a download that does not match is refused — logged, shown to the user, never installed.
 */
import type { Logger } from '../core/adapters.js';
import type { DownloadedAppUpdate } from '../core/self-update/verify-app-update.js';
import { isHicareError } from '../../shared/errors.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translator } from '../../shared/i18n/translator.js';
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
  /** Completes at once from electron-updater's cache when the file is already downloaded. */
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available' | 'update-not-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (event: { version: string; downloadedFile: string }) => void): unknown;
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
  /** The app's language when a notification is shown; English when not given. */
  locale?: () => DisplayLocale;
  logger: Logger;
  /** Resolves when the downloaded installer is the vendor's signed release; rejects (with a coded error) otherwise. */
  verify(download: DownloadedAppUpdate): Promise<unknown>;
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

/**
 * Holds each download back until it is verified. electron-updater decides whether to install on quit when a download
 * completes (on Windows and Linux it adds its quit handler only if install-on-quit is on at that moment; on macOS it
 * then hands the file to Squirrel). So once a download is verified, it is asked for again: that completes at once from
 * its cache, now with install-on-quit on. The file it hands back is checked against the same sha512 as the one that
 * was verified — and the verifier checked that sha512 against the signed one — so it is the signed installer too.
 */
function signatureGate(updater: AutoUpdaterLike, options: SelfUpdateOptions) {
  const { logger, notifier } = options;
  const words = () => {
    const t = translator(options.locale?.() ?? 'en');
    return { t, app: t('desktop.appTitle') };
  };
  const os = OS_OF[options.platform] ?? options.platform;
  const arch = ARCH_OF[options.arch] ?? options.arch;
  /** The download electron-updater would install now, as `version + file`. */
  let downloaded: string | undefined;
  let verified: string | undefined;
  /** A verified download asked for again, to have install-on-quit armed for it. */
  let rearming: string | undefined;
  /** Refusals already shown: a refused file stays in electron-updater's cache and comes back at every check. */
  const refusalsShown = new Set<string>();

  const current = (key: string): boolean => downloaded === key;

  const rearm = async (key: string): Promise<void> => {
    rearming = key;
    // A second try covers the first download's promise still settling, which answers without downloading again.
    for (let attempt = 0; attempt < 2 && rearming === key && current(key); attempt++) {
      await updater
        .downloadUpdate()
        .catch((error: unknown) =>
          logger.warn('self-update: install on quit could not be armed', { error: String(error) }),
        );
    }
    if (rearming === key) {
      rearming = undefined;
      logger.warn('self-update: install on quit is not armed; "Restart to update" still installs the verified update');
    }
  };

  const accepted = (key: string, version: string): void => {
    verified = key;
    updater.autoInstallOnAppQuit = true;
    logger.info('self-update: downloaded and verified against the signed catalog, installs on quit', { version });
    const { t, app } = words();
    notifier.show(
      {
        title: t('desktop.notifications.restartTitle'),
        body: t('desktop.notifications.restartBody', { app, version }),
      },
      () => {
        // A newer download since this notification is not verified yet: clicking an old notification must not install it.
        if (verified === key && current(key)) updater.quitAndInstall();
        else logger.warn('self-update: restart ignored, the update it offered was replaced', { version });
      },
    );
    void rearm(key);
  };

  const refused = (key: string, version: string, error: unknown): void => {
    const code = isHicareError(error) ? error.code : 'INTERNAL';
    logger.error('self-update: refused an update that does not match the vendor’s signed release', {
      version,
      code,
      error: error instanceof Error ? error.message : String(error),
    });
    if (refusalsShown.has(key)) return;
    refusalsShown.add(key);
    const { t, app } = words();
    notifier.show(
      {
        title: t('desktop.notifications.refusedTitle'),
        body: t('desktop.notifications.refusedBody', { app, version }),
      },
      () => undefined,
    );
  };

  return {
    /** A new check found an update: what was verified before no longer describes what will be downloaded. */
    reset(): void {
      downloaded = undefined;
      verified = undefined;
      rearming = undefined;
    },
    onDownloaded(event: { version: string; downloadedFile: string }): void {
      const key = `${event.version}\n${event.downloadedFile}`;
      if (key === rearming) {
        rearming = undefined;
        logger.info('self-update: install on quit is armed for the verified update', { version: event.version });
        return;
      }
      updater.autoInstallOnAppQuit = false;
      downloaded = key;
      verified = undefined;
      rearming = undefined;
      logger.info('self-update: downloaded, checking it against the signed catalog', { version: event.version });
      // Through a promise even if verify throws at once: this runs inside electron-updater's event emit.
      Promise.resolve()
        .then(() => options.verify({ version: event.version, os, arch, file: event.downloadedFile }))
        .then(
          () => current(key) && accepted(key, event.version),
          (error: unknown) => current(key) && refused(key, event.version, error),
        )
        .catch((error: unknown) =>
          logger.error('self-update: the check of the download failed', { error: String(error) }),
        );
    },
  };
}

export function startSelfUpdate(options: SelfUpdateOptions): SelfUpdate {
  const { logger } = options;
  if (!options.isPackaged) {
    logger.info('self-update is off: this is not a packaged app');
    return { enabled: false, check: async () => undefined, stop: () => undefined };
  }

  const updater = options.updater();
  const gate = signatureGate(updater, options);
  updater.autoDownload = true;
  // On only for a download that was verified (see onDownloaded).
  updater.autoInstallOnAppQuit = false;
  updater.logger = {
    info: (message) => logger.info(`self-update: ${String(message)}`),
    warn: (message) => logger.warn(`self-update: ${String(message)}`),
    error: (message) => logger.error(`self-update: ${String(message)}`),
  };
  let lastQuarter = -1;
  updater.on('checking-for-update', () => logger.info('self-update: checking'));
  updater.on('update-available', (info) => {
    lastQuarter = -1;
    // The coming download is not verified yet; Squirrel.Mac would even fetch it for installing at once if this were on.
    updater.autoInstallOnAppQuit = false;
    gate.reset();
    logger.info('self-update: a new version is available, downloading it', { version: info.version });
  });
  updater.on('update-not-available', (info) =>
    logger.info('self-update: this is the latest version', { version: info.version }),
  );
  updater.on('download-progress', (progress) => {
    // Every quarter, not every chunk.
    const quarter = Math.floor(progress.percent / 25);
    if (quarter > lastQuarter) {
      lastQuarter = quarter;
      logger.info('self-update: downloading', { percent: Math.round(progress.percent) });
    }
  });
  updater.on('error', (error) => logger.warn('self-update failed', { error: error.message }));
  updater.on('update-downloaded', (event) => gate.onDownloaded(event));

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
