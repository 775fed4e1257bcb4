/**
 * Remote-access grants as stored: the password only as ciphertext (the caller encrypts), revocation as an instant,
 * expiry as an instant compared with the clock when read (nothing has to run for a grant to expire), and the audit of
 * every attempt to read a password.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Grant } from '../../shared/contracts/requests.js';
import { nextActivitySeq } from './requests.js';
import type { Database, GrantReadOutcome, GrantsTable } from './schema.js';
import { toIso } from './support.js';

export interface GrantRecord {
  id: string;
  requestId: string;
  channel: Grant['channel'];
  address: string;
  account: string;
  passwordCipher: string;
  scope: Grant['scope'];
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

function toRecord(row: Selectable<GrantsTable>): GrantRecord {
  return {
    id: row.id,
    requestId: row.request_id,
    channel: row.channel,
    address: row.address,
    account: row.account,
    passwordCipher: row.password_cipher,
    scope: row.scope,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}

/** Both ends are final; a grant is only ever revoked while it was active (see revokeGrantRecord). */
export function grantState(g: Pick<GrantRecord, 'expiresAt' | 'revokedAt'>, now: Date): Grant['state'] {
  if (g.revokedAt !== null) return 'revoked';
  return g.expiresAt <= toIso(now) ? 'expired' : 'active';
}

/** As listed: never the password, not even encrypted. */
export function grantView(g: GrantRecord, now: Date): Grant {
  return {
    id: g.id,
    requestId: g.requestId,
    channel: g.channel,
    address: g.address,
    account: g.account,
    scope: g.scope,
    createdAt: g.createdAt,
    expiresAt: g.expiresAt,
    revokedAt: g.revokedAt,
    state: grantState(g, now),
  };
}

export async function insertGrant(
  db: Kysely<Database>,
  g: Omit<GrantRecord, 'revokedAt' | 'revokedBy'>,
  now: Date,
): Promise<GrantRecord> {
  const seq = await nextActivitySeq(db, g.requestId, now);
  await db
    .insertInto('grants')
    .values({
      id: g.id,
      request_id: g.requestId,
      seq,
      channel: g.channel,
      address: g.address,
      account: g.account,
      password_cipher: g.passwordCipher,
      scope: g.scope,
      created_by: g.createdBy,
      created_at: g.createdAt,
      expires_at: g.expiresAt,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
  return { ...g, revokedAt: null, revokedBy: null };
}

export async function getGrantRecord(db: Kysely<Database>, id: string): Promise<GrantRecord | undefined> {
  const row = await db.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

export async function listGrantRecords(db: Kysely<Database>, requestId: string): Promise<GrantRecord[]> {
  const rows = await db.selectFrom('grants').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
  return rows.map(toRecord);
}

/**
 * Revokes the grant unless it is already revoked or has expired (expiry needs no revoking); true when this call
 * revoked it.
 */
export async function revokeGrantRecord(db: Kysely<Database>, id: string, by: string, now: Date): Promise<boolean> {
  const at = toIso(now);
  const result = await db
    .updateTable('grants')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The ids of a request's grants that are still usable, for revoking them all when the request ends. */
export async function activeGrantIds(db: Kysely<Database>, requestId: string, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('grants')
    .select('id')
    .where('request_id', '=', requestId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', toIso(now))
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.id);
}

export interface GrantReadRecord {
  id: string;
  grantId: string;
  accountId: string;
  at: string;
  outcome: GrantReadOutcome;
}

export async function recordGrantRead(db: Kysely<Database>, read: GrantReadRecord): Promise<void> {
  await db
    .insertInto('grant_reads')
    .values({ id: read.id, grant_id: read.grantId, account_id: read.accountId, at: read.at, outcome: read.outcome })
    .execute();
}

/** Oldest first; ties by id (UUIDs order the same under every collation). */
export async function listGrantReads(db: Kysely<Database>, grantId: string): Promise<GrantReadRecord[]> {
  const rows = await db
    .selectFrom('grant_reads')
    .selectAll()
    .where('grant_id', '=', grantId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, grantId: r.grant_id, accountId: r.account_id, at: r.at, outcome: r.outcome }));
}
