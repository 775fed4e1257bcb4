/**
 * The client core names a refused value by its field (`expiresInHours`); on the command line the user typed a flag
 * (`--hours`), so the error says the flag.
 */
import { invalidValues, type PlainIssue } from '../../shared/api/plain-issues.js';
import { isHicareError } from '../../shared/errors.js';
import { intlLocale } from '../../shared/i18n/format.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translate } from '../../shared/i18n/translator.js';

export async function namingFlags<T>(
  flags: Record<string, string>,
  run: () => Promise<T>,
  locale: DisplayLocale = 'en',
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isHicareError(error) || error.code !== 'INVALID_INPUT') throw error;
    const issues = error.details?.['issues'] as PlainIssue[] | undefined;
    if (!Array.isArray(issues)) throw error;
    const named = issues.map((i) => ({ ...i, path: flags[i.path] ?? i.path }));
    const which = [...new Set(named.map((i) => i.path).filter((p) => p.startsWith('--')))];
    const list = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(which);
    throw invalidValues(
      named,
      which.length === 0 ? error.toBody(locale).remedy : translate(locale, 'cli.report.correctFlags', { flags: list }),
    );
  }
}
