/** The back office's handlers: E-mail: the outbox, and each signed-in account's own mail preferences. */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { mailApi } from '../../shared/contracts/admin/mail.js';
import { listOutbox, retryMail } from '../mail/outbox.js';
import { mailPreferences, setMailPreferences } from '../mail/preferences.js';
import { accountActor } from './audit.js';

export function mailHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof mailApi> {
  const { db, now } = ctx;
  return {
    adminMailOutbox: async ({ query }) => listOutbox(db, query),
    adminMailRetry: async ({ caller, params }) => retryMail(db, accountActor(caller.account), params.id, now()),
    myMailPreferences: async ({ caller }) => mailPreferences(db, caller.account.id),
    setMyMailPreferences: async ({ caller, body }) => setMailPreferences(db, caller.account.id, body.kinds, now()),
  };
}
