/**
 * The portal's handlers, one per entry of the shared route tables, and their registration: accounts, contracts,
 * entitlement, the catalog, the download records and the knowledge base are answered here; service requests, the
 * live events and attachments by ../requests/routes.ts; package bytes, the signed metadata and the manager's own
 * update feed by their own modules. ./route-table.ts checks at compile time that none is missing.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { contractStanding } from '../../shared/domain/contract.js';
import { authenticate, revokeToken, signIn } from '../accounts/index.js';
import { adminHandlers } from '../admin/routes.js';
import { getAccount } from '../db/accounts.js';
import type { TokenCache } from '../accounts/token-cache.js';
import { appUpdatesHandler } from '../app-updates/routes.js';
import { listContracts } from '../db/contracts.js';
import { regionTerms } from '../db/regions.js';
import { calendarSummary, slaTermsFor } from '../../shared/domain/sla.js';
import { listLicenceAdvances } from '../db/licence-advances.js';
import type { Database } from '../db/schema.js';
import { downloadRecords } from '../entitlement/download-records.js';
import { reportInstalled } from '../entitlement/installed-reports.js';
import { customerOf, customerSystems } from '../entitlement/systems.js';
import { knownWithdrawals, systemEntitlement, type EntitlementContext } from '../entitlement/verdicts.js';
import { knowledgeHandlers } from '../knowledge/routes.js';
import { communityHandlers } from '../community/routes.js';
import { bundleHandlers } from '../bundles/routes.js';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from '../requests/idempotency.js';
import type { RequestContext, RequestOptions } from '../requests/context.js';
import { requestRoutes } from '../requests/routes.js';
import { mailPageHandlers } from '../mail/pages.js';
import { answerToReuse, markReplayed, type Authenticate } from './endpoints.js';
import { requestedLocale } from './locale.js';
import { packageHandler, type PackageRouteOptions } from './package-route.js';
import { registerRouteTable, type JsonHandlers } from './route-table.js';
import { tufHandler } from './tuf-route.js';

export function bearerAuthentication(db: Kysely<Database>, now: () => Date, cache?: TokenCache): Authenticate {
  return async (bearer) => {
    const principal = await authenticate(db, bearer, now(), cache);
    return { account: principal.account, tokenId: principal.token.id };
  };
}

/** What the routes need besides the entitlement context: the request policies and where package bytes come from. */
export type PortalRouteOptions = RequestOptions & PackageRouteOptions;

/** Registers every route of the shared tables on `app`; returns the context the service requests share. */
export function registerPortalRoutes(
  app: FastifyInstance,
  ctx: EntitlementContext,
  auth: Authenticate,
  options: PortalRouteOptions,
): RequestContext {
  const requests = requestRoutes(app, { ...ctx, ...options }, auth);
  registerRouteTable(
    app,
    {
      ...accountHandlers(ctx),
      ...entitlementHandlers(ctx),
      ...knowledgeHandlers(ctx),
      ...communityHandlers(ctx),
      ...bundleHandlers(ctx),
      ...requests.handlers,
      ...adminHandlers(ctx),
      downloadPackage: packageHandler(ctx, options),
      tufMetadata: tufHandler({ metadata: ctx.catalog.repository.metadata }),
      // The manager's own updates (electron-updater's feed), public like the signed catalog.
      appUpdates: appUpdatesHandler(ctx.catalog),
      // The pages e-mail links open (the survey, unsubscribing), without signing in.
      ...mailPageHandlers(ctx),
    },
    auth,
  );
  return requests.ctx;
}

function accountHandlers({ db, now }: EntitlementContext): Pick<JsonHandlers, 'signIn' | 'signOut' | 'me'> {
  return {
    signIn: async ({ body, request }) => {
      const language = requestedLocale(request);
      return signIn(db, body.email, body.password, now(), {
        remoteAddress: request.ip,
        ...(language === undefined ? {} : { language }),
      });
    },
    signOut: async ({ caller }) => {
      await revokeToken(db, caller.tokenId, now(), { accountId: caller.account.id });
      return { ok: true as const };
    },
    // The token names the account; its language is read fresh, since a sign-in elsewhere may have changed it.
    me: async ({ caller }) => ({
      ...caller.account,
      language: (await getAccount(db, caller.account.id))?.language ?? null,
    }),
  };
}

type EntitlementRoutes =
  'contracts' | 'systems' | 'systemEntitlement' | 'withdrawals' | 'downloadRecords' | 'reportInstalled' | 'releases';

function entitlementHandlers(ctx: EntitlementContext): Pick<JsonHandlers, EntitlementRoutes> {
  const { db, now } = ctx;
  return {
    contracts: async ({ caller }) => {
      const at = now();
      const customerId = customerOf(caller.account);
      const [contracts, advances] = await Promise.all([
        listContracts(db, { customerId }),
        listLicenceAdvances(db, [customerId]),
      ]);
      const regions = await regionTerms(
        db,
        contracts.map((c) => c.region),
      );
      return {
        contracts: contracts.map((c) => {
          const { status, daysLeft, daysUntilStart } = contractStanding(c, at);
          const licenceAdvances = advances.filter(
            (a) => a.customerId === c.customerId && c.systems.some((s) => s.product === a.product),
          );
          const region = regions.get(c.region);
          return {
            ...c,
            calendar: calendarSummary(slaTermsFor(c, region), region?.name ?? null, at),
            status,
            daysLeft,
            daysUntilStart,
            licenceAdvances: licenceAdvances.map(({ product, major, version, serialNumber, at }) => ({
              product,
              major,
              version,
              serialNumber,
              at,
            })),
          };
        }),
      };
    },
    systems: async ({ caller }) => {
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
    },
    // The same answer object comes back while its inputs are unchanged (answer-memo.ts): checked and written once.
    systemEntitlement: async ({ caller, params, query }) =>
      answerToReuse(
        await systemEntitlement(ctx, caller.account, params.serialNumber, {
          installedVersion: query.installedVersion,
          platform: query.platform,
          previews: query.previews === '1',
        }),
      ),
    withdrawals: async ({ caller }) => ({ withdrawals: await knownWithdrawals(ctx, caller.account) }),
    downloadRecords: async ({ caller, query }) => downloadRecords(db, caller.account, query),
    reportInstalled: async ({ caller, params, body, request, reply }) => {
      const key = idempotencyKeyOf(request.headers[IDEMPOTENCY_HEADER]);
      const { report, replayed } = await reportInstalled(ctx, caller.account, params.serialNumber, body, key);
      if (replayed) markReplayed(reply);
      return report;
    },
    releases: async ({ params }) => ({ releases: (await ctx.catalog.product(params.product)).targets }),
  };
}
