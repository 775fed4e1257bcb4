/**
 * Password hashing with scrypt (memory-hard, in node:crypto, no native add-on). Stored as `scrypt$N$r$p$salt$hash`
 * with base64url salt and hash, so the cost can be raised later and old hashes still verify (and get re-hashed).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HicareError } from '../../shared/errors.js';

/** 2^15 × 8 × 128 B = 32 MiB and roughly 50–100 ms per hash on a server core: slow for guessing, fine for sign-in. */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

// Bounds for parameters read back from the database: a tampered row must not make verification eat gigabytes.
const MAX_MEMORY = 256 * 1024 * 1024;
const MAX_R = 32;
const MAX_P = 16;

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly what N=2^15, r=8 uses, and it refuses that.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

/** The same password typed on different systems can arrive in different Unicode forms; NFC makes them one. */
function normalize(password: string): string {
  return password.normalize('NFC');
}

export function assertPasswordPolicy(password: unknown): asserts password is string {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new HicareError('INVALID_INPUT.passwordPolicy', {
      minLength: MIN_PASSWORD_LENGTH,
      maxLength: MAX_PASSWORD_LENGTH,
    });
  }
}

export async function hashPassword(password: string): Promise<string> {
  assertPasswordPolicy(password);
  return rehashPassword(password);
}

/**
 * Hashes with today's cost without applying today's length policy: for upgrading the hash of a password that was
 * accepted under an older policy and has just been verified, which must not lock its owner out.
 */
export async function rehashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await scryptAsync(normalize(password), salt, KEY_LENGTH, SCRYPT_COST);
  const { N, r, p } = SCRYPT_COST;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const powerOfTwo = Number.isSafeInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || !Number.isSafeInteger(r) || r < 1 || r > MAX_R || !Number.isSafeInteger(p) || p < 1 || p > MAX_P)
    return undefined;
  if (128 * N * r > MAX_MEMORY) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const hash = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || hash.length < 16 || hash.length > 64) return undefined;
  return { N, r, p, salt, hash };
}

/** False for a wrong password and for a stored value that is not a hash this code wrote; never throws on either. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (typeof password !== 'string' || password.length > MAX_PASSWORD_LENGTH) return false;
  const parsed = parseHash(stored);
  if (parsed === undefined) return false;
  const candidate = await scryptAsync(normalize(password), parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(candidate, parsed.hash);
}

/** True when a hash was made with other parameters than today's, so a successful sign-in should replace it. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return (
    parsed === undefined ||
    parsed.N !== SCRYPT_COST.N ||
    parsed.r !== SCRYPT_COST.r ||
    parsed.p !== SCRYPT_COST.p ||
    parsed.hash.length !== KEY_LENGTH
  );
}

let decoy: Promise<string> | undefined;

/**
 * A hash of a random password with today's parameters. Sign-in verifies against it when the email is unknown, so an
 * unknown address costs as much time as a wrong password and response times do not reveal which accounts exist.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
}
