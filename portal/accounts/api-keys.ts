/**
 * API keys for scripts and the CLI on machines where nobody types a password (bulk downloads for offline sites).
 * They act as their account, are labelled so their owner can tell them apart, and do not expire unless asked to.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { HicareError } from '../../shared/errors.js';
import { accountNotFound, getAccount } from '../db/accounts.js';
import type { Database } from '../db/schema.js';
import { insertToken, listTokens, type TokenRecord } from '../db/tokens.js';
import { checkInput, newId, toIso } from '../db/support.js';
import { newApiKey, tokenHash } from './secrets.js';

export interface CreatedApiKey {
  id: string;
  /** The key itself: shown once, here, and never again (only its hash is kept). */
  key: string;
  label: string;
  createdAt: string;
  expiresAt: string | null;
}

const LabelSchema = z.string().trim().min(1).max(100);

export async function createApiKey(
  db: Kysely<Database>,
  accountId: string,
  label: string,
  now: Date,
  options: { expiresAt?: Date } = {},
): Promise<CreatedApiKey> {
  const createdAt = toIso(now);
  checkInput(LabelSchema, label, 'API key label');
  const expiresAt = options.expiresAt ?? null;
  if (expiresAt !== null && toIso(expiresAt) <= createdAt) {
    throw new HicareError('INVALID_INPUT.apiKeyExpiry');
  }
  const account = await getAccount(db, accountId);
  if (account === undefined) throw accountNotFound(accountId);
  if (account.disabledAt !== null) {
    throw new HicareError('FORBIDDEN.apiKeyDisabled', {}, { accountId });
  }
  const key = newApiKey();
  const record = await insertToken(db, {
    id: newId(),
    accountId,
    tokenHash: tokenHash(key),
    kind: 'api-key',
    label,
    createdAt: now,
    expiresAt,
  });
  return { id: record.id, key, label, createdAt: record.createdAt, expiresAt: record.expiresAt };
}

/** The account's API keys, revoked and expired ones included (with their dates), oldest first; never the keys. */
export async function listApiKeys(db: Kysely<Database>, accountId: string): Promise<TokenRecord[]> {
  return listTokens(db, accountId, 'api-key');
}
