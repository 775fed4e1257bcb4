/**
 * One i18next instance (with ICU MessageFormat, so plurals and selects are written the way translators know) holding
 * every catalog, and a translator per locale. Used as is by the portal, the client core and the CLI; the renderer
 * wraps the same resources in react-i18next. Initialised synchronously: the resources are plain modules.
 */
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { en, type Catalog } from './catalogs/en/index.js';
import { zhCN } from './catalogs/zh-CN/index.js';
import { formatParams } from './format.js';
import { messageAt, type KeyPaths, type MessageParams, type Messages } from './messages.js';
import { DEFAULT_LOCALE, PSEUDO_LOCALE, type DisplayLocale } from './locales.js';
import { pseudoCatalog } from './pseudo.js';

export const CATALOGS: Readonly<Record<DisplayLocale, Messages>> = {
  en,
  'zh-CN': zhCN as Catalog,
  [PSEUDO_LOCALE]: pseudoCatalog(en),
};

/** i18next's resources for every locale, for hosts that build their own instance (react-i18next). */
export function i18nResources(): Record<string, { translation: Messages }> {
  return Object.fromEntries(Object.entries(CATALOGS).map(([lng, messages]) => [lng, { translation: messages }]));
}

/** The options every instance shares: ICU syntax, no HTML escaping (React and the CLI escape), English fallback. */
export const I18N_OPTIONS = {
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: Object.keys(CATALOGS),
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
} as const;

let shared: i18n | undefined;

function instance(): i18n {
  if (shared === undefined) {
    shared = i18next.createInstance();
    void shared.use(ICU).init({ ...I18N_OPTIONS, lng: DEFAULT_LOCALE, resources: i18nResources(), initAsync: false });
  }
  return shared;
}

/** Every key of the catalog, dotted. */
export type CatalogKey = KeyPaths<Catalog>;

export type Translate = (key: CatalogKey, params?: MessageParams) => string;

const translators = new Map<DisplayLocale, Translate>();

/**
 * A translator for one locale. Params named `…Date` (YYYY-MM-DD) and `…At` (an instant) are written out in that
 * locale, in the `zone` param's time zone when there is one, so a message never shows a raw ISO string.
 */
export function translator(locale: DisplayLocale): Translate {
  let t = translators.get(locale);
  if (t === undefined) {
    const fixed = instance().getFixedT(locale);
    t = (key, params) => String(params === undefined ? fixed(key) : fixed(key, formatParams(locale, params)));
    translators.set(locale, t);
  }
  return t;
}

export function translate(locale: DisplayLocale, key: CatalogKey, params?: MessageParams): string {
  return translator(locale)(key, params);
}

/** Whether a locale's catalog has this key (the English one counts, as the fallback). */
export function hasMessage(locale: DisplayLocale, key: string): boolean {
  return messageAt(CATALOGS[locale], key) !== undefined || messageAt(CATALOGS.en, key) !== undefined;
}
