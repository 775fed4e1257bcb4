/** The back office's handlers: Releases, their lines’ lifecycle dates, and withdrawals (the rules in ./releases.ts). */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { releasesApi } from '../../shared/contracts/admin/releases.js';
import { accountActor } from './audit.js';
import { listLines, listReleases, restoreRelease, setLine, showRelease, withdrawRelease } from './releases.js';

export function releaseHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof releasesApi> {
  return {
    adminReleases: async ({ query }) => listReleases(ctx, query),
    adminRelease: async ({ params }) => showRelease(ctx, params.product, params.version),
    adminReleaseWithdraw: async ({ params, body, caller }) =>
      withdrawRelease(ctx, accountActor(caller.account), params.product, params.version, body.reason),
    adminReleaseRestore: async ({ params, caller }) =>
      restoreRelease(ctx, accountActor(caller.account), params.product, params.version),
    adminLines: async ({ query }) => listLines(ctx, query),
    adminLineSet: async ({ params, body, caller }) =>
      setLine(ctx, accountActor(caller.account), params.product, params.major, body),
  };
}
