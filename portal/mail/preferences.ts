/** Each account's e-mail opt-outs: a row per kind it turned off; no row means the kind is sent. */
import type { Kysely } from 'kysely';
import type { MailPreferences } from '../../shared/contracts/admin/mail.js';
import { MAIL_KINDS, type MailKind } from '../../shared/domain/mail.js';
import type { Database } from '../db/schema.js';
import { toIso } from '../db/support.js';

export async function mailPreferences(db: Kysely<Database>, accountId: string): Promise<MailPreferences> {
  const off = new Set(
    (await db.selectFrom('mail_preferences').select('kind').where('account_id', '=', accountId).execute()).map(
      (r) => r.kind,
    ),
  );
  return {
    kinds: Object.fromEntries(MAIL_KINDS.map((k) => [k, !off.has(k)])) as MailPreferences['kinds'],
  };
}

/** Sets the kinds given (true: send, false: do not); the others stay as they were. */
export async function setMailPreferences(
  db: Kysely<Database>,
  accountId: string,
  kinds: Partial<Record<MailKind, boolean>>,
  now: Date,
): Promise<MailPreferences> {
  await db.transaction().execute(async (trx) => {
    for (const kind of MAIL_KINDS) {
      const wanted = kinds[kind];
      if (wanted === undefined) continue;
      if (wanted) {
        await trx.deleteFrom('mail_preferences').where('account_id', '=', accountId).where('kind', '=', kind).execute();
      } else {
        await trx
          .insertInto('mail_preferences')
          .values({ account_id: accountId, kind, updated_at: toIso(now) })
          .onConflict((oc) => oc.columns(['account_id', 'kind']).doNothing())
          .execute();
      }
    }
  });
  return mailPreferences(db, accountId);
}
