/**
 * The conversation on a request, between the customer administrator and the engineer (canMessage), and the SLA's
 * first contact. First contact is the first time, after acceptance, that an engineer reaches the customer: an
 * engineer's message on the request, or the assigned engineer reading the remote-access password the customer granted
 * (they are then at work on the customer's system). An engineer writes only once the request is accepted — the
 * response clock starts there — and writing to an unassigned request takes it.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import { MessageCreateSchema, type Message } from '../../shared/contracts/requests.js';
import { canMessage } from '../../shared/domain/request-state.js';
import { HicareError } from '../../shared/errors.js';
import { queueMessageMail } from '../mail/request-mail.js';
import { addMessage } from '../db/request-activity.js';
import { recordFirstContact, type RequestRecord } from '../db/requests.js';
import { checkInput } from '../db/support.js';
import { claimForEngineer, visibleRequest } from './access.js';
import type { RequestContext } from './context.js';
import { publishMessage, publishRequestChanged } from './notify.js';
import { selectKey } from './select-key.js';

/** Refuses a caller who may not add to the conversation now: the wrong role (403) or a finished request (409). */
export function assertMayConverse(record: RequestRecord, caller: Account, what: 'write' | 'attach'): void {
  if (canMessage(record.state, caller.role)) return;
  if (caller.role !== 'customer-admin' && caller.role !== 'engineer') {
    throw new HicareError(
      'ROLE_NOT_ALLOWED.requestConversation',
      { role: selectKey(caller.role), what },
      {
        role: caller.role,
      },
    );
  }
  if (caller.role === 'engineer' && record.state === 'submitted') {
    throw new HicareError(
      'ILLEGAL_TRANSITION.requestNotAccepted',
      { number: record.number },
      {
        state: record.state,
      },
    );
  }
  throw new HicareError(
    'ILLEGAL_TRANSITION.requestFinished',
    { number: record.number, state: selectKey(record.state) },
    {
      state: record.state,
    },
  );
}

/** The engineer side: accepted requests only, and the engineer must be (or become) the assigned one. */
export async function engineerAtWork(
  ctx: RequestContext,
  caller: Account,
  record: RequestRecord,
): Promise<{ record: RequestRecord; claimed: boolean }> {
  if (record.state === 'submitted') {
    throw new HicareError(
      'ILLEGAL_TRANSITION.requestNotAccepted',
      { number: record.number },
      {
        state: record.state,
      },
    );
  }
  return claimForEngineer(ctx, caller, record);
}

/** Sets the first contact if this is it; true when the request changed. */
export async function noteContact(ctx: RequestContext, record: RequestRecord, at: Date): Promise<boolean> {
  if (record.firstContactAt !== null || record.acceptedAt === null) return false;
  return recordFirstContact(ctx.db, record.id, at);
}

export async function postMessage(ctx: RequestContext, caller: Account, id: string, body: string): Promise<Message> {
  checkInput(MessageCreateSchema, { body }, 'message');
  let record = await visibleRequest(ctx, caller, id);
  assertMayConverse(record, caller, 'write');

  let changed = false;
  if (caller.role === 'engineer') ({ record, claimed: changed } = await engineerAtWork(ctx, caller, record));
  const now = ctx.now();
  const message = await addMessage(
    ctx.db,
    {
      requestId: record.id,
      authorId: caller.id,
      authorRole: caller.role === 'engineer' ? 'engineer' : 'customer-admin',
      body,
    },
    now,
  );
  if (caller.role === 'engineer' && (await noteContact(ctx, record, now))) changed = true;
  await queueMessageMail(ctx.db, record, message, now);
  await publishMessage(ctx, record, message);
  if (changed) await publishRequestChanged(ctx, record);
  return message;
}
