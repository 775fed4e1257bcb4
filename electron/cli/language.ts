/**
 * The language `hicare` speaks: `--lang` when given, else the one the POSIX environment asks for (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG, as gettext reads them), else English. Flag names, codes and JSON field names never change.
 */
import { isLocale, LOCALES, PSEUDO_LOCALE, posixLocale, type DisplayLocale } from '../../shared/i18n/locales.js';

export type LanguageChoice = { ok: true; locale: DisplayLocale } | { ok: false; given: string };

type Env = Readonly<Record<string, string | undefined>>;

/** The language the environment asks for, English when it asks for none the CLI speaks. */
export function environmentLocale(env: Env): DisplayLocale {
  return posixLocale(env) ?? 'en';
}

/** The locale for a `--lang` value (absent: the environment's); an unknown value is returned as given. */
export function cliLocale(lang: string | undefined, env: Env): LanguageChoice {
  if (lang === undefined) return { ok: true, locale: environmentLocale(env) };
  if (isLocale(lang) || lang === PSEUDO_LOCALE) return { ok: true, locale: lang };
  return { ok: false, given: lang };
}

/** What --lang accepts, as the usage error lists it. */
export const LANGUAGE_CHOICES = LOCALES.join(', ');
