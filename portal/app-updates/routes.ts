/**
 * `GET|HEAD /app-updates/<os>/<arch>/<name>`: the feed electron-updater's generic provider reads (electron-builder.yml
 * publishes there). `<name>` is the platform's channel file, made from the newest signed installers, or one of those
 * installers. Public, like the signed catalog: the manager itself is not entitlement-gated. Only names the signed
 * metadata lists are served, looked up, never joined into a path: anything else is the coded 404.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppArchSchema, AppOsSchema, type AppTarget } from '../../shared/contracts/catalog.js';
import { compareVersions } from '../../shared/domain/release.js';
import type { PortalRawRoutes } from '../../shared/contracts/portal-raw-routes.js';
import { HicareError } from '../../shared/errors.js';
import type { Catalog } from '../catalog/catalog.js';
import { sendError } from '../http/endpoints.js';
import { noneMatch, packageFile, sendPackage } from '../http/file-response.js';
import { restOf, type RawHandler } from '../http/raw-route.js';
import { appFileName, channelFileName, newestAppRelease, renderChannelFile } from './channel-file.js';

function notFound(path: string): HicareError {
  const shown = path.length > 80 ? `${path.slice(0, 80)}…` : path;
  return new HicareError('NOT_FOUND.appUpdatePath', { path: shown });
}

function nothingPublished(os: string, arch: string): HicareError {
  return new HicareError('NOT_FOUND.appUpdateRelease', { platform: `${os}-${arch}` }, { os, arch });
}

async function serve(
  request: FastifyRequest,
  reply: FastifyReply,
  catalog: Catalog,
  path: string,
): Promise<FastifyReply> {
  const segments = path.split('/');
  const os = AppOsSchema.safeParse(segments[0]);
  const arch = AppArchSchema.safeParse(segments[1]);
  const name = segments[2];
  if (segments.length !== 3 || !os.success || !arch.success || name === undefined)
    return sendError(reply, notFound(path));

  const signed = await catalog.appTargets();
  if (name === channelFileName(os.data, arch.data)) {
    const release = newestAppRelease(signed, os.data, arch.data);
    if (release === undefined) return sendError(reply, nothingPublished(os.data, arch.data));
    const body = Buffer.from(renderChannelFile(release));
    const etag = `"sha256-${createHash('sha256').update(body).digest('hex')}"`;
    reply.header('etag', etag);
    // The channel file names the newest release: every check must see a publish at once.
    reply.header('cache-control', 'no-cache');
    if (noneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
    reply.type('application/yaml; charset=utf-8');
    reply.header('content-length', String(body.length));
    return reply.send(request.method === 'HEAD' ? undefined : body);
  }

  // Any signed installer for this os/arch, not only the newest: a client that read the channel file a moment before
  // a publish still gets the file it was told about. Two versions under one file name: the newest, as the channel says.
  const target = signed
    .filter((t) => t.custom.os === os.data && t.custom.arch === arch.data && appFileName(t) === name)
    .reduce<AppTarget | undefined>(
      (best, t) => (best === undefined || compareVersions(t.custom.version, best.custom.version) > 0 ? t : best),
      undefined,
    );
  if (target === undefined) return sendError(reply, notFound(path));
  return sendPackage(
    request,
    reply,
    packageFile(catalog.repository.blobs, catalog.packageKey(target), {
      length: target.length,
      sha256: target.sha256,
      downloadName: name,
    }),
  );
}

/** The feed's handler: public like the signed catalog, so it needs no caller. */
export function appUpdatesHandler(catalog: Catalog): RawHandler<PortalRawRoutes['appUpdates']> {
  return async ({ request, reply }) => serve(request, reply, catalog, restOf(request));
}
