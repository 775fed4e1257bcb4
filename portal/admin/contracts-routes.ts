/** The back office's handlers: Contracts by the service description’s start-date rules, renewals and tier changes. */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { contractsApi } from '../../shared/contracts/admin/contracts.js';

export function contractHandlers(_ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof contractsApi> {
  return {};
}
