/**
 * Moving a request through its states (DESIGN.md §3.4) with the shared transition table deciding what each role may
 * do, and the portal adding who does it: accepting records acceptedAt and assigns the accepting engineer, an engineer
 * working on an unassigned request takes it, one assigned to somebody else is refused. A request that ends (closed
 * or cancelled) has its remote-access grants revoked at once. Proposing stores the engineer's solution and the
 * customer's answer settles it (confirmed, or rejected with the reason), in the same transaction as the state change.
 * Every change is compare-and-set, so two people acting at the same moment cannot both move the request.
 */
import type { Kysely } from 'kysely';
import type { Account } from '../../shared/contracts/accounts.js';
import type { ServiceRequest } from '../../shared/contracts/requests.js';
import {
  isTerminal,
  nextState,
  type Actor,
  type RequestAction,
  type RequestState,
} from '../../shared/domain/request-state.js';
import { assertActionNote, type ActionNote } from '../../shared/domain/solution.js';
import { HicareError } from '../../shared/errors.js';
import { activeGrantIds, getGrantRecord, revokeGrantRecord } from '../db/grants.js';
import { getAttachment } from '../db/request-activity.js';
import { getRequestRecord, updateRequestIf, type RequestChanges, type RequestRecord } from '../db/requests.js';
import type { Database } from '../db/schema.js';
import { addSolution, decideSolution } from '../db/solutions.js';
import { toIso } from '../db/support.js';
import { queueTransitionMail } from '../mail/request-mail.js';
import { assignedElsewhere, visibleRequest } from './access.js';
import type { RequestContext } from './context.js';
import { publishGrantChanged, publishRequestChanged } from './notify.js';
import { selectKey } from './select-key.js';
import { currentView } from './views.js';

const ATTEMPTS = 5;

function changesFor(
  record: RequestRecord,
  action: RequestAction,
  to: RequestState,
  actor: Actor,
  actorId: string,
  now: Date,
): RequestChanges {
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
    if (grant !== undefined) await publishGrantChanged(ctx, record, grant);
  }
}

/** A solution's attachment must be one of the request's own files. */
async function checkSolutionAttachment(ctx: RequestContext, record: RequestRecord, note: ActionNote): Promise<void> {
  const id = note.solution?.attachmentId;
  if (id === undefined) return;
  const attachment = await getAttachment(ctx.db, id);
  if (attachment === undefined || attachment.requestId !== record.id) {
    throw new HicareError(
      'NOT_FOUND.requestSolutionFile',
      { number: record.number },
      {
        attachmentId: id,
      },
    );
  }
}

/** What proposing and answering a proposal store besides the state; runs inside the state change's transaction. */
async function recordNote(
  db: Kysely<Database>,
  record: RequestRecord,
  action: RequestAction,
  note: ActionNote,
  actorId: string,
  now: Date,
): Promise<void> {
  if (action === 'propose-solution' && note.solution !== undefined) {
    await addSolution(
      db,
      {
        requestId: record.id,
        text: note.solution.text.trim(),
        attachmentId: note.solution.attachmentId ?? null,
        proposedBy: actorId,
      },
      now,
    );
  } else if (action === 'reject-solution') {
    await decideSolution(db, record.id, { outcome: 'rejected', reason: note.reason?.trim() ?? null, by: actorId }, now);
  } else if (action === 'confirm') {
    await decideSolution(db, record.id, { outcome: 'confirmed', reason: null, by: actorId }, now);
  }
}

/**
 * Applies `action` by `actor` to the request as it is when the change lands; reads again and re-decides when somebody
 * else changed it first, so the answer (or the refusal) is about the request's real state.
 */
async function transition(
  ctx: RequestContext,
  first: RequestRecord,
  reload: () => Promise<RequestRecord>,
  action: RequestAction,
  actor: Actor,
  actorId: string,
  note: ActionNote = {},
): Promise<ServiceRequest> {
  let record = first;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const now = ctx.now();
    const to = nextState(record.state, action, actor);
    // Checked after the state and role, so somebody who may not act at all learns that first.
    assertActionNote(action, note);
    await checkSolutionAttachment(ctx, record, note);
    const changes = changesFor(record, action, to, actor, actorId, now);
    const expected = { state: record.state, assignedEngineerId: record.assignedEngineerId };
    const current = record;
    const changed = await ctx.db.transaction().execute(async (trx) => {
      if (!(await updateRequestIf(trx, current.id, expected, changes, now))) return false;
      await recordNote(trx, current, action, note, actorId, now);
      await queueTransitionMail(trx, current, action, to, now);
      return true;
    });
    if (changed) {
      if (isTerminal(to)) await revokeGrantsOf(ctx, record);
      return publishRequestChanged(ctx, record);
    }
    record = await reload();
  }
  throw new HicareError('INTERNAL.requestActionRace', { number: record.number, action: selectKey(action) }, { action });
}

export async function actOnRequest(
  ctx: RequestContext,
  caller: Account,
  id: string,
  action: RequestAction,
  note: ActionNote = {},
): Promise<ServiceRequest> {
  const record = await visibleRequest(ctx, caller, id);
  return transition(ctx, record, () => visibleRequest(ctx, caller, id), action, caller.role, caller.id, note);
}

/** The portal acting on its own (automatic closure); the transition table still has the last word. */
export async function actAsSystem(
  ctx: RequestContext,
  record: RequestRecord,
  action: RequestAction,
): Promise<ServiceRequest> {
  const reload = async (): Promise<RequestRecord> => {
    const again = await getRequestRecord(ctx.db, record.id);
    if (again === undefined) throw new HicareError('NOT_FOUND.requestGoneForSystem', {}, { requestId: record.id });
    return again;
  };
  return transition(ctx, record, reload, action, 'system', 'system');
}

/** An engineer takes an accepted request nobody is assigned to (P1s accepted by the portal wait in the queue so). */
export async function takeRequest(ctx: RequestContext, caller: Account, id: string): Promise<ServiceRequest> {
  let record = await visibleRequest(ctx, caller, id);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (record.state === 'submitted') {
      throw new HicareError(
        'ILLEGAL_TRANSITION.requestTakeNotAccepted',
        { number: record.number },
        {
          state: record.state,
        },
      );
    }
    if (isTerminal(record.state)) {
      throw new HicareError(
        'ILLEGAL_TRANSITION.requestTakeEnded',
        { number: record.number, state: selectKey(record.state) },
        {
          state: record.state,
        },
      );
    }
    if (record.assignedEngineerId === caller.id) return currentView(ctx, record.id);
    if (record.assignedEngineerId !== null) {
      throw new HicareError(
        'ALREADY_ASSIGNED.requestTaken',
        { number: record.number },
        {
          requestId: record.id,
        },
      );
    }
    if (
      await updateRequestIf(
        ctx.db,
        record.id,
        { state: record.state, assignedEngineerId: null },
        { assignedEngineerId: caller.id },
        ctx.now(),
      )
    ) {
      return publishRequestChanged(ctx, record);
    }
    record = await visibleRequest(ctx, caller, id);
  }
  throw new HicareError('INTERNAL.requestTakeRace', { number: record.number });
}
