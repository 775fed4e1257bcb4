/** The language mail to an account is written in. */
import type { Locale } from '../../shared/i18n/locales.js';

/** The account's own language (as its last sign-in asked for it), else English. */
export function mailLocale(account: { language?: Locale | null | undefined }): Locale {
  return account.language ?? 'en';
}
