/**
 * The portal's JSON routes, one handler per entry of the shared endpoint table: accounts, contracts, entitlement,
 * the catalog, the download records and the knowledge base; and the manager's own update feed. Service requests are registered by their own
 * module.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { portalApi } from '../../shared/contracts/portal-api.js';
import { contractStanding } from '../../shared/domain/contract.js';
import { isHicareError } from '../../shared/errors.js';
import { authenticate, revokeToken, signIn } from '../accounts/index.js';
import type { TokenCache } from '../accounts/token-cache.js';
import { registerAppUpdateRoutes } from '../app-updates/routes.js';
import { listArticles } from '../db/articles.js';
import { listContracts } from '../db/contracts.js';
import { listLicenceAdvances } from '../db/licence-advances.js';
import type { Database } from '../db/schema.js';
import { downloadRecords } from '../entitlement/download-records.js';
import { reportInstalled } from '../entitlement/installed-reports.js';
import { customerOf, customerSystems } from '../entitlement/systems.js';
import { systemEntitlement, type EntitlementContext } from '../entitlement/verdicts.js';
import { matchKnownIssues, searchArticles } from '../knowledge/index.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from '../requests/idempotency.js';
import { registerEndpoint, type Authenticate } from './endpoints.js';

export function bearerAuthentication(db: Kysely<Database>, now: () => Date, cache?: TokenCache): Authenticate {
  return async (bearer) => {
    const principal = await authenticate(db, bearer, now(), cache);
    return { account: principal.account, tokenId: principal.token.id };
  };
}

export function registerPortalRoutes(app: FastifyInstance, ctx: EntitlementContext, auth: Authenticate): void {
  const { db, now } = ctx;

  registerEndpoint(app, portalApi.signIn, auth, async ({ body, request, reply }) => {
    try {
      return await signIn(db, body.email, body.password, now(), { remoteAddress: request.ip });
    } catch (error) {
      // HTTP clients and proxies back off on Retry-After without reading the body.
      const wait = isHicareError(error) && error.code === 'RATE_LIMITED' ? error.details?.['retryAfterSeconds'] : undefined;
      if (typeof wait === 'number') reply.header('retry-after', String(wait));
      throw error;
    }
  });

  registerEndpoint(app, portalApi.signOut, auth, async ({ caller }) => {
    await revokeToken(db, caller.tokenId, now(), { accountId: caller.account.id });
    return { ok: true as const };
  });

  registerEndpoint(app, portalApi.me, auth, async ({ caller }) => caller.account);

  // The manager's own updates (electron-updater's feed), public like the signed catalog.
  registerAppUpdateRoutes(app, ctx.catalog);

  registerEndpoint(app, portalApi.contracts, auth, async ({ caller }) => {
    const at = now();
    const customerId = customerOf(caller.account);
    const [contracts, advances] = await Promise.all([listContracts(db, { customerId }), listLicenceAdvances(db, [customerId])]);
    return {
      contracts: contracts.map((c) => {
        const { status, daysLeft, daysUntilStart } = contractStanding(c, at);
        const licenceAdvances = advances.filter((a) => a.customerId === c.customerId && c.systems.some((s) => s.product === a.product));
        return { ...c, status, daysLeft, daysUntilStart, licenceAdvances: licenceAdvances.map(({ product, major, version, serialNumber, at }) => ({ product, major, version, serialNumber, at })) };
      }),
    };
  });

  registerEndpoint(app, portalApi.systems, auth, async ({ caller }) => {
    const { systems } = await customerSystems(db, customerOf(caller.account), {});
    return {
      systems: systems.map((s) => ({
        ...s.system,
        contractIds: s.contracts.map((c) => c.id),
        installedVersion: s.installedVersion,
        platform: s.platform,
        ...(s.notInCatalog ? { notInCatalog: true as const } : {}),
      })),
    };
  });

  registerEndpoint(app, portalApi.systemEntitlement, auth, async ({ caller, params, query }) =>
    systemEntitlement(ctx, caller.account, params.serialNumber, {
      installedVersion: query.installedVersion,
      platform: query.platform,
      previews: query.previews === '1',
    }),
  );

  registerEndpoint(app, portalApi.downloadRecords, auth, async ({ caller, query }) => downloadRecords(db, caller.account, query));
  registerEndpoint(app, portalApi.reportInstalled, auth, async ({ caller, params, body, request, reply }) => {
    const { report, replayed } = await reportInstalled(ctx, caller.account, params.serialNumber, body, idempotencyKeyOf(request.headers[IDEMPOTENCY_HEADER]));
    if (!replayed) return report;
    // A retry gets the first report back as 200 (not 201): nothing new was recorded.
    reply.code(200).header('idempotent-replayed', 'true').send(report);
  });

  registerEndpoint(app, portalApi.releases, auth, async ({ params }) => ({ releases: (await ctx.catalog.product(params.product)).targets }));

  registerEndpoint(app, portalApi.knownIssues, auth, async ({ body }) => ({
    articles: matchKnownIssues(await listArticles(db), {
      product: body.product,
      ...(body.version === undefined ? {} : { version: body.version }),
      ...(body.exitCode === undefined ? {} : { exitCode: body.exitCode }),
      ...(body.log === undefined ? {} : { log: body.log }),
    }),
  }));

  registerEndpoint(app, portalApi.knowledge, auth, async ({ query }) => {
    const articles = await listArticles(db);
    // A failure (exit code or log) asks for known issues; plain text asks for a search.
    if (query.product !== undefined && (query.exitCode !== undefined || query.log !== undefined)) {
      return {
        articles: matchKnownIssues(articles, {
          product: query.product,
          ...(query.exitCode === undefined ? {} : { exitCode: query.exitCode }),
          ...(query.log === undefined ? {} : { log: query.log }),
        }),
      };
    }
    return { articles: searchArticles(articles, { q: query.q, ...(query.product === undefined ? {} : { product: query.product }) }) };
  });
}
