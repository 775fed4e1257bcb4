/** The back office's handlers: Releases, their lines’ lifecycle dates, and withdrawals. */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { releasesApi } from '../../shared/contracts/admin/releases.js';

export function releaseHandlers(_ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof releasesApi> {
  return {};
}
