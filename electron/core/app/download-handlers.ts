/**
 * The app API's download and install methods. A download answers as soon as it is queued (its progress follows as
 * `downloads.changed` events); an install streams its log as `install.log` events and answers with its outcome — a
 * failed installer is an outcome (with what a request can be drafted from), not an error.
 */
import type { DownloadView } from '../../../shared/contracts/app-views.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { HicareError } from '../../../shared/errors.js';
import type { HicareClient } from '../client/hicare-client.js';
import type { AppSession } from './app-session.js';
import type { DownloadFolder } from './download-folder.js';
import type { AppHandlersFor } from './handler-types.js';
import { watchedInstall } from './watched-install.js';

/** The signed target; the catalog is refreshed once when the name is not (yet) in the cached copy. */
async function signedTarget(client: HicareClient, name: string): Promise<ReleaseTarget> {
  try {
    return await client.trust.verifiedTarget(name);
  } catch (error) {
    if (!(error instanceof HicareError) || error.code !== 'TARGET_UNKNOWN') throw error;
    await client.trust.refresh();
    return client.trust.verifiedTarget(name);
  }
}

const settledOrPaused = (v: DownloadView): boolean => ['paused', 'done', 'failed', 'cancelled'].includes(v.state);
const settled = (v: DownloadView): boolean => ['done', 'failed', 'cancelled'].includes(v.state);

export function downloadHandlers(session: AppSession, folder: DownloadFolder): AppHandlersFor<'downloads' | 'install'> {
  const registry = session.downloads;
  return {
    'downloads.start': async ({ targetName, serialNumber, toFolder }) => {
      const client = await session.signedInClient();
      const target = await signedTarget(client, targetName);
      registry.knowLength(target.name, target.length);
      const out = toFolder === true ? folder.path() : undefined;
      // Answers once queued; a failure after that is reported on the download itself.
      const { handle, done } = await client.startDownload(target.name, {
        ...(serialNumber === undefined ? {} : { serialNumber }),
        ...(out === undefined ? {} : { out }),
      });
      // The copy under the real name is made after the bytes are verified; the view says where once it is there.
      session.background(
        done.then(
          (outcome) => {
            if (out !== undefined) registry.savedAs(handle.id, outcome.file);
          },
          (error: unknown) => {
            if (out !== undefined) registry.notSaved(handle.id, error);
          },
        ),
      );
      return registry.track(handle, {
        targetName: target.name,
        serialNumber: serialNumber ?? null,
        totalBytes: target.length,
      });
    },
    'downloads.list': () => ({ downloads: registry.list() }),
    'downloads.folder': () => folder.view(),
    'downloads.setFolder': ({ folder: chosen }) => folder.choose(chosen),
    'downloads.pause': ({ id }) => {
      registry.handle(id).pause();
      return registry.waitFor(id, settledOrPaused);
    },
    'downloads.resume': ({ id }) => {
      registry.handle(id).resume();
      return registry.get(id);
    },
    'downloads.cancel': ({ id }) => {
      registry.handle(id).cancel();
      return registry.waitFor(id, settled);
    },

    'install.run': async ({ targetName, serialNumber, installId }) => {
      const client = await session.signedInClient();
      // The inventory from the contracts, with versions detected again: the install starts from what is there now.
      await client.systems();
      const target = await signedTarget(client, targetName);
      registry.knowLength(targetName, target.length);
      return watchedInstall(session, client, { installId, serialNumber, product: target.custom.product }, (onLog) =>
        client.install(targetName, serialNumber, { onLog }),
      );
    },
  };
}
