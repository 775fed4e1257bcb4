/**
 * The region forms check what they send with the portal's own schema and domain rules first, so a mistake is named
 * at once, in the same coded words the portal would answer with.
 */
import type { z } from 'zod';
import { invalidValues, plainIssues, safeParsePlain } from '../../../../../shared/api/plain-issues.js';
import { currentLocale } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';

export function refusalOf(schema: z.ZodType, value: unknown, rules: () => void = () => undefined): ShownError | null {
  const locale = currentLocale();
  const r = safeParsePlain(schema, value);
  if (!r.success)
    return toShownError(invalidValues(plainIssues(r.error, [], locale), 'INVALID_INPUT.values', {}, locale));
  try {
    rules();
    return null;
  } catch (error) {
    return toShownError(error);
  }
}
