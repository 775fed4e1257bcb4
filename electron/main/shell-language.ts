/**
 * The language of the shell's own words (menu, tray, notifications, window title): the Language setting, or with
 * "system" the first of the OS's preferred languages the app speaks. The shell is told when that changes, so the
 * menu and the tray are built again in the new language without a restart.
 */
import { resolveLanguage, type DisplayLocale, type LanguageSetting } from '../../shared/i18n/locales.js';

export interface LanguageSettings {
  get(): { language: LanguageSetting };
  onChange(listener: (settings: { language: LanguageSetting }) => void): unknown;
}

export interface ShellLanguage {
  /** The shell's language now. */
  locale(): DisplayLocale;
  /** Follows a settings store from now on: `changed` runs whenever the resolved language differs from before. */
  follow(settings: LanguageSettings, changed: (locale: DisplayLocale) => void): void;
}

/** `systemLanguages` is Electron's app.getPreferredSystemLanguages(), most preferred first. */
export function shellLanguage(systemLanguages: () => readonly string[]): ShellLanguage {
  let settings: LanguageSettings | undefined;
  const locale = (): DisplayLocale => resolveLanguage(settings?.get().language ?? 'system', systemLanguages());
  return {
    locale,
    follow(store, changed) {
      let last = locale();
      settings = store;
      const check = () => {
        const now = locale();
        if (now === last) return;
        last = now;
        changed(now);
      };
      check();
      store.onChange(check);
    },
  };
}
