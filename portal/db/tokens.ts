/**
 * Bearer tokens (sessions and API keys). Only the SHA-256 of a token is stored and looked up: the token itself exists
 * in the response that created it and with its holder, nowhere else.
 */
import type { Kysely, Selectable } from 'kysely';
import { announceRevocation } from './revocations.js';
import type { AccountsTable, Database, TokenKind, TokensTable } from './schema.js';
import { toIso } from './support.js';

export interface TokenRecord {
  id: string;
  accountId: string;
  kind: TokenKind;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface NewTokenRow {
  id: string;
  accountId: string;
  tokenHash: string;
  kind: TokenKind;
  label: string | null;
  createdAt: Date;
  expiresAt: Date | null;
}

const columns = [
  'tokens.id',
  'tokens.account_id',
  'tokens.kind',
  'tokens.label',
  'tokens.created_at',
  'tokens.expires_at',
  'tokens.revoked_at',
  'tokens.last_used_at',
] as const;

type TokenRow = Pick<
  Selectable<TokensTable>,
  'id' | 'account_id' | 'kind' | 'label' | 'created_at' | 'expires_at' | 'revoked_at' | 'last_used_at'
>;

function toRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function insertToken(db: Kysely<Database>, input: NewTokenRow): Promise<TokenRecord> {
  const row = {
    id: input.id,
    account_id: input.accountId,
    token_hash: input.tokenHash,
    kind: input.kind,
    label: input.label,
    created_at: toIso(input.createdAt),
    expires_at: input.expiresAt === null ? null : toIso(input.expiresAt),
    revoked_at: null,
    last_used_at: null,
  };
  await db.insertInto('tokens').values(row).execute();
  return toRecord(row);
}

export type TokenWithAccount = TokenRecord & {
  account: Pick<Selectable<AccountsTable>, 'id' | 'email' | 'name' | 'role' | 'customer_id' | 'disabled_at'>;
};

/** The token with that hash and the account holding it, in one query (this runs on every authenticated request). */
export async function findTokenByHash(db: Kysely<Database>, tokenHash: string): Promise<TokenWithAccount | undefined> {
  const row = await db
    .selectFrom('tokens')
    .innerJoin('accounts', 'accounts.id', 'tokens.account_id')
    .select([
      ...columns,
      'accounts.email',
      'accounts.name',
      'accounts.role',
      'accounts.customer_id',
      'accounts.disabled_at',
    ])
    .where('tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    ...toRecord(row),
    account: {
      id: row.account_id,
      email: row.email,
      name: row.name,
      role: row.role,
      customer_id: row.customer_id,
      disabled_at: row.disabled_at,
    },
  };
}

export async function getToken(db: Kysely<Database>, id: string): Promise<TokenRecord | undefined> {
  const row = await db.selectFrom('tokens').select(columns).where('tokens.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/**
 * Records that the token was used at `now`, unless a use at or after `notBefore` is already recorded: several
 * instances that each decide the record is stale write it once between them, not once each.
 */
export async function touchToken(db: Kysely<Database>, id: string, now: Date, notBefore: Date = now): Promise<void> {
  await db
    .updateTable('tokens')
    .set({ last_used_at: toIso(now) })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', toIso(notBefore))]))
    .execute();
}

/**
 * Marks a token revoked (the first revocation's instant is kept). With `accountId`, only that account's token is
 * touched, so one account cannot revoke another's by guessing ids. Returns whether such a token exists.
 */
export async function markTokenRevoked(
  db: Kysely<Database>,
  id: string,
  now: Date,
  accountId?: string,
): Promise<boolean> {
  const at = toIso(now);
  let query = db.selectFrom('tokens').select(['id', 'revoked_at']).where('id', '=', id);
  if (accountId !== undefined) query = query.where('account_id', '=', accountId);
  const token = await query.executeTakeFirst();
  if (token === undefined) return false;
  if (token.revoked_at === null) {
    await db
      .updateTable('tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    await announceRevocation(db, { kind: 'token', id });
  }
  return true;
}

export async function listTokens(db: Kysely<Database>, accountId: string, kind?: TokenKind): Promise<TokenRecord[]> {
  let query = db.selectFrom('tokens').select(columns).where('account_id', '=', accountId);
  if (kind !== undefined) query = query.where('kind', '=', kind);
  const rows = await query.execute();
  // created_at is fixed-width ISO text, so comparing strings is comparing instants.
  return rows
    .map(toRecord)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}
