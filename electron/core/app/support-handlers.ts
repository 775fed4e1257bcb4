/**
 * The app API's support bundle: preview and export over the host's data directory. The bundle goes to the path the
 * shell chose, else into the download folder, where a customer looks for what the app saved.
 */
import type { HostAdapter } from '../adapters.js';
import type { SettingsService } from '../settings.js';
import { SupportBundle } from '../support/index.js';
import type { AppHandlersFor } from './handler-types.js';

export function supportHandlers(host: HostAdapter, settings: SettingsService): AppHandlersFor<'support'> {
  const bundle = new SupportBundle({
    dataDirectory: host.paths.dataDirectory,
    app: { name: host.appName, version: host.appVersion, host: host.kind, platform: host.platform },
    settings: () => settings.get(),
    clock: host.clock,
  });
  return {
    'support.preview': () => bundle.preview(),
    'support.export': async ({ path }) => {
      const written = await bundle.export(
        path === undefined ? { folder: settings.get().downloadDirectory ?? host.paths.downloadDirectory } : { path },
      );
      host.logger.info('support bundle exported', written);
      return written;
    },
  };
}
