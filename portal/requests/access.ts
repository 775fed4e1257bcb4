/**
 * Who may see and work on a request. A customer sees only its own requests, and another customer's request is
 * answered exactly like one that does not exist (404), so ids cannot be probed. Engineers and portal admins see all;
 * an engineer works only on requests assigned to them, or takes an unassigned one by working on it.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import { HicareError } from '../../shared/errors.js';
import { getRequestRecord, updateRequestIf, type RequestRecord } from '../db/requests.js';
import type { RequestContext } from './context.js';

export function requestNotFound(id: string): HicareError {
  return new HicareError('NOT_FOUND.requestMissing', {}, { requestId: id });
}

export function canSee(account: Account, record: Pick<RequestRecord, 'customerId'>): boolean {
  if (account.role === 'engineer' || account.role === 'portal-admin') return true;
  return account.role === 'customer-admin' && account.customerId === record.customerId;
}

export async function visibleRequest(ctx: RequestContext, account: Account, id: string): Promise<RequestRecord> {
  const record = await getRequestRecord(ctx.db, id);
  if (record === undefined || !canSee(account, record)) throw requestNotFound(id);
  return record;
}

export function assignedElsewhere(record: RequestRecord): HicareError {
  return new HicareError(
    'FORBIDDEN.requestAssignedElsewhere',
    { number: record.number },
    {
      requestId: record.id,
    },
  );
}

/**
 * Makes sure the calling engineer is the request's engineer: an unassigned request becomes theirs (as when they take
 * it), one assigned to somebody else is refused. Returns the request as it now is and whether it changed.
 */
export async function claimForEngineer(
  ctx: RequestContext,
  account: Account,
  record: RequestRecord,
): Promise<{ record: RequestRecord; claimed: boolean }> {
  let current = record;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (current.assignedEngineerId === account.id) return { record: current, claimed: false };
    if (current.assignedEngineerId !== null) throw assignedElsewhere(current);
    const expected = { state: current.state, assignedEngineerId: null };
    if (await updateRequestIf(ctx.db, current.id, expected, { assignedEngineerId: account.id }, ctx.now())) {
      return { record: { ...current, assignedEngineerId: account.id }, claimed: true };
    }
    // Somebody changed the request in between: look again.
    current = await visibleRequest(ctx, account, current.id);
  }
  throw new HicareError('INTERNAL.requestAssignRace', { number: current.number });
}
