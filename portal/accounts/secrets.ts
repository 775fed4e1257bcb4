/** Bearer secrets: random, URL-safe, and stored only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

/** Marks API keys so that secret scanners and people can tell them from session tokens (and from other vendors' keys). */
export const API_KEY_PREFIX = 'hck_';

const SECRET_BYTES = 32;

/** 256 random bits: unguessable, so a fast hash is enough to store them (no need for scrypt as with passwords). */
export function newSessionToken(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
