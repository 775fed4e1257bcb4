/**
 * The handlers of the app API, shared by the Electron shell and the web host: app information and settings here,
 * everything that talks to the portal through the app session (electron/core/app/).
 */
import type { HostAdapter, Logger } from './adapters.js';
import { isHicareError } from '../../shared/errors.js';
import { AppSession } from './app/app-session.js';
import { bundleHandlers } from './app/bundle-handlers.js';
import { consoleHandlers } from './app/console-handlers.js';
import { DownloadFolder } from './app/download-folder.js';
import { selfHelpHandlers } from './app/selfhelp-handlers.js';
import { downloadHandlers } from './app/download-handlers.js';
import { downloadRecordHandlers } from './app/download-record-handlers.js';
import { failureHandlers } from './app/failure-handlers.js';
import type { AppHandlers } from './app/handler-types.js';
import { mailHandlers } from './app/mail-handlers.js';
import { requestHandlers } from './app/request-handlers.js';
import { sessionHandlers } from './app/session-handlers.js';
import { supportHandlers } from './app/support-handlers.js';
import { upgradeHandlers } from './app/upgrade-handlers.js';
import type { SettingsService } from './settings.js';

export type { CallContext } from './app/handler-types.js';

export interface AppServices {
  host: HostAdapter;
  settings: SettingsService;
  uiBuilt: () => boolean;
  /** The session over the configured portal. Absent: one that sends no events and knows no demo portal. */
  session?: AppSession;
}

export function appHandlers(services: AppServices): AppHandlers {
  const { host, settings } = services;
  const session = services.session ?? new AppSession({ host, settings });
  const folder = new DownloadFolder(host.paths.dataDirectory, settings);
  return loggingUncoded(host.logger, {
    'app.info': () => ({
      name: host.appName,
      version: host.appVersion,
      host: host.kind,
      platform: host.platform,
      portalUrl: session.portalUrl(),
      uiBuilt: services.uiBuilt(),
    }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    ...sessionHandlers(session),
    ...downloadHandlers(session, folder),
    ...bundleHandlers(session),
    ...requestHandlers(session),
    ...failureHandlers(session),
    ...downloadRecordHandlers(session),
    ...consoleHandlers(session),
    ...selfHelpHandlers(session),
    ...mailHandlers(session),
    ...upgradeHandlers(session, { previews: () => settings.get().includePreviews, clock: host.clock }),
    ...supportHandlers(host, settings),
  });
}

/**
 * The user sees an error without a code only as "Something went wrong inside the app" (shared/api/define.ts), so its
 * cause is written to the app log here, with the method it came from, before the transport turns it into that.
 */
function loggingUncoded(logger: Logger, handlers: AppHandlers): AppHandlers {
  const wrapped: Record<string, (args: never, ctx: never) => unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (args: never, ctx: never) => unknown][]) {
    wrapped[method] = async (args, ctx) => {
      try {
        return await handler(args, ctx);
      } catch (error) {
        if (!isHicareError(error))
          logger.error('an app method failed without a coded error', { method, error: describe(error) });
        throw error;
      }
    };
  }
  return wrapped as unknown as AppHandlers;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}
