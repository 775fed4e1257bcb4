/**
 * Canonical JSON as TUF uses it (the OLPC dialect): object keys sorted, no whitespace, only `"` and `\` escaped,
 * integers only. `@tufjs/models` signs and verifies in this form but does not export its encoder, and a key id is the
 * SHA-256 of a key object in this form, so the portal needs its own.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  encode(value, out);
  return out.join('');
}

function encode(value: unknown, out: string[]): void {
  if (value === null || typeof value === 'boolean') {
    out.push(String(value));
  } else if (typeof value === 'string') {
    out.push(encodeString(value));
  } else if (typeof value === 'number') {
    // The dialect has no floats; an unrepresentable number must fail here rather than sign something clients re-encode differently.
    if (!Number.isSafeInteger(value)) throw new TypeError(`canonical JSON allows integers only, got ${value}`);
    out.push(String(value));
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      encode(item, out);
    });
    out.push(']');
  } else if (typeof value === 'object') {
    out.push('{');
    // Default sort (UTF-16 code units) is what the tuf-js verifier uses; any other order would break signatures.
    const keys = Object.keys(value).sort();
    keys.forEach((key, i) => {
      if (i > 0) out.push(',');
      out.push(encodeString(key), ':');
      encode((value as Record<string, unknown>)[key], out);
    });
    out.push('}');
  } else {
    throw new TypeError(`canonical JSON cannot encode a ${typeof value}`);
  }
}

function encodeString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
