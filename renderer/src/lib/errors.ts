/**
 * Turns whatever a call threw into what the user is shown: the code, what happened, the one thing to do. An error
 * that came with its catalog key keeps it, so it is written again in the language chosen when it is shown.
 */
import type { MessageParams } from '../../../shared/i18n/messages.js';
import { localizeProblem } from '../../../shared/i18n/problem.js';
import { translator } from '../../../shared/i18n/translator.js';
import type { DisplayLocale } from '../../../shared/i18n/locales.js';
import { currentLocale } from '../i18n/index.js';

export interface ShownError {
  code?: string;
  message: string;
  remedy?: string;
  key?: string | undefined;
  params?: MessageParams | undefined;
}

function isParams(value: unknown): value is MessageParams {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

export function toShownError(error: unknown): ShownError {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    const e = error as { code?: unknown; message: string; remedy?: unknown; key?: unknown; params?: unknown };
    return {
      message: e.message,
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      ...(typeof e.remedy === 'string' && e.remedy !== '' ? { remedy: e.remedy } : {}),
      ...(typeof e.key === 'string' ? { key: e.key } : {}),
      ...(typeof e.key === 'string' && isParams(e.params) ? { params: e.params } : {}),
    };
  }
  const t = translator(currentLocale());
  return { message: t('app.shell.error.fallbackMessage'), remedy: t('app.shell.error.fallbackRemedy') };
}

/** The error's text in `locale`: rendered from its key when the catalog has it, else as it came. */
export function shownText(locale: DisplayLocale, error: ShownError): { message: string; remedy: string | undefined } {
  const { message, remedy } = localizeProblem(locale, {
    code: error.code ?? '',
    message: error.message,
    remedy: error.remedy ?? '',
    key: error.key,
    params: error.params,
  });
  return { message, remedy: remedy === '' ? undefined : remedy };
}
