/**
 * Accounts: who may sign in, in which role, for which customer. Rows carry the password hash; it leaves this module
 * only through findCredentials, which the sign-in code alone uses.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { AccountSchema, type Account } from '../../shared/contracts/accounts.js';
import { isLocale, type Locale } from '../../shared/i18n/locales.js';
import { HicareError } from '../../shared/errors.js';
import type { Role } from '../../shared/domain/request-state.js';
import { announceRevocation } from './revocations.js';
import type { AccountsTable, Database } from './schema.js';
import { checkInput, compareText, isForeignKeyViolation, isUniqueViolation, toIso } from './support.js';

export interface AccountRecord extends Account {
  createdAt: string;
  disabledAt: string | null;
  language: Locale | null;
}

export interface NewAccountRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  customerId: string | null;
  passwordHash: string;
  createdAt: Date;
}

/** Addresses are compared case-insensitively: people do not type them the same way twice. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const columns = ['id', 'email', 'name', 'role', 'customer_id', 'created_at', 'disabled_at', 'language'] as const;

function toRecord(row: Pick<Selectable<AccountsTable>, (typeof columns)[number]>): AccountRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    customerId: row.customer_id,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    // A language this build does not speak (a newer portal's) reads as none.
    language: isLocale(row.language) ? row.language : null,
  };
}

/** Records the language the account reads in, as its sign-in asked for it. */
export async function setAccountLanguage(db: Kysely<Database>, id: string, language: Locale): Promise<void> {
  await db.updateTable('accounts').set({ language }).where('id', '=', id).execute();
}

export async function insertAccount(db: Kysely<Database>, input: NewAccountRow): Promise<AccountRecord> {
  const email = normalizeEmail(input.email);
  checkInput(
    AccountSchema,
    { id: input.id, email, name: input.name, role: input.role, customerId: input.customerId },
    'account',
  );
  const row = {
    id: input.id,
    email,
    name: input.name,
    role: input.role,
    customer_id: input.customerId,
    password_hash: input.passwordHash,
    created_at: toIso(input.createdAt),
    disabled_at: null,
    language: null,
  };
  try {
    await db.insertInto('accounts').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new HicareError('ALREADY_EXISTS.accountEmail', { email }, { email });
    }
    if (isForeignKeyViolation(error)) {
      const id = String(input.customerId);
      throw new HicareError('NOT_FOUND.accountCustomer', { id }, { customerId: input.customerId });
    }
    throw error;
  }
  return toRecord(row);
}

export async function getAccount(db: Kysely<Database>, id: string): Promise<AccountRecord | undefined> {
  const row = await db.selectFrom('accounts').select(columns).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<AccountRecord | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select(columns)
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** The account with its password hash, for verifying a sign-in and nothing else. */
export async function findCredentials(
  db: Kysely<Database>,
  email: string,
): Promise<{ account: AccountRecord; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select([...columns, 'password_hash'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row === undefined ? undefined : { account: toRecord(row), passwordHash: row.password_hash };
}

export async function listAccounts(
  db: Kysely<Database>,
  filter: { customerId?: string } = {},
): Promise<AccountRecord[]> {
  let query = db.selectFrom('accounts').select(columns);
  if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
  const rows = await query.execute();
  return rows.map(toRecord).sort((a, b) => compareText(a.email, b.email));
}

export async function setPasswordHash(db: Kysely<Database>, id: string, passwordHash: string): Promise<void> {
  const result = await db
    .updateTable('accounts')
    .set({ password_hash: passwordHash })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw accountNotFound(id);
}

/** Disabling keeps the row (downloads and requests refer to it); sign-in and every token stop working. */
export async function disableAccount(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  const at = toIso(now);
  // Disabling twice keeps the first instant: that is when access actually ended.
  const result = await db
    .updateTable('accounts')
    .set({ disabled_at: sql<string>`coalesce(disabled_at, ${at})` })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw accountNotFound(id);
  await announceRevocation(db, { kind: 'account', id });
}

export function accountNotFound(id: string): HicareError {
  return new HicareError('NOT_FOUND.account', { id }, { accountId: id });
}
