/**
 * The renderer's languages: react-i18next over the shared catalogs. The language follows the app's setting; until
 * the setting is known (and while it says "system") it follows the browser's, which in the desktop app is the OS's.
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next, useTranslation } from 'react-i18next';
import { formatParams } from '../../../shared/i18n/format.js';
import {
  negotiateLocale,
  resolveLanguage,
  type DisplayLocale,
  type LanguageSetting,
} from '../../../shared/i18n/locales.js';
import type { MessageParams } from '../../../shared/i18n/messages.js';
import { I18N_OPTIONS, i18nResources, type Translate } from '../../../shared/i18n/translator.js';

function browserPreferences(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

export const i18n = i18next.createInstance();
void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({ ...I18N_OPTIONS, lng: negotiateLocale(browserPreferences()), resources: i18nResources(), initAsync: false });

function markDocument(locale: DisplayLocale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
markDocument(currentLocale());

export function currentLocale(): DisplayLocale {
  return (i18n.language as DisplayLocale | undefined) ?? 'en';
}

/** Applies the language setting; every component that reads text through `useT` re-renders in it. */
export function applyLanguage(setting: LanguageSetting): void {
  const locale = resolveLanguage(setting, browserPreferences());
  if (locale !== currentLocale()) void i18n.changeLanguage(locale);
  markDocument(locale);
}

/** Text for the current language: `t(key, params)`, with date and instant params written out in that language. */
export function useT(): { t: Translate; locale: DisplayLocale } {
  const { t: raw, i18n: active } = useTranslation();
  const locale = (active.language as DisplayLocale | undefined) ?? 'en';
  const t: Translate = (key, params?: MessageParams) =>
    String(params === undefined ? raw(key) : raw(key, formatParams(locale, params)));
  return { t, locale };
}
