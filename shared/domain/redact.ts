/**
 * Secrets out of what leaves the desktop: installer logs, system information and operation records, and what the
 * customer types (a fault description, a message), can carry tokens, passwords, private keys, cookies and connection
 * strings, labelled in English or in Chinese, and cloud access keys. Each finding is replaced by a marker naming
 * what was there, and listed (masked) so the customer sees exactly what was removed before approving. Pure, so the
 * form that previews typed text uses the same rules.
 */

export const SECRET_KINDS = [
  'private-key',
  'bearer-token',
  'api-key',
  'jwt',
  'cloud-key',
  'password',
  'cookie',
  'connection-string',
  'url-credentials',
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export interface Removal {
  kind: SecretKind;
  /** Where in the text, 1-based, so the preview can point at it. */
  line: number;
  /** The start of what was removed, the rest masked: enough to recognise, never enough to use. */
  masked: string;
}

export interface Redacted {
  text: string;
  removed: Removal[];
  /** Findings the customer chose to send as typed (see `keep`), listed the same way. */
  kept: Removal[];
}

/** The customer's choice per finding: true leaves that secret in the text. Identified by kind and the secret itself. */
export type KeepChoice = (finding: Removal & { secret: string }) => boolean;

interface Rule {
  kind: SecretKind;
  pattern: RegExp;
  /** Which capture group is the secret; 0 = the whole match. */
  group: number;
}

/**
 * Words that label a secret in Chinese text: a password (密码, 口令), a key (密钥, and the frequent misspelling 秘钥),
 * a private key, a token, an authorization code. Longer labels (数据库密码, 登录密码, 访问令牌, 访问密钥) end in one of
 * these, so they are found too; a word that merely starts with one (密码学, cryptography) is not followed by a colon.
 */
const ZH_SECRET_WORD = '(?:密码|口令|密钥|秘钥|私钥|令牌|授权码)';
/** A value as typed after a label: quoted, or printable ASCII up to a space or a separator (ASCII or full-width). */
const ZH_VALUE = '("[^"\\n]*"|\'[^\'\\n]*\'|“[^”\\n]*”|(?:(?![,;&])[!-~])+)';
/**
 * Names the cloud providers common in China give their AccessKey ID (Alibaba, Tencent, Huawei, Baidu, and the
 * generic spellings their SDKs and consoles use). Their IDs have no prefix of their own (Huawei's are 20 upper-case
 * letters and digits, Baidu's 32 hex digits), so they are only recognised after one of these labels.
 */
const CLOUD_KEY_ID_LABEL =
  '(?:\\b(?:HUAWEICLOUD_SDK_AK|HUAWEI_CLOUD_AK|BCE_ACCESS_KEY_ID|BAIDU_(?:CLOUD_)?AK|(?:ALIBABA_CLOUD|ALICLOUD|TENCENTCLOUD|HUAWEICLOUD|OBS)_ACCESS_KEY(?:_ID)?|TENCENTCLOUD_SECRET_ID|access[_-]?key[_-]?id|AccessKey\\s?ID|SecretId|AK)\\b|访问密钥\\s*ID)';
/** …and their secrets. */
const CLOUD_SECRET_LABEL =
  '(?:\\b(?:ALIBABA_CLOUD_ACCESS_KEY_SECRET|ALICLOUD_SECRET_KEY|TENCENTCLOUD_SECRET_KEY|HUAWEICLOUD_SDK_SK|HUAWEI_CLOUD_SK|BCE_SECRET_ACCESS_KEY|BAIDU_(?:CLOUD_)?SK|OBS_SECRET_ACCESS_KEY|access[_-]?key[_-]?secret|AccessKey\\s?Secret|secret[_-]?access[_-]?key|secret[_-]?key|SK)\\b|访问密钥\\s*Secret)';
/** Between a label and its value: an optional closing quote (JSON, YAML), then `:`, `：` or `=`, then an optional quote. */
const ASSIGN = '["\']?\\s*[:：=]\\s*["\']?';

// Order matters: multi-line keys first, then the shapes that contain other shapes (URLs with credentials before
// bare passwords), and a cloud key's label before the password rule, which would otherwise call it a password.
const RULES: readonly Rule[] = [
  {
    kind: 'private-key',
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
    group: 0,
  },
  {
    kind: 'connection-string',
    pattern: /\b((?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|amqps?|mssql|sqlserver):\/\/[^\s'"]+)/gi,
    group: 1,
  },
  {
    kind: 'connection-string',
    pattern: /((?:Server|Data Source|Host)=[^;\n]+;(?:[^;\n]+;)*?\s*(?:Password|Pwd)=[^;\n]+;?)/gi,
    group: 1,
  },
  { kind: 'url-credentials', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]+:([^\s@/'"]+)@/gi, group: 1 },
  { kind: 'bearer-token', pattern: /\b(?:Bearer|Token)\s+([A-Za-z0-9._~+/=-]{16,})/g, group: 1 },
  { kind: 'jwt', pattern: /\b(eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g, group: 1 },
  {
    kind: 'api-key',
    pattern: /\b(hck_[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9]{20,})/g,
    group: 1,
  },
  { kind: 'cloud-key', pattern: /\b((?:AKIA|ASIA)[A-Z0-9]{16})\b/g, group: 1 },
  // Alibaba Cloud AccessKey IDs start with LTAI, Tencent Cloud SecretIds with AKID: recognisable without a label
  { kind: 'cloud-key', pattern: /\b(LTAI[A-Za-z0-9]{12,20})\b/g, group: 1 },
  { kind: 'cloud-key', pattern: /\b(AKID[A-Za-z0-9]{32})\b/g, group: 1 },
  { kind: 'cloud-key', pattern: new RegExp(`${CLOUD_KEY_ID_LABEL}${ASSIGN}([A-Za-z0-9]{16,64})\\b`, 'gi'), group: 1 },
  {
    kind: 'cloud-key',
    pattern: new RegExp(`${CLOUD_SECRET_LABEL}${ASSIGN}([A-Za-z0-9/+=_-]{16,128})`, 'gi'),
    group: 1,
  },
  { kind: 'cookie', pattern: /^((?:Set-)?Cookie:\s*).+$/gim, group: 0 },
  {
    kind: 'password',
    pattern:
      /\b(?:password|passwd|pwd|passphrase|secret|client_secret|api[_-]?key|access[_-]?token|auth[_-]?token|token)\b\s*[:=：]\s*("[^"]*"|'[^']*'|[^\s,;&，；。]+)/gi,
    group: 1,
  },
  // 数据库密码：Abc123!  口令=xyz  访问令牌: "…"
  { kind: 'password', pattern: new RegExp(`${ZH_SECRET_WORD}\\s*[:：=]\\s*${ZH_VALUE}`, 'g'), group: 1 },
  // 初始密码是 Admin@2024: only a password-like value (6+ ASCII characters with a digit or a symbol), so that
  // 密码是否正确, 密码为空 and 密码是 8 位以上 stay as written. Not for 密钥, whose "是/为" is usually an algorithm.
  {
    kind: 'password',
    pattern: /(?:密码|口令|授权码)(?:是|为)\s*((?=[A-Za-z]*[0-9!-/:-@[-`{-~])(?:(?![,;&])[!-~]){6,})/g,
    group: 1,
  },
];

function mask(secret: string): string {
  const shown = secret.length >= 12 ? secret.slice(0, 4) : '';
  return `${shown}${'•'.repeat(Math.min(12, Math.max(4, secret.length - shown.length)))}`;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Replaces every secret found with `[REDACTED <kind>]`, except those `keep` says the customer wants to send. */
export function redact(text: string, keep: KeepChoice = () => false): Redacted {
  const removed: Removal[] = [];
  const kept: Removal[] = [];
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const offset = args[args.length - 2] as number;
      const groups = args.slice(1, -2) as (string | undefined)[];
      const prefix = rule.kind === 'cookie' ? (groups[0] ?? '') : '';
      const secret =
        rule.kind === 'cookie' ? match.slice(prefix.length) : rule.group === 0 ? match : (groups[rule.group - 1] ?? '');
      // Already redacted by an earlier rule, or an empty value: nothing to hide.
      if (secret === '' || secret.includes('[REDACTED')) return match;
      const finding = { kind: rule.kind, line: lineAt(out, offset), masked: mask(secret) };
      if (keep({ ...finding, secret })) {
        kept.push(finding);
        return match;
      }
      removed.push(finding);
      return rule.kind === 'cookie' ? `${prefix}[REDACTED cookie]` : match.replace(secret, `[REDACTED ${rule.kind}]`);
    });
  }
  return { text: out, removed: removed.sort((a, b) => a.line - b.line), kept: kept.sort((a, b) => a.line - b.line) };
}

/**
 * Every secret in typed text with its value, for the form that lets the customer keep or remove each one; the value
 * stays on this desktop (the form's own state) and is never part of a preview that is stored or sent.
 */
export function findSecrets(text: string): (Removal & { secret: string })[] {
  const found: (Removal & { secret: string })[] = [];
  redact(text, (finding) => {
    found.push(finding);
    return false;
  });
  return found.sort((a, b) => a.line - b.line);
}

/** The kind of secret a field's name says it holds, whatever its value looks like; null for any other field. */
const SECRET_FIELD = /^(?:password|passwd|secret|token|api[_-]?key|cookie|authorization)$/i;
// 密码, 私钥 …, and the longer names of a password or token: 数据库密码, 登录密码, 访问令牌
const ZH_SECRET_FIELD = new RegExp(`^(?:${ZH_SECRET_WORD}|.{1,6}(?:密码|口令|令牌))$`);
const CLOUD_SECRET_FIELD = new RegExp(`^${CLOUD_SECRET_LABEL}$`, 'i');

function secretField(name: string): SecretKind | null {
  if (SECRET_FIELD.test(name) || ZH_SECRET_FIELD.test(name)) return 'password';
  if (CLOUD_SECRET_FIELD.test(name)) return 'cloud-key';
  return null;
}

/** Redacts every string inside a JSON-like value (system information, operation records), keys included in the path. */
export function redactValue<T>(
  value: T,
  path = '$',
  found: (Removal & { path: string })[] = [],
): { value: T; removed: (Removal & { path: string })[] } {
  const walk = (v: unknown, p: string): unknown => {
    if (typeof v === 'string') {
      const r = redact(v);
      for (const x of r.removed) found.push({ ...x, path: p });
      return r.text;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${p}[${i}]`));
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, item]) => {
          // A field named like a secret is dropped whole, whatever its value looks like.
          const kind = secretField(k);
          if (kind !== null && typeof item === 'string' && item !== '') {
            found.push({ kind, line: 1, masked: mask(item), path: `${p}.${k}` });
            return [k, `[REDACTED ${kind}]`];
          }
          return [k, walk(item, `${p}.${k}`)];
        }),
      );
    }
    return v;
  };
  return { value: walk(value, path) as T, removed: found };
}
