/**
 * The back office's handlers (DESIGN.md §6.2), one module per subject; each change they make is audited with the
 * calling administrator (./audit.ts). ../http/routes.ts registers them with the rest of the table.
 */
import type { mailApi } from '../../shared/contracts/admin/mail.js';
import type { communityApi } from '../../shared/contracts/selfhelp/community.js';
import type { AdminEndpointName } from '../../shared/contracts/portal-api.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import { listChanges } from './audit.js';
import { customerHandlers } from './customers-routes.js';
import { contractHandlers } from './contracts-routes.js';
import { regionHandlers } from './regions-routes.js';
import { releaseHandlers } from './releases-routes.js';
import { reportHandlers } from './reports-routes.js';
import { mailHandlers } from './mail-routes.js';
import { articleHandlers } from './articles-routes.js';

// The mail table also holds each account's own mail preferences, open to everyone signed in; hiding a community post
// is the vendor's alone but lives with the community's routes.
export type AdminHandlers = Pick<
  JsonHandlers,
  Exclude<AdminEndpointName, keyof typeof communityApi> | keyof typeof mailApi
>;

export function adminHandlers(ctx: EntitlementContext): AdminHandlers {
  const { db } = ctx;
  return {
    adminAudit: async ({ query }) => listChanges(db, query),
    ...customerHandlers(ctx),
    ...contractHandlers(ctx),
    ...regionHandlers(ctx),
    ...releaseHandlers(ctx),
    ...reportHandlers(ctx),
    ...mailHandlers(ctx),
    ...articleHandlers(ctx),
  };
}
