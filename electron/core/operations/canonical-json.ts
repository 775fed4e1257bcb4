/**
 * One byte-exact JSON form for hashing operation records: object keys sorted, no whitespace, strings and numbers
 * as JSON.stringify writes them. A record read back from its line re-encodes to the same bytes, so its hash can be
 * checked by anyone with a SHA-256 and a JSON parser.
 *
 * This is not TUF's canonical form (`@tufjs/canonical-json`, the OLPC dialect): that one leaves control characters
 * raw, so an installer's multi-line error would split a record's line, and it refuses fractions. Records on disk
 * were hashed in this form, so it stays (test/unit/core/canonical-forms.test.ts shows where the two differ).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    const text = JSON.stringify(value);
    // NaN and Infinity have no JSON form; a hash over "null" would not match what was meant
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('canonical JSON has no form for a non-finite number');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(',')}}`;
}

/** Whatever the caller passed, as plain JSON (undefined dropped, Dates as strings); throws on cycles and BigInt. */
export function toJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}
