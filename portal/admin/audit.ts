/**
 * Who changed what in the back office. Every administrative change goes through `recordChange` in the same
 * transaction as the change itself, so the trail has a row exactly when the change happened.
 */
import { hostname, userInfo } from 'node:os';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry, AuditSubject } from '../../shared/contracts/admin/audit.js';
import type { Page } from '../../shared/contracts/admin/paging.js';
import type { Account } from '../../shared/contracts/accounts.js';
import type { Database } from '../db/schema.js';
import { newId, toIso } from '../db/support.js';
import { containsText } from '../db/text-search.js';

/** Who is making a change: a signed-in portal administrator, or an operator at the portal's own command line. */
export interface AdminActor {
  accountId: string | null;
  label: string;
}

export function accountActor(account: Pick<Account, 'id' | 'email'>): AdminActor {
  return { accountId: account.id, label: account.email };
}

/** The operator running `hicare-portal` here, named as the machine knows them. */
export function commandLineActor(): AdminActor {
  let user = 'operator';
  try {
    user = userInfo().username;
  } catch {
    // A container may run as a user id with no name; the host still says where the change came from.
  }
  return { accountId: null, label: `${user}@${hostname()}` };
}

export interface Change {
  action: string;
  subject: AuditSubject;
  subjectId: string;
  /** The fields the change set; secrets (passwords, tokens) are never passed here. */
  changes?: Record<string, unknown>;
}

export async function recordChange(
  db: Kysely<Database> | Transaction<Database>,
  actor: AdminActor,
  change: Change,
  at: Date,
): Promise<void> {
  await db
    .insertInto('admin_audit')
    .values({
      id: newId(),
      at: toIso(at),
      actor_id: actor.accountId,
      actor: actor.label,
      action: change.action,
      subject: change.subject,
      subject_id: change.subjectId,
      changes: JSON.stringify(change.changes ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  subject?: AuditSubject | undefined;
  subjectId?: string | undefined;
  q?: string | undefined;
  offset: number;
  limit: number;
}

/** Newest first; `q` matches the actor or the action. */
export async function listChanges(db: Kysely<Database>, filter: AuditFilter): Promise<Page<AuditEntry>> {
  let query = db.selectFrom('admin_audit');
  if (filter.subject !== undefined) query = query.where('subject', '=', filter.subject);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  query = query.where((eb) => containsText(eb, ['actor', 'action'], filter.q));
  const [{ total }] = (await query.select((eb) => eb.fn.countAll<number | string>().as('total')).execute()) as [
    { total: number | string },
  ];
  const rows = await query
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      subjectId: r.subject_id,
      changes: JSON.parse(r.changes) as Record<string, unknown>,
    })),
    total: Number(total),
    offset: filter.offset,
    limit: filter.limit,
  };
}
