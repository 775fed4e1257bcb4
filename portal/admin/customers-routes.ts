/** The back office's handlers: Customers, their accounts and their covered systems. */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { customersApi } from '../../shared/contracts/admin/customers.js';

export function customerHandlers(_ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof customersApi> {
  return {};
}
