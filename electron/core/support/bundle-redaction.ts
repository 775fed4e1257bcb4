/**
 * What a support bundle hides, on top of what the app log already hides when it writes a line
 * (../logging/log-redaction.ts: tokens, passwords, private keys, cookies, connection strings, credentials in URLs,
 * Authorization headers, grant keys):
 * - e-mail addresses: the part before the @ is replaced and the domain kept, so the vendor can still tell which
 *   customer's accounts are involved without the bundle naming a person (it may be forwarded, attached to tickets);
 * - fields named like a secret (password, token, secret, api key, cookie, authorization, 密码, 密钥, 令牌 …, or a
 *   cloud provider's secret such as ALIBABA_CLOUD_ACCESS_KEY_SECRET) are dropped whole.
 * Kept on purpose: package names, versions, serial numbers, file paths and times, which are what support reads.
 * Everything goes through the rules again, even the log, which was redacted when written: a line written by an
 * older version or by hand gets the same treatment.
 */
import { redactValue } from '../../../shared/domain/redact.js';
import { redactLogText } from '../logging/index.js';

const EMAIL = /[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})/g;

export function redactForBundle(text: string): string {
  return redactLogText(text).replace(EMAIL, '[REDACTED e-mail]@$1');
}

function eachString(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => eachString(item, change));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, eachString(v, change)]));
  return value;
}

/**
 * A JSON value with secret-named fields dropped and each string through the rules: string by string, so that a rule
 * never swallows a quote and the result stays JSON a tool can read.
 */
export function redactJsonValue(value: unknown): unknown {
  return eachString(redactValue(value).value, redactForBundle);
}

/** JSON lines (the app log, the operation records) line by line; a line that is not JSON is redacted as text. */
export function redactJsonLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      try {
        return JSON.stringify(redactJsonValue(JSON.parse(line)));
      } catch {
        return redactForBundle(line);
      }
    })
    .join('\n');
}
