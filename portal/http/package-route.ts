/**
 * `GET|HEAD /api/v1/packages/<target name>` (or the target's consistent-snapshot path `<dir>/<sha256>.<file>`): a
 * package's bytes for a caller whose entitlement verdict allows that release, and an audit record of every download
 * (who, which system, which release, how many bytes went out).
 *
 * Where the bytes come from: a package in the local store is sent from its file. One in a remote (S3) store is, by
 * default, streamed through the portal from the store, Range and all. That is the default because the portal then
 * stays the only address a client needs (customer sites often let only the portal through their proxy), the audit
 * counts the bytes that really went out, and a resumed download keeps working: the app resumes with If-Range on the
 * portal's ETag, which a store's own ETag would never match. `redirect` (HICARE_PACKAGE_DELIVERY) instead answers
 * with a 302 to a presigned store URL, valid a few minutes and for that one object — cheaper for the portal, for
 * clients that reach the store directly; such a URL is minted only after the verdict allowed the download.
 */
import { PackageQuerySchema } from '../../shared/contracts/portal-api.js';
import type { PortalRawRoutes } from '../../shared/contracts/portal-raw-routes.js';
import { issuesSentence, plainIssues, safeParsePlain } from '../../shared/api/plain-issues.js';
import { HicareError } from '../../shared/errors.js';
import { requestLocale } from './locale.js';
import { recordDownload } from '../db/downloads.js';
import { authorizeDownload, type EntitlementContext } from '../entitlement/verdicts.js';
import { packageKey, type BlobStore } from '../storage/blob-store.js';
import type { PackageDelivery } from '../storage/config.js';
import { S3BlobStore } from '../storage/s3-blob-store.js';
import { assertTargetName } from '../tuf/target-name.js';
import { packageFile, sendPackage } from './file-response.js';
import { targetNameFor } from './package-target.js';
import { restOf, type RawHandler } from './raw-route.js';

/** Long enough to start a download after the redirect, short enough that a leaked URL is soon worthless. */
export const PRESIGNED_URL_SECONDS = 5 * 60;

export interface PackageRouteOptions {
  blobs: BlobStore;
  /** For a remote store: send the bytes through the portal (the default) or redirect to a presigned URL. */
  delivery?: PackageDelivery;
}

/** The package route's handler; the caller arrives authenticated and allowed to download (see the raw route table). */
export function packageHandler(
  ctx: EntitlementContext,
  options: PackageRouteOptions,
): RawHandler<PortalRawRoutes['downloadPackage']> {
  const { blobs } = options;
  const redirect = options.delivery === 'redirect' && blobs instanceof S3BlobStore ? blobs : undefined;
  return async ({ caller: { account }, request, reply }) => {
    const requested = restOf(request);
    assertTargetName(requested);
    const name = await targetNameFor(ctx.catalog, requested);
    const parsed = safeParsePlain(PackageQuerySchema, request.query ?? {});
    if (!parsed.success) {
      const locale = requestLocale(request);
      const issues = plainIssues(parsed.error, ['query'], locale);
      throw new HicareError('INVALID_INPUT.packageQuery', { issues: issuesSentence(issues, locale) }, { issues });
    }
    const q = parsed.data;
    const grant = await authorizeDownload(ctx, account, name, {
      serialNumber: q.serialNumber,
      installedVersion: q.installedVersion,
      previews: q.previews === '1',
    });
    const { target } = grant;
    const downloadName = target.name.split('/').at(-1) ?? target.name;
    const audit = (bytes: number): void => {
      recordDownload(
        ctx.db,
        {
          accountId: account.id,
          serialNumber: grant.serialNumber,
          product: target.custom.product,
          version: target.custom.version,
          targetName: target.name,
          bytes,
        },
        ctx.now(),
      ).catch((error: unknown) => request.log.error({ err: error }, 'download audit failed'));
    };
    const key = packageKey(target);
    if (redirect !== undefined) {
      const url = await redirect.presignGet(key, { expiresInSeconds: PRESIGNED_URL_SECONDS, downloadName });
      // The portal never sees what the store sends: a redirected GET counts as the whole package handed out.
      if (request.method === 'GET') audit(target.length);
      return await reply.code(302).header('location', url).header('cache-control', 'private, no-store').send();
    }
    return await sendPackage(
      request,
      reply,
      packageFile(blobs, key, { length: target.length, sha256: target.sha256, downloadName }),
      ({ bytesSent }) => {
        if (request.method === 'HEAD' || bytesSent === 0) return;
        audit(bytesSent);
      },
    );
  };
}
