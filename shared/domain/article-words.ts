/** An article's kind, state and error signatures in words, for the console and the portal's commands alike. */
import type { ArticleKind, ArticleState, KnowledgeArticle } from '../contracts/knowledge.js';
import type { Translate } from '../i18n/translator.js';

const KIND_WORDS = {
  document: 'admin.articles.kinds.document',
  'configuration-guide': 'admin.articles.kinds.configurationGuide',
  'maintenance-case': 'admin.articles.kinds.maintenanceCase',
  'known-issue': 'admin.articles.kinds.knownIssue',
} as const satisfies Record<ArticleKind, string>;

export function articleKindWords(kind: ArticleKind, t: Translate): string {
  return t(KIND_WORDS[kind]);
}

export function articleStateWords(state: ArticleState, t: Translate): string {
  return t(`admin.articles.states.${state}`);
}

/** "exit code 3, 4; the log contains “disk full”" — one line per signature, or "none". */
export function signaturesWords(signatures: KnowledgeArticle['signatures'], t: Translate): string {
  if (signatures.length === 0) return t('admin.articles.none');
  return signatures
    .map((s) => {
      const codes =
        s.exitCodes.length === 0
          ? t('admin.articles.signatureAnyCode')
          : t('admin.articles.signatureCodes', { codes: s.exitCodes.join(', ') });
      const log =
        s.logContains === undefined || s.logContains === ''
          ? []
          : [t('admin.articles.signatureLog', { text: s.logContains })];
      return [codes, ...log].join(t('admin.articles.signatureSeparator'));
    })
    .join(' | ');
}
