/**
 * The client core names a refused value by its field (`expiresInHours`); on the command line the user typed a flag
 * (`--hours`), so the error says the flag.
 */
import { issuesSentence, type PlainIssue } from '../../shared/api/plain-issues.js';
import { HicareError, isHicareError } from '../../shared/errors.js';
import { intlLocale } from '../../shared/i18n/format.js';
import type { DisplayLocale } from '../../shared/i18n/locales.js';

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
    // No flag to name: the core's refusal says it as well as this could.
    if (which.length === 0) throw error;
    const list = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(which);
    throw new HicareError(
      'INVALID_INPUT.cliFlags',
      { issues: issuesSentence(named, locale), flags: list },
      { ...error.details, issues: named },
    );
  }
}
