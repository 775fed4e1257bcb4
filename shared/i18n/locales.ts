/**
 * The languages the product speaks, and how a preference (the OS or browser's list, an Accept-Language header, a
 * POSIX LANG, a setting) picks one of them. Chinese in any script or region reads the Simplified catalog: it is
 * closer to what those readers expect than English.
 */

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** A pseudo-locale for tests: every catalog string accented and bracketed, so text that skipped the catalog shows. */
export const PSEUDO_LOCALE = 'en-XA';
export type DisplayLocale = Locale | typeof PSEUDO_LOCALE;

export const DEFAULT_LOCALE: Locale = 'en';

/** The language setting: follow the OS (or browser), or a fixed language. */
export const LANGUAGE_SETTINGS = ['system', ...LOCALES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** One language tag to a supported locale, or null: `zh`, `zh-Hans-CN`, `zh_TW` → zh-CN; `en-US` → en. */
export function matchLocale(tag: string): DisplayLocale | null {
  const clean = tag.trim().replace(/_/g, '-').split('.')[0]?.split('@')[0]?.toLowerCase() ?? '';
  if (clean === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  const primary = clean.split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

/** The first supported locale in a preference list (most preferred first), else English. */
export function negotiateLocale(preferences: readonly string[]): DisplayLocale {
  for (const tag of preferences) {
    const locale = matchLocale(tag);
    if (locale !== null) return locale;
  }
  return DEFAULT_LOCALE;
}

/** An Accept-Language header's tags, by quality then order; malformed parts are skipped, `q=0` means "not this". */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (header === undefined) return [];
  const ranked: { tag: string; q: number; at: number }[] = [];
  header.split(',').forEach((part, at) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag?.trim() ?? '';
    if (tag === '' || tag === '*' || !/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(param);
      if (m?.[1] !== undefined) q = Number(m[1]);
    }
    if (q > 0) ranked.push({ tag, q, at });
  });
  return ranked.sort((a, b) => b.q - a.q || a.at - b.at).map((r) => r.tag);
}

/**
 * The locale a POSIX environment asks for: LC_ALL, then LC_MESSAGES, then LANG (as gettext reads them); `C` and
 * `POSIX` mean English. LANGUAGE (a colon list) is honoured first when set, as GNU tools do.
 */
export function posixLocale(env: Readonly<Record<string, string | undefined>>): DisplayLocale | null {
  const language = env['LANGUAGE'];
  if (language !== undefined && language !== '') {
    for (const tag of language.split(':')) {
      const locale = matchLocale(tag);
      if (locale !== null) return locale;
    }
  }
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (value === 'C' || value === 'POSIX' || value.startsWith('C.')) return 'en';
    return matchLocale(value);
  }
  return null;
}

/** What a language setting resolves to, given the OS or browser's preferences. */
export function resolveLanguage(setting: LanguageSetting, preferences: readonly string[]): DisplayLocale {
  return setting === 'system' ? negotiateLocale(preferences) : setting;
}
