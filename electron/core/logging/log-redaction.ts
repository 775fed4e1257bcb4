/**
 * What is hidden before a line reaches the app's log, and so before it can reach a support bundle: everything the
 * shared rules find (shared/domain/redact.ts: tokens, passwords, keys, cookies, connection strings, secrets labelled
 * in Chinese, the access keys of Alibaba, Tencent, Huawei and Baidu Cloud), and two shapes only logs and bundles
 * carry: an Authorization header of any scheme (Basic carries a password), and a portal's grant key (32 bytes in
 * base64, as HICARE_GRANT_KEY holds it).
 */
import { redact, redactValue } from '../../../shared/domain/redact.js';

const AUTHORIZATION = /\b((?:Proxy-)?Authorization["']?\s*[:=]\s*["']?)([^"'\r\n,}]+)/gi;
const GRANT_KEY = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])/g;

/** The two shapes the shared rules leave, on text they already went over. */
function redactLogShapes(text: string): string {
  return text
    .replace(AUTHORIZATION, (match, prefix: string, value: string) =>
      value.includes('[REDACTED') ? match : `${prefix}[REDACTED authorization]`,
    )
    .replace(GRANT_KEY, '[REDACTED grant-key]');
}

export function redactLogText(text: string): string {
  return redactLogShapes(redact(text).text);
}

function walkStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => walkStrings(item, change));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walkStrings(v, change)]));
  return value;
}

/** Fields as they may be logged: an Error by its message, every string through the rules, secret-named keys dropped. */
export function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const plain = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? v.message : v]));
  return walkStrings(redactValue(plain).value, redactLogShapes) as Record<string, unknown>;
}
