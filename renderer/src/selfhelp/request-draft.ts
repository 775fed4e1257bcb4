/**
 * A question self-help could not answer, turned into a P4 request: the question is the description's first line
 * (the request's subject), followed by what self-help showed, so the engineer does not send the same articles back.
 * The draft is kept in this window's session storage under a key the request form's address carries.
 */
import type { Translate } from '../../../shared/i18n/translator.js';

export interface ShownSource {
  title: string;
  /** The app address it was shown at (`#/selfhelp/article/…`). */
  href: string;
}

export interface QuestionDraft {
  question: string;
  shown: readonly ShownSource[];
}

/** The subject: the question's first line, short enough to read in a list. */
export function draftSubject(question: string, max = 120): string {
  const first = question.trim().split(/\r?\n/)[0]?.trim() ?? '';
  return [...first].length <= max ? first : `${[...first].slice(0, max - 1).join('')}…`;
}

export function draftDescription(draft: QuestionDraft, t: Translate): string {
  const lines = [draftSubject(draft.question), '', t('app.selfhelp.draft.question'), draft.question.trim(), ''];
  if (draft.shown.length === 0) lines.push(t('app.selfhelp.draft.nothingShown'));
  else {
    lines.push(t('app.selfhelp.draft.shown'));
    for (const s of draft.shown) lines.push(`- ${s.title} (${s.href})`);
  }
  return lines.join('\n');
}

const PREFIX = 'hicare.selfhelp.draft.';

export function keepDraft(draft: QuestionDraft, storage: Pick<Storage, 'setItem'> = sessionStorage): string {
  const key = crypto.randomUUID();
  storage.setItem(PREFIX + key, JSON.stringify(draft));
  return key;
}

/** The kept draft, or null when this window has none under the key (another window's address, a cleared session). */
export function keptDraft(key: string, storage: Pick<Storage, 'getItem'> = sessionStorage): QuestionDraft | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(PREFIX + key) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { question, shown } = value as Partial<QuestionDraft>;
    if (typeof question !== 'string' || !Array.isArray(shown)) return null;
    const valid = shown.filter(
      (s): s is ShownSource => typeof s?.title === 'string' && typeof s.href === 'string' && s.href.startsWith('#/'),
    );
    return { question, shown: valid };
  } catch {
    return null;
  }
}
