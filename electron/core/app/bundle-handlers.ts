/**
 * The app API's offline bundles: exporting the chosen releases with their proof (a bundle file or a folder), and
 * verifying and installing from a bundle file. Paths are checked first, so a refused one writes and reads nothing;
 * verifying and installing need no portal (the site may have none), exporting needs a signed-in one to sign the
 * statement. An installer that fails is an outcome leading to a service request, as for an online install.
 */
import { basename } from 'node:path';
import type { BundleExportView } from '../../../shared/contracts/app-views.js';
import {
  exportBundle,
  exportFolder,
  installFromBundleFile,
  verifyBundleFile,
  type BundleExportProgress,
  type BundleExportRequest,
} from '../bundle/app-facade.js';
import type { AppSession } from './app-session.js';
import { exportFilePath, exportFolderPath, importFilePath } from './bundle-paths.js';
import { watchedInstall } from './watched-install.js';
import type { AppHandlersFor } from './handler-types.js';

/** Progress at most every `ms` per package (and always its last figure), so a fast export does not flood the window. */
function throttledProgress(session: AppSession, exportId: string, ms = 200): (p: BundleExportProgress) => void {
  const last = new Map<string, number>();
  return (p) => {
    const now = Date.now();
    const finished = p.receivedBytes >= p.totalBytes;
    if (!finished && now - (last.get(p.target) ?? 0) < ms) return;
    last.set(p.target, now);
    session.emit('bundles.progress', { exportId, ...p });
  };
}

function selection(input: {
  serials: string[];
  targets: string[];
  validDays?: number | undefined;
}): BundleExportRequest {
  return {
    serials: input.serials,
    targets: input.targets,
    ...(input.validDays === undefined ? {} : { validDays: input.validDays }),
  };
}

export function bundleHandlers(session: AppSession): AppHandlersFor<'bundles'> {
  return {
    'bundles.export': async (input): Promise<BundleExportView> => {
      const file = await exportFilePath(input.path);
      const client = await session.signedInClient();
      const written = await exportBundle(client, selection(input), file, throttledProgress(session, input.exportId));
      return {
        written: written.file,
        kind: 'file',
        bytes: written.bytes,
        files: input.targets.map((t) => basename(t)),
        validUntil: written.validUntil,
        serials: input.serials,
        targets: input.targets,
      };
    },
    'bundles.exportFolder': async (input): Promise<BundleExportView> => {
      const folder = await exportFolderPath(input.folder);
      const client = await session.signedInClient();
      const written = await exportFolder(client, selection(input), folder, throttledProgress(session, input.exportId));
      return {
        written: written.folder,
        kind: 'folder',
        bytes: null,
        files: written.files,
        validUntil: written.validUntil,
        serials: input.serials,
        targets: input.targets,
      };
    },
    'bundles.verify': async ({ path, serialNumber }) => {
      const file = await importFilePath(path);
      const verdict = await verifyBundleFile(session.client(), file, serialNumber);
      return { file, ...verdict };
    },
    'bundles.install': async ({ path, serialNumber, targetName, installId }) => {
      const file = await importFilePath(path);
      const client = session.client();
      // Verified first: a bundle refused for this system is an error (nothing ran), not a failed installation; and
      // the verdict names the product the outcome shows.
      const verdict = await verifyBundleFile(client, file, serialNumber);
      const chosen =
        verdict.packages.find((p) => p.target === targetName) ??
        (verdict.packages.length === 1 ? verdict.packages[0] : undefined);
      return watchedInstall(session, client, { installId, serialNumber, product: chosen?.product ?? '' }, (onLog) =>
        installFromBundleFile(client, file, serialNumber, targetName, onLog),
      );
    },
  };
}
