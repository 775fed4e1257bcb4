/**
 * The mail outbox (DESIGN.md §6.2). A mail is queued in the same transaction as the change that causes it (or right
 * after, under a dedupe key a retry cannot add twice), and a sender takes it with a compare-and-set claim: the row
 * moves from queued (due) to sending under the sender's name and a lease, in one UPDATE that only one instance can
 * win, on SQLite and PostgreSQL alike. It is marked sent only after SMTP accepted it; a failure puts it back in the
 * queue with the next try pushed out by exponential backoff with jitter.
 *
 * What remains: a sender that dies after SMTP accepted a mail and before it marked the row sent leaves it in
 * `sending`; when the lease runs out another sender sends it again. The mail keeps one Message-ID for all its tries
 * (`<outbox id@hicare-portal>`), so the second copy is recognisably the same message in the SMTP server's log and in
 * the recipient's mail program, and the outbox shows the attempts.
 */
import type { Kysely, Transaction } from 'kysely';
import type { MailFailure, OutboxEntry } from '../../shared/contracts/admin/mail.js';
import type { Page } from '../../shared/contracts/admin/paging.js';
import { backoffDelayMs, MAX_SEND_ATTEMPTS, type MailKind } from '../../shared/domain/mail.js';
import { HicareError } from '../../shared/errors.js';
import { isLocale } from '../../shared/i18n/locales.js';
import { mailLocale } from '../accounts/mail-locale.js';
import type { Database } from '../db/schema.js';
import { newId, toIso } from '../db/support.js';
import { containsText } from '../db/text-search.js';
import { recordChange, type AdminActor } from '../admin/audit.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewMail {
  kind: MailKind;
  accountId: string;
  /** Unique per mail that must be sent once: `survey-invitation:<request id>`, `contract-expiring:<id>:30`… */
  dedupeKey: string;
  params: Record<string, string | number>;
}

/** How long a claimed mail is the claimer's: longer than an SMTP conversation can take (its timeouts are shorter). */
export const SEND_LEASE_MS = 5 * 60_000;

export async function hasOptedOut(db: Db, accountId: string, kind: MailKind): Promise<boolean> {
  const row = await db
    .selectFrom('mail_preferences')
    .select('kind')
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Queues a mail to an account, in its language; nothing when the account is disabled, has opted out of the kind, or
 * the mail was queued before. Returns whether a row was added.
 */
export async function enqueueMail(db: Db, mail: NewMail, now: Date): Promise<boolean> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'language', 'disabled_at'])
    .where('id', '=', mail.accountId)
    .executeTakeFirst();
  if (account === undefined || account.disabled_at !== null) return false;
  if (await hasOptedOut(db, account.id, mail.kind)) return false;
  const locale = mailLocale({ language: isLocale(account.language) ? account.language : null });
  const at = toIso(now);
  const result = await db
    .insertInto('mail_outbox')
    .values({
      id: newId(),
      kind: mail.kind,
      dedupe_key: mail.dedupeKey,
      account_id: account.id,
      recipient: account.email,
      locale,
      params: JSON.stringify(mail.params),
      state: 'queued',
      attempts: 0,
      next_attempt_at: at,
      created_at: at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface OutboxRow {
  id: string;
  kind: MailKind;
  accountId: string;
  recipient: string;
  locale: string;
  params: Record<string, string | number>;
  attempts: number;
}

/**
 * Takes up to `limit` due mails for `holder`: queued ones whose time has come, and ones another sender claimed and
 * did not finish before its lease ran out. Each row is won by one UPDATE whose WHERE repeats the condition, so two
 * senders racing for it cannot both get it.
 */
export async function claimDueMail(db: Kysely<Database>, holder: string, now: Date, limit = 20): Promise<OutboxRow[]> {
  const at = toIso(now);
  const candidates = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'queued'), eb('next_attempt_at', '<=', at)]),
        eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', at)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const claimed: OutboxRow[] = [];
  for (const { id } of candidates) {
    const result = await db
      .updateTable('mail_outbox')
      .set((eb) => ({
        state: 'sending',
        lease_holder: holder,
        lease_until: toIso(new Date(now.getTime() + SEND_LEASE_MS)),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'queued'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', at)]),
        ]),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    claimed.push({
      id: row.id,
      kind: row.kind,
      accountId: row.account_id,
      recipient: row.recipient,
      locale: row.locale,
      params: JSON.parse(row.params) as Record<string, string | number>,
      attempts: Number(row.attempts),
    });
  }
  return claimed;
}

export async function markSent(db: Kysely<Database>, id: string, holder: string, messageId: string, now: Date) {
  await db
    .updateTable('mail_outbox')
    .set({ state: 'sent', sent_at: toIso(now), message_id: messageId, lease_holder: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_holder', '=', holder)
    .execute();
}

export async function markFailed(
  db: Kysely<Database>,
  row: OutboxRow,
  holder: string,
  failure: MailFailure,
  now: Date,
  random: number,
): Promise<void> {
  const giveUp = row.attempts >= MAX_SEND_ATTEMPTS || failure.reason === 'recipient';
  await db
    .updateTable('mail_outbox')
    .set({
      state: giveUp ? 'failed' : 'queued',
      next_attempt_at: toIso(new Date(now.getTime() + (giveUp ? 0 : backoffDelayMs(row.attempts, random)))),
      last_error: JSON.stringify(failure),
      lease_holder: null,
      lease_until: null,
    })
    .where('id', '=', row.id)
    .where('lease_holder', '=', holder)
    .execute();
}

/** An opted-out mail still queued when the opt-out came is set aside, not sent. */
export async function markSkipped(db: Kysely<Database>, row: OutboxRow, holder: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ state: 'failed', last_error: JSON.stringify({ reason: 'optedOut' }), lease_holder: null, lease_until: null })
    .where('id', '=', row.id)
    .where('lease_holder', '=', holder)
    .execute();
}

export function parseFailure(text: string | null): MailFailure | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as MailFailure;
  } catch {
    return { reason: 'other' };
  }
}

function entryOf(r: {
  id: string;
  kind: MailKind;
  state: OutboxEntry['state'];
  recipient: string;
  account_id: string;
  locale: string;
  attempts: number | string;
  next_attempt_at: string;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
}): OutboxEntry {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    recipient: r.recipient,
    accountId: r.account_id,
    locale: r.locale,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastError: parseFailure(r.last_error),
    messageId: r.message_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export interface OutboxFilter {
  q?: string | undefined;
  state?: OutboxEntry['state'] | undefined;
  kind?: MailKind | undefined;
  offset: number;
  limit: number;
}

/** Newest first; `q` matches the recipient, the kind or the Message-ID. */
export async function listOutbox(db: Kysely<Database>, filter: OutboxFilter): Promise<Page<OutboxEntry>> {
  let query = db.selectFrom('mail_outbox');
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  query = query.where((eb) => containsText(eb, ['recipient', 'kind', 'message_id'], filter.q));
  const [{ total }] = (await query.select((eb) => eb.fn.countAll<number | string>().as('total')).execute()) as [
    { total: number | string },
  ];
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: rows.map(entryOf), total: Number(total), offset: filter.offset, limit: filter.limit };
}

export async function getOutboxEntry(db: Kysely<Database>, id: string): Promise<OutboxEntry> {
  const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new HicareError('NOT_FOUND.mailOutbox', { id }, { id });
  return entryOf(row);
}

/** Makes a queued or failed mail due now; a sent mail (or one being sent) is refused, so retrying cannot double it. */
export async function retryMail(db: Kysely<Database>, actor: AdminActor, id: string, now: Date): Promise<OutboxEntry> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new HicareError('NOT_FOUND.mailOutbox', { id }, { id });
    if (row.state === 'sent' || row.state === 'sending') {
      throw new HicareError('ILLEGAL_TRANSITION.mailNotRetryable', { state: row.state }, { id, state: row.state });
    }
    const result = await trx
      .updateTable('mail_outbox')
      .set({ state: 'queued', next_attempt_at: toIso(now) })
      .where('id', '=', id)
      .where('state', '=', row.state)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new HicareError('ILLEGAL_TRANSITION.mailNotRetryable', { state: 'sending' }, { id });
    }
    await recordChange(trx, actor, { action: 'mail.retry', subject: 'mail', subjectId: id, changes: {} }, now);
    const again = await trx.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return entryOf(again);
  });
}
