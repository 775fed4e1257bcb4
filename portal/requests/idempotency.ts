/**
 * The `Idempotency-Key` of a creation: what a valid key is, and the fingerprint of the body it was first used with,
 * so that a retry (same key, same body) finds the first request and a reused key with another body is refused.
 */
import { createHash } from 'node:crypto';
import { HicareError } from '../../shared/errors.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The key sent with the request, or null when none was; a malformed key is refused rather than ignored. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (Array.isArray(header) || !KEY.test(header)) {
    throw new HicareError('INVALID_INPUT.requestIdempotencyKey');
  }
  return header;
}

/** JSON with object keys sorted at every level, so the same body always gives the same text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

export function bodyFingerprint(body: unknown): string {
  return createHash('sha256').update(stableJson(body)).digest('hex');
}

export function idempotencyConflict(key: string, number: string): HicareError {
  return new HicareError('IDEMPOTENCY_CONFLICT.requestReused', { number }, { idempotencyKey: key, number });
}
