import { describe, expect, it } from 'vitest';
import {
  assertSaveBase,
  assertWithdrawable,
  revisionToPublish,
  type ArticleStanding,
} from '../../../shared/domain/article-publishing.js';
import { HicareError } from '../../../shared/errors.js';

function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof HicareError) return error.key ?? error.code;
    throw error;
  }
}

const draft: ArticleStanding = { id: 'a', state: 'draft', revision: 3, publishedRevision: null };
const published: ArticleStanding = { id: 'a', state: 'published', revision: 3, publishedRevision: 2 };
const withdrawn: ArticleStanding = { id: 'a', state: 'withdrawn', revision: 3, publishedRevision: 3 };

describe('saving a revision', () => {
  it.each([
    [3, null],
    [2, 'ILLEGAL_TRANSITION.articleStaleRevision'],
    [4, 'ILLEGAL_TRANSITION.articleStaleRevision'],
    [1, 'ILLEGAL_TRANSITION.articleStaleRevision'],
  ])('from revision %s of 3 → %s', (base, expected) => {
    expect(refusal(() => assertSaveBase(published, base))).toBe(expected);
  });
});

describe('publishing', () => {
  it.each([
    [draft, undefined, 3],
    [draft, 1, 1],
    [published, undefined, 3],
    [published, 1, 1],
    [withdrawn, undefined, 3],
    [withdrawn, 2, 2],
  ] as const)('%o revision %s publishes %s', (standing, named, expected) => {
    expect(revisionToPublish(standing, named)).toBe(expected);
  });

  it.each([
    [published, 2, 'ILLEGAL_TRANSITION.articleAlreadyPublished'],
    [{ ...published, publishedRevision: 3 }, undefined, 'ILLEGAL_TRANSITION.articleAlreadyPublished'],
    [draft, 4, 'NOT_FOUND.articleRevision'],
    [draft, 0, 'NOT_FOUND.articleRevision'],
    [withdrawn, 9, 'NOT_FOUND.articleRevision'],
  ] as const)('%o revision %s → %s', (standing, named, expected) => {
    expect(refusal(() => revisionToPublish(standing, named))).toBe(expected);
  });
});

describe('withdrawing', () => {
  it.each([
    [published, null],
    [draft, 'ILLEGAL_TRANSITION.articleNotPublished'],
    [withdrawn, 'ILLEGAL_TRANSITION.articleNotPublished'],
  ] as const)('%o → %s', (standing, expected) => {
    expect(refusal(() => assertWithdrawable(standing))).toBe(expected);
  });
});
