/** The handlers of the app API, shared by the Electron shell and the web host. */
import type { Handlers } from '../../shared/api/define.js';
import type { AppApi } from '../../shared/contracts/app-api.js';
import type { HostAdapter } from './adapters.js';
import type { SettingsService } from './settings.js';

export interface CallContext {
  /** Where the call came from (a frame URL or the web host's peer), for the logs. */
  origin: string;
}

export interface AppServices {
  host: HostAdapter;
  settings: SettingsService;
  uiBuilt: () => boolean;
}

export function appHandlers(services: AppServices): Handlers<AppApi, CallContext> {
  const { host, settings } = services;
  return {
    'app.info': () => ({
      name: host.appName,
      version: host.appVersion,
      host: host.kind,
      platform: host.platform,
      portalUrl: settings.get().portalUrl,
      uiBuilt: services.uiBuilt(),
    }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };
}
