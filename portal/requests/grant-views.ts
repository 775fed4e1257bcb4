/**
 * Grants as each caller may see them (shared/domain/grant-visibility.ts): the request's customer and its assigned
 * engineer see where and as whom access is given, and the grant's audit — creation, every attempt to reveal the
 * password (by whom, on which request), revocation, expiry; anybody else sees that a grant exists and nothing more.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import type { Grant, GrantAuditEntry, GrantDetail } from '../../shared/contracts/requests.js';
import { seesGrantDetails } from '../../shared/domain/grant-visibility.js';
import { getAccount } from '../db/accounts.js';
import { grantState, grantView, listGrantReads, type GrantRecord } from '../db/grants.js';
import type { RequestRecord } from '../db/requests.js';
import { compareText } from '../db/support.js';
import type { RequestContext } from './context.js';

/** Without the address and account: for live events (every engineer hears them) and for those who may not see them. */
export function withoutAccess(grant: Grant): Grant {
  return { ...grant, address: null, account: null };
}

export function grantFor(
  caller: Account,
  record: Pick<RequestRecord, 'customerId' | 'assignedEngineerId'>,
  grant: GrantRecord,
  now: Date,
): Grant {
  const view = grantView(grant, now);
  return seesGrantDetails(caller, record) ? view : withoutAccess(view);
}

type Who = GrantAuditEntry['by'];

/** Names looked up once per answer, however often one person appears in the audits. */
function whoLookup(ctx: RequestContext): (id: string | null) => Promise<Who> {
  const cache = new Map<string, Promise<Who>>();
  return (id) => {
    // 'system': the portal revoked the grant itself, as the request ended.
    if (id === null || id === 'system') return Promise.resolve(null);
    let found = cache.get(id);
    if (found === undefined) {
      found = getAccount(ctx.db, id).then((a) => (a === undefined ? null : { name: a.name, role: a.role }));
      cache.set(id, found);
    }
    return found;
  };
}

async function auditOf(
  ctx: RequestContext,
  record: RequestRecord,
  grant: GrantRecord,
  who: (id: string | null) => Promise<Who>,
  now: Date,
): Promise<GrantAuditEntry[]> {
  const requestNumber = record.number;
  const entries: GrantAuditEntry[] = [
    { at: grant.createdAt, kind: 'created', by: await who(grant.createdBy), requestNumber },
  ];
  for (const read of await listGrantReads(ctx.db, grant.id)) {
    entries.push({
      at: read.at,
      kind: read.outcome === 'read' ? 'password-revealed' : 'reveal-refused',
      by: await who(read.accountId),
      requestNumber,
    });
  }
  const state = grantState(grant, now);
  if (state === 'revoked' && grant.revokedAt !== null)
    entries.push({ at: grant.revokedAt, kind: 'revoked', by: await who(grant.revokedBy), requestNumber });
  if (state === 'expired') entries.push({ at: grant.expiresAt, kind: 'expired', by: null, requestNumber });
  // Stable: entries of one instant keep the order they were added in.
  return entries
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => compareText(a.at, b.at) || i - j)
    .map(([e]) => e);
}

/** The request's grants for its page: with access details and audit for those who may see them, bare for the rest. */
export async function grantDetails(
  ctx: RequestContext,
  caller: Account,
  record: RequestRecord,
  grants: readonly GrantRecord[],
): Promise<GrantDetail[]> {
  const now = ctx.now();
  const sees = seesGrantDetails(caller, record);
  const who = whoLookup(ctx);
  const out: GrantDetail[] = [];
  for (const grant of grants) {
    const view = grantView(grant, now);
    out.push(
      sees ? { ...view, audit: await auditOf(ctx, record, grant, who, now) } : { ...withoutAccess(view), audit: [] },
    );
  }
  return out;
}
