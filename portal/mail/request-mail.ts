/**
 * The mail a service request's changes cause, queued where the request changes: to the customer admin who opened it,
 * when it is accepted, when an engineer writes, when a solution is proposed, and the survey invitation once it is
 * closed. Called inside the change's transaction (a message: right after it, under the message's own key).
 */
import type { Kysely, Transaction } from 'kysely';
import type { RequestAction, RequestState } from '../../shared/domain/request-state.js';
import type { RequestRecord } from '../db/requests.js';
import type { Database } from '../db/schema.js';
import { toIso } from '../db/support.js';
import { enqueueMail } from './outbox.js';

type Db = Kysely<Database> | Transaction<Database>;

/** How much of an engineer's message the mail quotes; the rest is in the app. */
const EXCERPT_CHARS = 1000;

function about(record: RequestRecord): Record<string, string> {
  return { requestId: record.id, number: record.number, product: record.product };
}

export async function queueTransitionMail(
  db: Db,
  record: RequestRecord,
  action: RequestAction,
  to: RequestState,
  now: Date,
): Promise<void> {
  const accountId = record.createdBy;
  if (to === 'closed') {
    await enqueueMail(
      db,
      { kind: 'survey-invitation', accountId, dedupeKey: `survey-invitation:${record.id}`, params: about(record) },
      now,
    );
  } else if (action === 'accept') {
    await enqueueMail(
      db,
      {
        kind: 'request-update',
        accountId,
        dedupeKey: `request-update:accepted:${record.id}`,
        params: { ...about(record), event: 'accepted' },
      },
      now,
    );
  } else if (action === 'propose-solution') {
    await enqueueMail(
      db,
      {
        kind: 'request-update',
        accountId,
        // A request may get several proposals, one per round; each is its own mail.
        dedupeKey: `request-update:solution:${record.id}:${toIso(now)}`,
        params: { ...about(record), event: 'solution' },
      },
      now,
    );
  }
}

export async function queueMessageMail(
  db: Db,
  record: RequestRecord,
  message: { id: string; body: string; authorRole: string },
  now: Date,
): Promise<void> {
  if (message.authorRole !== 'engineer') return;
  const excerpt = message.body.length > EXCERPT_CHARS ? `${message.body.slice(0, EXCERPT_CHARS)}…` : message.body;
  await enqueueMail(
    db,
    {
      kind: 'request-update',
      accountId: record.createdBy,
      dedupeKey: `request-update:message:${message.id}`,
      params: { ...about(record), event: 'message', excerpt },
    },
    now,
  );
}
