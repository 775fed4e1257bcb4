/**
 * A coded problem (an error body, a verdict reason, a refused request) in the reader's language. The portal and
 * the client core already write text in the language they were asked for; a problem that carries its catalog key
 * is written again here, so the app shows it in the language chosen now, not the one chosen when it arrived.
 */
import type { DisplayLocale } from './locales.js';
import { hasMessage, translator, type CatalogKey } from './translator.js';

export interface Problem {
  code: string;
  message: string;
  remedy: string;
  key?: string | undefined;
  params?: Readonly<Record<string, string | number>> | undefined;
}

export function localizeProblem(locale: DisplayLocale, problem: Problem): { message: string; remedy: string } {
  const key = problem.key;
  if (key === undefined || !hasMessage(locale, `errors.${key}.message`)) {
    return { message: problem.message, remedy: problem.remedy };
  }
  const t = translator(locale);
  const text = (part: 'message' | 'remedy'): string => t(`errors.${key}.${part}` as CatalogKey, problem.params);
  return { message: text('message'), remedy: text('remedy') };
}
