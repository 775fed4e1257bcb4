/**
 * What is wrong with a typed field of a request form, as one whole sentence per field: empty when it must be filled,
 * or longer than the contract allows (counted as the host counts it: after trimming, unless sent as typed).
 */
import type { Translate } from '../../../../shared/i18n/translator.js';

export type TypedField =
  | 'location'
  | 'faultDescription'
  | 'measurements'
  | 'message'
  | 'address'
  | 'account'
  | 'comment'
  | 'solution'
  | 'reason';

export function fieldProblem(
  t: Translate,
  field: TypedField,
  value: string,
  rule: { max: number; required?: boolean; trimmed?: boolean },
): string | undefined {
  const sent = rule.trimmed === false ? value : value.trim();
  if (value.trim() === '') return rule.required === true ? t(`app.requests.field.${field}.empty`) : undefined;
  if (sent.length > rule.max) return t(`app.requests.field.${field}.tooLong`, { max: rule.max, length: sent.length });
  return undefined;
}

/** Two or more whole sentences side by side: a space between them in English, none in Chinese. */
export function sentences(locale: string, parts: readonly string[]): string {
  return parts.join(locale === 'zh-CN' ? '' : ' ');
}
