/**
 * The core's remedies speak to every host ("Sign in with your portal account"); on the command line the user also
 * wants the command that does it. Keyed by the error's code, and where needed by what the error is about.
 */
import type { HicareError } from '../../shared/errors.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translate } from '../../shared/i18n/translator.js';

export function commandHint(error: HicareError, locale: DisplayLocale = 'en'): string | null {
  switch (error.code) {
    case 'UNAUTHENTICATED':
    case 'TOKEN_EXPIRED':
    case 'TOKEN_REVOKED':
      return 'hicare login --email EMAIL';
    case 'NOT_FOUND':
      if (error.details?.['serialNumber'] !== undefined) return 'hicare systems';
      if (error.details?.['requestNumber'] !== undefined || error.details?.['requestId'] !== undefined)
        return 'hicare request list';
      if (error.key === 'NOT_FOUND.noFailure')
        return 'hicare request create --serial SERIAL --description TEXT --priority P3';
      return null;
    case 'PRERELEASE':
      return translate(locale, 'cli.report.previewsHint', {
        check: 'hicare check --previews',
        download: 'hicare download TARGET --previews',
      });
    case 'VERSION_NOT_IN_CATALOG':
      return `hicare systems set-version ${String(error.details?.['serialNumber'] ?? 'SERIAL')} ${String(error.details?.['version'] ?? 'VERSION')} --not-in-catalog`;
    default:
      return null;
  }
}
