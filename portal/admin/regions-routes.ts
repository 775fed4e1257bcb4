/** The back office's handlers: Regions: response-time tables and business calendars. */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { regionsApi } from '../../shared/contracts/admin/regions.js';

export function regionHandlers(_ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof regionsApi> {
  return {};
}
