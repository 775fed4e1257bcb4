/**
 * The article editor's form and what it sends: fields as typed (text boxes hold strings), turned into the content the
 * portal checks. An empty product or version range means "every", and the one signature the form edits is left out
 * when both of its boxes are empty.
 */
import type { ArticleContent } from '../../../../../shared/contracts/admin/articles.js';
import type { ArticleState, KnowledgeArticle } from '../../../../../shared/contracts/knowledge.js';
import type { Tone } from '../../../lib/verdict-words.js';

export interface ArticleForm {
  kind: ArticleContent['kind'];
  product: string;
  versions: string;
  locale: ArticleContent['locale'];
  title: string;
  body: string;
  exitCodes: string;
  logContains: string;
  note: string;
}

export function formOf(article: KnowledgeArticle): ArticleForm {
  const first = article.signatures[0];
  return {
    kind: article.kind,
    product: article.product ?? '',
    versions: article.versions ?? '',
    locale: article.locale,
    title: article.title,
    body: article.body,
    exitCodes: first?.exitCodes.join(', ') ?? '',
    logContains: first?.logContains ?? '',
    note: '',
  };
}

export const EMPTY_FORM: ArticleForm = {
  kind: 'document',
  product: '',
  versions: '',
  locale: 'en',
  title: '',
  body: '',
  exitCodes: '',
  logContains: '',
  note: '',
};

/**
 * Exit codes as typed: `3, 4` → [3, 4]. Anything that is not a whole number is passed on as it is (NaN), so the
 * portal's schema names the mistake in its own coded words.
 */
export function exitCodesOf(typed: string): number[] {
  return typed
    .split(/[,\s]+/)
    .filter((part) => part !== '')
    .map((part) => (/^-?\d+$/.test(part) ? Number(part) : Number.NaN));
}

/**
 * The content to save. Signatures beyond the first (written from the command line) are kept as they are, since the
 * form shows only the first.
 */
export function contentOf(form: ArticleForm, kept: KnowledgeArticle['signatures'] = []): ArticleContent {
  const codes = exitCodesOf(form.exitCodes);
  const log = form.logContains.trim();
  const first =
    codes.length === 0 && log === '' ? [] : [{ exitCodes: codes, ...(log === '' ? {} : { logContains: log }) }];
  const note = form.note.trim();
  return {
    kind: form.kind,
    product: form.product.trim() === '' ? null : form.product.trim(),
    versions: form.versions.trim() === '' ? null : form.versions.trim(),
    locale: form.locale,
    title: form.title.trim(),
    body: form.body,
    signatures: [...first, ...kept.slice(1)],
    ...(note === '' ? {} : { note }),
  };
}

export function stateTone(state: ArticleState): Tone | 'neutral' {
  return state === 'published' ? 'ok' : state === 'withdrawn' ? 'blocked' : 'neutral';
}
