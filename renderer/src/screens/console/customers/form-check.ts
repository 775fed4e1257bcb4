/**
 * A console form's values checked with the portal's own schema before they are sent: the same refusal, in the same
 * words and the reader's language, without a round trip. The portal checks again.
 */
import type { z } from 'zod';
import { invalidValues, plainIssues, safeParsePlain } from '../../../../../shared/api/plain-issues.js';
import type { DisplayLocale } from '../../../../../shared/i18n/locales.js';
import type { ShownError } from '../../../lib/errors.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: ShownError };

export function checkForm<S extends z.ZodType>(schema: S, value: unknown, locale: DisplayLocale): Checked<z.output<S>> {
  const result = safeParsePlain(schema, value);
  if (result.success) return { ok: true, value: result.data };
  const body = invalidValues(plainIssues(result.error, [], locale), 'INVALID_INPUT.values', {}, locale).toBody(locale);
  return {
    ok: false,
    error: {
      code: body.code,
      message: body.message,
      remedy: body.remedy,
      key: body.key,
      params: body.params,
    },
  };
}

/** A text field as a form holds it: empty means "not given", so an optional field is left out rather than blank. */
export function given(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}
