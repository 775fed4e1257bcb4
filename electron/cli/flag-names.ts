/**
 * The client core names a refused value by its field (`expiresInHours`); on the command line the user typed a flag
 * (`--hours`), so the error says the flag.
 */
import { invalidValues, type PlainIssue } from '../../shared/api/plain-issues.js';
import { isHicareError } from '../../shared/errors.js';

export async function namingFlags<T>(flags: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isHicareError(error) || error.code !== 'INVALID_INPUT') throw error;
    const issues = error.details?.['issues'] as PlainIssue[] | undefined;
    if (!Array.isArray(issues)) throw error;
    const named = issues.map((i) => ({ ...i, path: flags[i.path] ?? i.path }));
    const which = [...new Set(named.map((i) => i.path).filter((p) => p.startsWith('--')))];
    throw invalidValues(
      named,
      which.length === 0 ? error.remedy : `Correct ${which.join(' and ')} and run the command again.`,
    );
  }
}
