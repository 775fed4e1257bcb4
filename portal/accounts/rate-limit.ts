/**
 * Sign-in throttling that slows guessing without letting a guesser lock a user out.
 *
 * Failed attempts are counted under three keys, each within a sliding window:
 * - the pair (email, address): a few failures are free, then each further attempt from that address for that email
 *   waits twice as long as the one before (1 s, 2 s, 4 s … up to 15 minutes). This always applies: it is what holds
 *   back someone guessing one account's password from one place.
 * - the email across all addresses (guessing from many places) and
 * - the address across all emails (one place trying many accounts: password spraying), each with a larger free
 *   allowance and the same growing delays. Each pair adds at most its own free failures to these, so that one
 *   address hammering one account does not hold back that account elsewhere or that address's other users.
 *
 * The two wide limits do not apply to a pair that is known: an address from which the right password was given for
 * that email within the last 30 days. So a user signing in from where they usually do is only ever held back by
 * their own failures there, however many failures an attacker piles up on their account elsewhere or on other accounts
 * behind the same NAT; and no account is ever locked from every address. A pair that is not known yet pays the wide
 * limits, which is what keeps spraying and distributed guessing slow. The known mark is only made after a right
 * password, so it reveals nothing to a guesser.
 *
 * A refused attempt is not counted and the password is not checked, so waiting always works and nothing can be learnt
 * while paused. Unknown emails count like known ones, so the throttle says nothing about which accounts exist. The
 * counts live in the database (login_attempts), so every portal instance sharing it applies the same limits.
 */
import type { Kysely } from 'kysely';
import { HicareError } from '../../shared/errors.js';
import { normalizeEmail } from '../db/accounts.js';
import {
  deleteLoginAttempts,
  loginAttemptsSince,
  pruneLoginAttempts,
  recordLoginAttempt,
  clearLoginAttempts,
} from '../db/login-attempts.js';
import type { Database } from '../db/schema.js';

export interface LoginLimits {
  /** Failures of one email from one address before attempts are spaced out. */
  freePerPair: number;
  /** Failures of one email from addresses not known for it, before those are spaced out. */
  freePerEmail: number;
  /** Failures from one address for emails it is not known for, before those are spaced out. */
  freePerAddress: number;
  /** The wait after the first failure beyond a free allowance; it doubles with each further failure. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long a failure is remembered. */
  windowMs: number;
  /** How long after a right password an (email, address) pair stays known. */
  knownForMs: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  freePerPair: 3,
  freePerEmail: 10,
  freePerAddress: 20,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  windowMs: 24 * 60 * 60 * 1000,
  knownForMs: 30 * 24 * 60 * 60 * 1000,
};

/** The rows one sign-in attempt added; kept as failures unless the attempt succeeds. */
export interface LoginReservation {
  ids: string[];
  pairKey: string;
  knownKey: string;
}

/** An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; it is the same client either way. */
function normalizeAddress(remoteAddress: string | undefined): string | undefined {
  const address = remoteAddress
    ?.trim()
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return address === undefined || address === '' ? undefined : address;
}

/** How long to wait after `failures` failures when `free` of them cost nothing; 0 while within the allowance. */
export function delayAfter(failures: number, free: number, limits: LoginLimits): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 30);
  return Math.min(limits.firstDelayMs * 2 ** doublings, limits.maxDelayMs);
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;
let lastSweep = 0;

/**
 * Counters are pruned by key as they are used; those of addresses and emails never seen again would stay for good.
 * Once an hour each instance drops every row older than anything still counts (a scan, hence not on every attempt).
 */
async function sweepNowAndThen(db: Kysely<Database>, now: Date, limits: LoginLimits): Promise<void> {
  if (Math.abs(now.getTime() - lastSweep) < SWEEP_EVERY_MS) return;
  lastSweep = now.getTime();
  await pruneLoginAttempts(db, new Date(now.getTime() - Math.max(limits.windowMs, limits.knownForMs)));
}

/** Whose failures a refusal counted: this account from this address, this account anywhere, or this address. */
type Scope = 'pair' | 'account' | 'address';

interface Rule {
  key: string;
  free: number;
  scope: Scope;
}

/**
 * Counts this attempt before the password is checked, so a burst of parallel guesses cannot all slip in while the
 * (deliberately slow) hashing runs: attempts in flight count against each other. A refused attempt is taken back.
 */
export async function reserveLoginAttempt(
  db: Kysely<Database>,
  who: { email: string; remoteAddress?: string },
  now: Date,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<LoginReservation> {
  const email = normalizeEmail(who.email);
  const address = normalizeAddress(who.remoteAddress);
  const pairKey = `pair:${email} ${address ?? '-'}`;
  const knownKey = `known:${email} ${address ?? '-'}`;
  const windowStart = new Date(now.getTime() - limits.windowMs);

  const rules: Rule[] = [{ key: pairKey, free: limits.freePerPair, scope: 'pair' }];
  const known =
    address !== undefined &&
    (await loginAttemptsSince(db, knownKey, new Date(now.getTime() - limits.knownForMs))).length > 0;
  if (!known) {
    rules.push({ key: `account:${email}`, free: limits.freePerEmail, scope: 'account' });
    if (address !== undefined) rules.push({ key: `address:${address}`, free: limits.freePerAddress, scope: 'address' });
  }
  const wide = [`account:${email}`, ...(address === undefined ? [] : [`address:${address}`])];
  await pruneLoginAttempts(db, windowStart, [pairKey, ...wide]);
  await sweepNowAndThen(db, now, limits);
  // A pair adds to the wide counters only within its own free allowance: one address hammering one account is held
  // back by the pair's waits already, and must not use up the allowance of the account's other addresses, nor of its
  // address's other accounts. Whether or not the wide rules apply to this attempt, it counts towards them.
  const pairFailures = (await loginAttemptsSince(db, pairKey, windowStart)).length;
  const ids = await recordLoginAttempt(db, pairFailures < limits.freePerPair ? [pairKey, ...wide] : [pairKey], now);

  let refusal: { retryAt: number; scope: Scope } | undefined;
  for (const rule of rules) {
    const earlier = await loginAttemptsSince(db, rule.key, windowStart, ids);
    const wait = delayAfter(earlier.length, rule.free, limits);
    const last = earlier.at(-1);
    if (wait === 0 || last === undefined) continue;
    const retryAt = Date.parse(last) + wait;
    if (retryAt <= now.getTime()) continue;
    if (refusal === undefined || retryAt > refusal.retryAt) refusal = { retryAt, scope: rule.scope };
  }
  if (refusal !== undefined) {
    await deleteLoginAttempts(db, ids);
    throw rateLimited(refusal.retryAt, refusal.scope, now);
  }
  return { ids, pairKey, knownKey };
}

/**
 * A right password: the pair's failures are forgotten and the pair becomes known; the attempt is taken back from the
 * wide counters, whose other failures stay (they may well be an attacker's).
 */
export async function loginSucceeded(db: Kysely<Database>, reservation: LoginReservation, now: Date): Promise<void> {
  await deleteLoginAttempts(db, reservation.ids);
  await clearLoginAttempts(db, reservation.pairKey);
  await clearLoginAttempts(db, reservation.knownKey);
  await recordLoginAttempt(db, [reservation.knownKey], now);
}

function rateLimited(retryAt: number, scope: Scope, now: Date): HicareError {
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
  const inSeconds = retryAfterSeconds < 120;
  const when = new Date(now.getTime() + retryAfterSeconds * 1000).toISOString();
  return new HicareError(
    'RATE_LIMITED.signIn',
    {
      scope,
      unit: inSeconds ? 'seconds' : 'minutes',
      wait: inSeconds ? retryAfterSeconds : Math.ceil(retryAfterSeconds / 60),
      retryAt: when,
      zone: 'UTC',
    },
    { retryAt: when, retryAfterSeconds },
  );
}
