import { describe, expect, it } from 'vitest';
import type { KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import {
  contentOf,
  EMPTY_FORM,
  exitCodesOf,
  formOf,
  stateTone,
} from '../../../renderer/src/screens/console/articles/article-form.js';
import { signaturesWords } from '../../../shared/domain/article-words.js';
import { translator } from '../../../shared/i18n/translator.js';

const ARTICLE: KnowledgeArticle = {
  id: 'disk-full',
  kind: 'known-issue',
  product: 'beacon',
  versions: '^2',
  locale: 'en',
  title: 'Disk full',
  body: '# Disk full\n',
  signatures: [{ exitCodes: [3, 4], logContains: 'No space' }, { exitCodes: [28] }],
  updatedAt: '2026-11-24T10:00:00.000Z',
};

describe('the article editor', () => {
  it.each([
    ['', []],
    ['3', [3]],
    ['3, 4', [3, 4]],
    ['3 4,,5', [3, 4, 5]],
    ['-1', [-1]],
    ['three', [Number.NaN]],
    ['3.5', [Number.NaN]],
  ])('reads exit codes %j as %j', (typed, expected) => {
    expect(exitCodesOf(typed)).toEqual(expected);
  });

  it('round-trips an article through the form, keeping signatures the form does not show', () => {
    const { id: _id, updatedAt: _at, ...content } = ARTICLE;
    expect(contentOf(formOf(ARTICLE), ARTICLE.signatures)).toEqual(content);
  });

  it.each([
    [{}, { product: null, versions: null, signatures: [] }],
    [
      { product: '  atlas ', versions: ' ^2 ' },
      { product: 'atlas', versions: '^2' },
    ],
    [{ logContains: 'denied' }, { signatures: [{ exitCodes: [], logContains: 'denied' }] }],
    [{ exitCodes: '7' }, { signatures: [{ exitCodes: [7] }] }],
    [{ note: '  ' }, {}],
    [{ note: ' Typo ' }, { note: 'Typo' }],
  ] as const)('sends %j as %j', (typed, expected) => {
    const sent = contentOf({ ...EMPTY_FORM, title: 'T', ...typed });
    expect(sent).toMatchObject(expected);
    if (!('note' in expected)) expect(sent).not.toHaveProperty('note');
  });

  it.each([
    ['draft', 'neutral'],
    ['published', 'ok'],
    ['withdrawn', 'blocked'],
  ] as const)('shows a %s article in tone %s', (state, tone) => {
    expect(stateTone(state)).toBe(tone);
  });
});

describe('signatures in words', () => {
  it.each([
    ['en', [], 'none'],
    ['en', [{ exitCodes: [] }], 'any exit code'],
    ['en', ARTICLE.signatures, 'exit code 3, 4; the log contains “No space” | exit code 28'],
    ['zh-CN', ARTICLE.signatures, '退出码 3, 4；日志包含“No space” | 退出码 28'],
    ['zh-CN', [], '无'],
  ] as const)('%s %j → %s', (locale, signatures, expected) => {
    expect(signaturesWords(signatures as KnowledgeArticle['signatures'], translator(locale))).toBe(expected);
  });
});
