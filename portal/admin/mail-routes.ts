/** The back office's handlers: E-mail: the outbox, preferences and the survey page. */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { mailApi } from '../../shared/contracts/admin/mail.js';

export function mailHandlers(_ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof mailApi> {
  return {};
}
