/** The back office's handlers: Reports for the vendor: SLA, surveys, downloads, requests. */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { reportsApi } from '../../shared/contracts/admin/reports.js';

export function reportHandlers(_ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof reportsApi> {
  return {};
}
