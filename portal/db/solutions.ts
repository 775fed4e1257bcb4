/**
 * The solutions proposed on a request, one row per proposal: added when an engineer proposes, decided (confirmed, or
 * rejected with the customer's reason) when the customer answers. Never deleted, so every round stays readable.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Solution } from '../../shared/contracts/requests.js';
import type { Database, RequestSolutionsTable } from './schema.js';
import { newId, toIso } from './support.js';

function toSolution(row: Selectable<RequestSolutionsTable>): Solution {
  return {
    id: row.id,
    requestId: row.request_id,
    round: row.round,
    text: row.text,
    attachmentId: row.attachment_id,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    outcome: row.outcome,
    rejectionReason: row.rejection_reason,
    decidedAt: row.decided_at,
  };
}

/** The next round is counted from the rows already there; the unique (request, round) pair refuses a lost race. */
export async function addSolution(
  db: Kysely<Database>,
  input: { requestId: string; text: string; attachmentId: string | null; proposedBy: string },
  now: Date,
): Promise<Solution> {
  const last = await db
    .selectFrom('request_solutions')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('request_id', '=', input.requestId)
    .executeTakeFirst();
  const row: Selectable<RequestSolutionsTable> = {
    id: newId(),
    request_id: input.requestId,
    round: Number(last?.round ?? 0) + 1,
    text: input.text,
    attachment_id: input.attachmentId,
    proposed_by: input.proposedBy,
    proposed_at: toIso(now),
    outcome: 'pending',
    rejection_reason: null,
    decided_by: null,
    decided_at: null,
  };
  await db.insertInto('request_solutions').values(row).execute();
  return toSolution(row);
}

/** Settles the request's pending proposal (there is at most one: a request is proposed again only after a rejection). */
export async function decideSolution(
  db: Kysely<Database>,
  requestId: string,
  decision: { outcome: 'confirmed' | 'rejected'; reason: string | null; by: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('request_solutions')
    .set({
      outcome: decision.outcome,
      rejection_reason: decision.reason,
      decided_by: decision.by,
      decided_at: toIso(now),
    })
    .where('request_id', '=', requestId)
    .where('outcome', '=', 'pending')
    .execute();
}

export async function listSolutions(db: Kysely<Database>, requestId: string): Promise<Solution[]> {
  const rows = await db
    .selectFrom('request_solutions')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('round')
    .execute();
  return rows.map(toSolution);
}
