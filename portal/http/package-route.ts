/**
 * `GET|HEAD /api/v1/packages/<target name>`: a package's bytes for a caller whose entitlement verdict allows that
 * release, and an audit record of every download (who, which system, which release, how many bytes went out).
 */
import type { FastifyInstance } from 'fastify';
import { PACKAGES_PATH, PackageQuerySchema } from '../../shared/contracts/portal-api.js';
import { invalidValues, plainIssues, safeParsePlain } from '../../shared/api/plain-issues.js';
import type { Role } from '../../shared/domain/request-state.js';
import { forbiddenFor } from '../../shared/domain/role-names.js';
import { HicareError } from '../../shared/errors.js';
import { recordDownload } from '../db/downloads.js';
import { authorizeDownload, type EntitlementContext } from '../entitlement/verdicts.js';
import { assertTargetName } from '../tuf/target-name.js';
import { sendError, type Authenticate } from './endpoints.js';
import { sendPackage } from './file-response.js';

const DOWNLOAD_ROLES: readonly Role[] = ['customer-admin', 'it-staff'];

export function registerPackageRoute(app: FastifyInstance, ctx: EntitlementContext, auth: Authenticate): void {
  app.route({
    method: ['GET', 'HEAD'],
    url: `${PACKAGES_PATH}*`,
    handler: async (request, reply) => {
      try {
        const bearer = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(request.headers.authorization ?? '')?.[1];
        if (bearer === undefined) throw new HicareError('UNAUTHENTICATED', 'Packages are for signed-in customers.', 'Sign in, then send the token as "Authorization: Bearer …".');
        const { account } = await auth(bearer, request);
        if (!DOWNLOAD_ROLES.includes(account.role)) throw forbiddenFor(account.role, 'download packages', DOWNLOAD_ROLES);
        const name = (request.params as { '*': string })['*'];
        assertTargetName(name);
        const parsed = safeParsePlain(PackageQuerySchema, request.query ?? {});
        if (!parsed.success) throw invalidValues(plainIssues(parsed.error, ['query']), 'Send only serialNumber, installedVersion and previews.');
        const q = parsed.data;
        const grant = await authorizeDownload(ctx, account, name, { serialNumber: q.serialNumber, installedVersion: q.installedVersion, previews: q.previews === '1' });
        const { target } = grant;
        return await sendPackage(
          request,
          reply,
          { path: ctx.catalog.packagePath(target), length: target.length, sha256: target.sha256, downloadName: target.name.split('/').at(-1) ?? target.name },
          ({ bytesSent }) => {
            if (request.method === 'HEAD' || bytesSent === 0) return;
            recordDownload(
              ctx.db,
              { accountId: account.id, serialNumber: grant.serialNumber, product: target.custom.product, version: target.custom.version, targetName: target.name, bytes: bytesSent },
              ctx.now(),
            ).catch((error: unknown) => request.log.error({ err: error }, 'download audit failed'));
          },
        );
      } catch (error) {
        return sendError(reply, error);
      }
    },
  });
}
