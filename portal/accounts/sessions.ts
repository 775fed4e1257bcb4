/**
 * Signing in and proving who you are: email + password buys a session token; a session token or an API key
 * identifies the account on every later request until it expires or is revoked.
 */
import type { Kysely } from 'kysely';
import { SignInSchema, type Account, type Session } from '../../shared/contracts/accounts.js';
import { assertInstant } from '../../shared/domain/dates.js';
import { HicareError } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/locales.js';
import { findCredentials, setAccountLanguage, setPasswordHash } from '../db/accounts.js';
import type { Database, TokenKind } from '../db/schema.js';
import { findTokenByHash, insertToken, markTokenRevoked, touchToken } from '../db/tokens.js';
import { checkInput, newId, toIso } from '../db/support.js';
import { MAX_PASSWORD_LENGTH, decoyHash, needsRehash, rehashPassword, verifyPassword } from './password.js';
import { LOGIN_LIMITS, loginSucceeded, reserveLoginAttempt, type LoginLimits } from './rate-limit.js';
import { newSessionToken, tokenHash } from './secrets.js';
import type { TokenCache } from './token-cache.js';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/**
 * last_used_at is only rewritten when it is older than this: authenticating (an entitlement check, a package HEAD)
 * must not be a database write, and "last used" is read by people, for whom the hour is precise enough.
 */
export const LAST_USED_RESOLUTION_MS = 60 * 60 * 1000;

const MAX_BEARER_LENGTH = 512;

export interface SignInOptions {
  /** The client's address, for the per-address limits (see rate-limit.ts); without it only the per-email limits apply. */
  remoteAddress?: string;
  sessionLifetimeMs?: number;
  limits?: LoginLimits;
  /** The language the signing-in client reads; it becomes the account's (for mail), when given. */
  language?: Locale;
}

export interface Principal {
  account: Account;
  token: { id: string; kind: TokenKind; expiresAt: string | null };
}

function invalidCredentials(limits: LoginLimits): HicareError {
  return new HicareError('INVALID_CREDENTIALS.signIn', { freeAttempts: limits.freePerPair });
}

export async function signIn(
  db: Kysely<Database>,
  email: string,
  password: string,
  now: Date,
  options: SignInOptions = {},
): Promise<Session> {
  const limits = options.limits ?? LOGIN_LIMITS;
  const lifetime = options.sessionLifetimeMs ?? SESSION_LIFETIME_MS;
  if (!Number.isSafeInteger(lifetime) || lifetime <= 0) {
    throw new HicareError('INVALID_INPUT.sessionLifetime');
  }
  assertInstant(now);
  checkInput(SignInSchema.shape.email, email, 'email address');
  // The password is only ever hashed, so any text is fine; it goes around checkInput, which refuses NUL characters.
  if (typeof password !== 'string' || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) {
    throw new HicareError('INVALID_INPUT.signInPassword', { maxLength: MAX_PASSWORD_LENGTH });
  }
  const reservation = await reserveLoginAttempt(
    db,
    options.remoteAddress === undefined ? { email } : { email, remoteAddress: options.remoteAddress },
    now,
    limits,
  );
  const credentials = await findCredentials(db, email);
  // Unknown addresses are checked against a decoy so that they take as long as a wrong password.
  const passwordOk = await verifyPassword(password, credentials?.passwordHash ?? (await decoyHash()));
  if (credentials === undefined || !passwordOk) throw invalidCredentials(limits);
  const { account } = credentials;
  // Only someone who knows the password learns that the account is disabled.
  if (account.disabledAt !== null) {
    throw new HicareError('FORBIDDEN.signInDisabled', {}, { accountId: account.id });
  }
  await loginSucceeded(db, reservation, now);
  if (needsRehash(credentials.passwordHash)) await setPasswordHash(db, account.id, await rehashPassword(password));
  const language = options.language ?? account.language;
  if (language !== account.language && language !== null) await setAccountLanguage(db, account.id, language);

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + lifetime);
  await insertToken(db, {
    id: newId(),
    accountId: account.id,
    tokenHash: tokenHash(token),
    kind: 'session',
    label: null,
    createdAt: now,
    expiresAt,
  });
  return {
    token,
    expiresAt: toIso(expiresAt),
    account: {
      id: account.id,
      email: account.email,
      name: account.name,
      role: account.role,
      customerId: account.customerId,
      language,
    },
  };
}

/**
 * Resolves a bearer token (session token or API key) to its account, or says precisely why it cannot. With a
 * cache, a token seen in the last few seconds is judged without reading the database.
 */
export async function authenticate(
  db: Kysely<Database>,
  bearer: string,
  now: Date,
  cache?: TokenCache,
): Promise<Principal> {
  assertInstant(now);
  if (typeof bearer !== 'string' || bearer.length === 0 || bearer.length > MAX_BEARER_LENGTH)
    throw new HicareError('UNAUTHENTICATED.tokenInvalid');
  const hash = tokenHash(bearer);
  const token =
    cache === undefined ? await findTokenByHash(db, hash) : await cache.lookup(hash, () => findTokenByHash(db, hash));
  if (token === undefined) throw new HicareError('UNAUTHENTICATED.tokenUnknown');
  // The portal does not know the reader's time zone: instants in its messages are in UTC, and say so.
  const kind = token.kind === 'session' ? 'session' : 'apiKey';
  // Disabling also revokes the account's tokens; while it stays disabled, that is the reason worth telling.
  if (token.account.disabled_at !== null) throw new HicareError('UNAUTHENTICATED.accountDisabled');
  if (token.revokedAt !== null) {
    const { revokedAt } = token;
    throw new HicareError('TOKEN_REVOKED.portalToken', { kind, revokedAt, zone: 'UTC' }, { revokedAt });
  }
  // Expired from the exact instant of expiresAt on: the instant itself is already outside the token's life.
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()) {
    const { expiresAt } = token;
    throw new HicareError('TOKEN_EXPIRED.portalToken', { kind, expiresAt, zone: 'UTC' }, { expiresAt });
  }
  if (token.lastUsedAt === null || Date.parse(token.lastUsedAt) + LAST_USED_RESOLUTION_MS <= now.getTime()) {
    await touchToken(db, token.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS + 1));
    cache?.update(hash, { ...token, lastUsedAt: now.toISOString() });
  }
  const a = token.account;
  return {
    account: { id: a.id, email: a.email, name: a.name, role: a.role, customerId: a.customer_id },
    token: { id: token.id, kind: token.kind, expiresAt: token.expiresAt },
  };
}

/**
 * Revokes a session or API key by id (signing out, or withdrawing a key). With `accountId`, only that account's
 * tokens can be revoked; another account's id is reported as not found.
 */
export async function revokeToken(
  db: Kysely<Database>,
  tokenId: string,
  now: Date,
  options: { accountId?: string } = {},
): Promise<void> {
  const found = await markTokenRevoked(db, tokenId, now, options.accountId);
  if (!found) throw new HicareError('NOT_FOUND.apiToken', { tokenId }, { tokenId });
}
