/**
 * Sign-in rate limiting: a sliding window of failed attempts per email address (against guessing one account's
 * password) and per remote address (against trying many accounts from one place). Unknown addresses count like known
 * ones, so the limiter reveals nothing about which accounts exist.
 */
import type { Kysely } from 'kysely';
import { HicareError } from '../../shared/errors.js';
import { normalizeEmail } from '../db/accounts.js';
import { clearLoginAttempts, deleteLoginAttempts, loginAttemptsSince, pruneLoginAttempts, recordLoginAttempt } from '../db/login-attempts.js';
import type { Database } from '../db/schema.js';

export interface LoginLimits {
  perEmail: number;
  perAddress: number;
  windowMs: number;
}

export const LOGIN_LIMITS: LoginLimits = { perEmail: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

/** The rows one sign-in attempt added; kept as a failure unless the attempt succeeds. */
export interface LoginReservation {
  ids: string[];
  emailKey: string;
}

function addressKey(remoteAddress: string): string {
  // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; it is the same client either way.
  return `address:${remoteAddress.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')}`;
}

/**
 * Counts this attempt before the password is checked, so a burst of parallel guesses cannot all slip in while the
 * (deliberately slow) hashing runs. Refused attempts are taken back again: waiting out the window always works.
 */
export async function reserveLoginAttempt(
  db: Kysely<Database>,
  who: { email: string; remoteAddress?: string },
  now: Date,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<LoginReservation> {
  const emailKey = `email:${normalizeEmail(who.email)}`;
  const checks: { key: string; limit: number; scope: string }[] = [{ key: emailKey, limit: limits.perEmail, scope: 'for this email address' }];
  if (who.remoteAddress !== undefined && who.remoteAddress.trim() !== '') {
    checks.push({ key: addressKey(who.remoteAddress), limit: limits.perAddress, scope: 'from this network address' });
  }
  const windowStart = new Date(now.getTime() - limits.windowMs);
  await pruneLoginAttempts(db, windowStart, checks.map((c) => c.key));
  const ids = await recordLoginAttempt(db, checks.map((c) => c.key), now);

  let refusal: { retryAt: number; scope: string } | undefined;
  for (const check of checks) {
    const earlier = await loginAttemptsSince(db, check.key, windowStart, ids);
    if (earlier.length < check.limit) continue;
    // The attempt becomes possible once enough of the earlier failures have left the window to bring them below the limit.
    const freeing = earlier[earlier.length - check.limit] ?? earlier[0] ?? now.toISOString();
    const retryAt = Date.parse(freeing) + limits.windowMs;
    if (refusal === undefined || retryAt > refusal.retryAt) refusal = { retryAt, scope: check.scope };
  }
  if (refusal !== undefined) {
    await deleteLoginAttempts(db, ids);
    throw rateLimited(refusal.retryAt, refusal.scope, now);
  }
  return { ids, emailKey };
}

/** A successful sign-in wipes the account's failures and takes back its own attempt (the address's other failures stay). */
export async function loginSucceeded(db: Kysely<Database>, reservation: LoginReservation): Promise<void> {
  await clearLoginAttempts(db, reservation.emailKey);
  await deleteLoginAttempts(db, reservation.ids);
}

function rateLimited(retryAt: number, scope: string, now: Date): HicareError {
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const when = new Date(retryAt).toISOString();
  return new HicareError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts ${scope}; sign-in is paused.`,
    `Try again after ${when} (in ${minutes} minute${minutes === 1 ? '' : 's'}).`,
    { retryAt: when, retryAfterSeconds },
  );
}
