/**
 * The back office's accounts: listed, created, changed, disabled and enabled, and given a new password. Disabling
 * revokes every session and API key the account holds, in the same transaction, and then tells the token caches of
 * every instance, so the very next call with one of them is refused.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type {
  AccountChange,
  AccountWithPassword,
  AdminAccount,
  NewAccountInput,
} from '../../../shared/contracts/admin/customers.js';
import type { ListQuery, Page } from '../../../shared/contracts/admin/paging.js';
import { mayDisable } from '../../../shared/domain/account-rules.js';
import type { Role } from '../../../shared/domain/request-state.js';
import { HicareError } from '../../../shared/errors.js';
import { assertCustomerFits, createAccount } from '../../accounts/create-account.js';
import { assertPasswordPolicy, hashPassword } from '../../accounts/password.js';
import { accountNotFound } from '../../db/accounts.js';
import { announceRevocation } from '../../db/revocations.js';
import type { Database } from '../../db/schema.js';
import { toIso, toNumber } from '../../db/support.js';
import { containsText } from '../../db/text-search.js';
import { recordChange, type AdminActor } from '../audit.js';
import { byText } from './text-order.js';

export interface AccountFilter extends ListQuery {
  customerId?: string | undefined;
  role?: Role | undefined;
}

function accountRows(db: Kysely<Database>) {
  return db
    .selectFrom('accounts')
    .leftJoin('customers', 'customers.id', 'accounts.customer_id')
    .select([
      'accounts.id',
      'accounts.email',
      'accounts.name',
      'accounts.role',
      'accounts.customer_id',
      'customers.name as customer_name',
      'accounts.created_at',
      'accounts.disabled_at',
    ]);
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof accountRows>['executeTakeFirstOrThrow']>>;

function toAdminAccount(row: AccountRow): AdminAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    customerId: row.customer_id,
    customerName: row.customer_name,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

/** By e-mail address; `q` matches the address or the name. */
export async function listAdminAccounts(db: Kysely<Database>, filter: AccountFilter): Promise<Page<AdminAccount>> {
  let query = accountRows(db).where((eb) => containsText(eb, ['accounts.email', 'accounts.name'], filter.q));
  if (filter.customerId !== undefined) query = query.where('accounts.customer_id', '=', filter.customerId);
  if (filter.role !== undefined) query = query.where('accounts.role', '=', filter.role);
  const [counted] = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .execute();
  const rows = await query
    .orderBy(byText(db, 'accounts.email'))
    .orderBy('accounts.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return {
    items: rows.map(toAdminAccount),
    total: toNumber(counted?.total ?? 0),
    offset: filter.offset,
    limit: filter.limit,
  };
}

export async function adminAccount(db: Kysely<Database>, id: string): Promise<AdminAccount> {
  const row = await accountRows(db).where('accounts.id', '=', id).executeTakeFirst();
  if (row === undefined) throw accountNotFound(id);
  return toAdminAccount(row);
}

/** 24 characters from 144 random bits: far past guessing, short enough to read out over the phone once. */
export function generatedPassword(): string {
  return randomBytes(18).toString('base64url');
}

export async function addAccount(
  db: Kysely<Database>,
  actor: AdminActor,
  input: NewAccountInput,
  now: Date,
): Promise<AccountWithPassword> {
  const password = input.password ?? generatedPassword();
  const created = await db.transaction().execute(async (trx) => {
    const account = await createAccount(
      trx,
      { email: input.email, name: input.name, role: input.role, customerId: input.customerId ?? null, password },
      now,
    );
    await recordChange(
      trx,
      actor,
      {
        action: 'account.create',
        subject: 'account',
        subjectId: account.id,
        // The password, given or generated, is never part of the trail.
        changes: { email: account.email, name: account.name, role: account.role, customerId: account.customerId },
      },
      now,
    );
    return account;
  });
  return { account: await adminAccount(db, created.id), password: input.password === undefined ? password : null };
}

export async function updateAccount(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  change: AccountChange,
  now: Date,
): Promise<AdminAccount> {
  await db.transaction().execute(async (trx) => {
    const current = await adminAccount(trx, id);
    const role = change.role ?? current.role;
    const customerId = change.customerId === undefined ? current.customerId : change.customerId;
    assertCustomerFits(role, customerId);
    if (customerId !== null && customerId !== current.customerId) {
      const customer = await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
      if (customer === undefined)
        throw new HicareError('NOT_FOUND.accountCustomer', { id: customerId }, { customerId });
    }
    const set = {
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.role === undefined ? {} : { role: change.role }),
      ...(change.customerId === undefined ? {} : { customer_id: change.customerId }),
    };
    if (Object.keys(set).length > 0) await trx.updateTable('accounts').set(set).where('id', '=', id).execute();
    await recordChange(
      trx,
      actor,
      { action: 'account.update', subject: 'account', subjectId: id, changes: change },
      now,
    );
  });
  // Cached tokens carry the account's role and customer: they must be read again.
  await announceRevocation(db, { kind: 'account', id });
  return adminAccount(db, id);
}

export async function disableAdminAccount(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  now: Date,
): Promise<AdminAccount> {
  if (!mayDisable(actor.accountId, id)) throw new HicareError('FORBIDDEN.adminDisableSelf', {}, { accountId: id });
  const at = toIso(now);
  await db.transaction().execute(async (trx) => {
    await adminAccount(trx, id);
    // Disabling twice keeps the first instant: that is when access actually ended.
    await trx
      .updateTable('accounts')
      .set({ disabled_at: sql<string>`coalesce(disabled_at, ${at})` })
      .where('id', '=', id)
      .execute();
    const revoked = await trx
      .updateTable('tokens')
      .set({ revoked_at: at })
      .where('account_id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    await recordChange(
      trx,
      actor,
      {
        action: 'account.disable',
        subject: 'account',
        subjectId: id,
        changes: { tokensRevoked: Number(revoked.numUpdatedRows) },
      },
      now,
    );
  });
  // After the commit, so no instance re-reads the token before the change is visible.
  await announceRevocation(db, { kind: 'account', id });
  return adminAccount(db, id);
}

export async function enableAdminAccount(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  now: Date,
): Promise<AdminAccount> {
  await db.transaction().execute(async (trx) => {
    await adminAccount(trx, id);
    // The sessions and keys revoked on disabling stay revoked: the account's owner signs in afresh.
    await trx.updateTable('accounts').set({ disabled_at: null }).where('id', '=', id).execute();
    await recordChange(trx, actor, { action: 'account.enable', subject: 'account', subjectId: id }, now);
  });
  await announceRevocation(db, { kind: 'account', id });
  return adminAccount(db, id);
}

/**
 * Sets a new password, the given one (under the usual policy) or a generated one answered once. The account's
 * sessions are revoked with it: whoever knew the old password is signed out; API keys are left to their owner.
 */
export async function resetAccountPassword(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  given: string | undefined,
  now: Date,
): Promise<AccountWithPassword> {
  const password = given ?? generatedPassword();
  assertPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  const at = toIso(now);
  await db.transaction().execute(async (trx) => {
    await adminAccount(trx, id);
    await trx.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    await trx
      .updateTable('tokens')
      .set({ revoked_at: at })
      .where('account_id', '=', id)
      .where('kind', '=', 'session')
      .where('revoked_at', 'is', null)
      .execute();
    await recordChange(
      trx,
      actor,
      {
        action: 'account.resetPassword',
        subject: 'account',
        subjectId: id,
        changes: { generated: given === undefined },
      },
      now,
    );
  });
  await announceRevocation(db, { kind: 'account', id });
  return { account: await adminAccount(db, id), password: given === undefined ? password : null };
}
