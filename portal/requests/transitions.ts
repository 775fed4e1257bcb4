/**
 * Moving a request through its states (DESIGN.md §3.4) with the shared transition table deciding what each role may
 * do, and the portal adding who does it: accepting records acceptedAt and assigns the accepting engineer, an engineer
 * working on an unassigned request takes it, one assigned to somebody else is refused. A request that ends (closed
 * or cancelled) has its remote-access grants revoked at once. Every change is compare-and-set, so two people acting
 * at the same moment cannot both move the request.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import type { ServiceRequest } from '../../shared/contracts/requests.js';
import { isTerminal, nextState, type Actor, type RequestAction, type RequestState } from '../../shared/domain/request-state.js';
import { HicareError } from '../../shared/errors.js';
import { activeGrantIds, getGrantRecord, revokeGrantRecord } from '../db/grants.js';
import { getRequestRecord, updateRequestIf, type RequestChanges, type RequestRecord } from '../db/requests.js';
import { toIso } from '../db/support.js';
import { assignedElsewhere, visibleRequest } from './access.js';
import type { RequestContext } from './context.js';
import { publishGrantChanged, publishRequestChanged } from './notify.js';
import { currentView } from './views.js';

const ATTEMPTS = 5;

function changesFor(record: RequestRecord, action: RequestAction, to: RequestState, actor: Actor, actorId: string, now: Date): RequestChanges {
  const at = toIso(now);
  const changes: RequestChanges = { state: to };
  if (actor === 'engineer') {
    if (action === 'accept' || record.assignedEngineerId === null) changes.assignedEngineerId = actorId;
    else if (record.assignedEngineerId !== actorId) throw assignedElsewhere(record);
  }
  if (action === 'accept') {
    changes.acceptedAt = at;
    changes.acceptedBy = actorId;
  }
  if (action === 'confirm') changes.confirmedAt = at;
  if (to === 'closed' || to === 'cancelled') changes.endedAt = at;
  return changes;
}

/** Revokes every grant still usable on a request that just ended: nobody needs access to a finished case. */
async function revokeGrantsOf(ctx: RequestContext, record: RequestRecord): Promise<void> {
  for (const id of await activeGrantIds(ctx.db, record.id, ctx.now())) {
    if (!(await revokeGrantRecord(ctx.db, id, 'system', ctx.now()))) continue;
    const grant = await getGrantRecord(ctx.db, id);
    if (grant !== undefined) publishGrantChanged(ctx, record, grant);
  }
}

/**
 * Applies `action` by `actor` to the request as it is when the change lands; reads again and re-decides when somebody
 * else changed it first, so the answer (or the refusal) is about the request's real state.
 */
async function transition(ctx: RequestContext, first: RequestRecord, reload: () => Promise<RequestRecord>, action: RequestAction, actor: Actor, actorId: string): Promise<ServiceRequest> {
  let record = first;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const now = ctx.now();
    const to = nextState(record.state, action, actor);
    const changes = changesFor(record, action, to, actor, actorId, now);
    const expected = { state: record.state, assignedEngineerId: record.assignedEngineerId };
    if (await updateRequestIf(ctx.db, record.id, expected, changes, now)) {
      if (isTerminal(to)) await revokeGrantsOf(ctx, record);
      return publishRequestChanged(ctx, record);
    }
    record = await reload();
  }
  throw new HicareError('INTERNAL', `Request ${record.number} kept changing while "${action}" was applied.`, 'Reload the request and try again.');
}

export async function actOnRequest(ctx: RequestContext, caller: Account, id: string, action: RequestAction): Promise<ServiceRequest> {
  const record = await visibleRequest(ctx, caller, id);
  return transition(ctx, record, () => visibleRequest(ctx, caller, id), action, caller.role, caller.id);
}

/** The portal acting on its own (automatic closure); the transition table still has the last word. */
export async function actAsSystem(ctx: RequestContext, record: RequestRecord, action: RequestAction): Promise<ServiceRequest> {
  const reload = async (): Promise<RequestRecord> => {
    const again = await getRequestRecord(ctx.db, record.id);
    if (again === undefined) throw new HicareError('NOT_FOUND', 'The service request no longer exists.', 'Nothing to do.');
    return again;
  };
  return transition(ctx, record, reload, action, 'system', 'system');
}

/** An engineer takes an accepted request nobody is assigned to (P1s accepted by the portal wait in the queue so). */
export async function takeRequest(ctx: RequestContext, caller: Account, id: string): Promise<ServiceRequest> {
  let record = await visibleRequest(ctx, caller, id);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (record.state === 'submitted') {
      throw new HicareError('ILLEGAL_TRANSITION', `Request ${record.number} has not been accepted yet.`, 'Accept the request: accepting also assigns it to you.', {
        state: record.state,
      });
    }
    if (isTerminal(record.state)) {
      throw new HicareError('ILLEGAL_TRANSITION', `Request ${record.number} is ${record.state}; nothing more can be done with it.`, 'Pick an open request from the queue.', {
        state: record.state,
      });
    }
    if (record.assignedEngineerId === caller.id) return currentView(ctx, record.id);
    if (record.assignedEngineerId !== null) {
      throw new HicareError('ALREADY_ASSIGNED', `Request ${record.number} is already assigned to another engineer.`, 'Pick an unassigned request from the queue.', {
        requestId: record.id,
      });
    }
    if (await updateRequestIf(ctx.db, record.id, { state: record.state, assignedEngineerId: null }, { assignedEngineerId: caller.id }, ctx.now())) {
      return publishRequestChanged(ctx, record);
    }
    record = await visibleRequest(ctx, caller, id);
  }
  throw new HicareError('INTERNAL', `Request ${record.number} kept changing while it was being assigned.`, 'Reload the request and try again.');
}
