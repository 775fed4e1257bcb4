/**
 * What may happen to a knowledge article (DESIGN.md §3.5): a save must start from the newest revision, any revision
 * may be published (a withdrawn article published again is restored), and only a published article can be
 * withdrawn. The console, the API and the portal's commands all ask these rules, so each refusal reads the same.
 */
import type { ArticleState } from '../contracts/knowledge.js';
import { HicareError } from '../errors.js';

export interface ArticleStanding {
  id: string;
  state: ArticleState;
  /** The newest revision. */
  revision: number;
  publishedRevision: number | null;
}

/** A save over a revision other than the newest would silently undo someone else's; it is refused instead. */
export function assertSaveBase(article: ArticleStanding, baseRevision: number): void {
  if (baseRevision !== article.revision) {
    throw new HicareError(
      'ILLEGAL_TRANSITION.articleStaleRevision',
      { id: article.id, base: baseRevision, latest: article.revision },
      { article: article.id, baseRevision, revision: article.revision },
    );
  }
}

/** The revision publishing makes visible: the one named, else the newest. */
export function revisionToPublish(article: ArticleStanding, named: number | undefined): number {
  const revision = named ?? article.revision;
  if (!Number.isInteger(revision) || revision < 1 || revision > article.revision) {
    throw new HicareError(
      'NOT_FOUND.articleRevision',
      { id: article.id, revision: String(revision) },
      { article: article.id, revision },
    );
  }
  if (article.state === 'published' && article.publishedRevision === revision) {
    throw new HicareError(
      'ILLEGAL_TRANSITION.articleAlreadyPublished',
      { id: article.id, revision },
      { article: article.id, revision },
    );
  }
  return revision;
}

export function assertWithdrawable(article: ArticleStanding): void {
  if (article.state !== 'published') {
    throw new HicareError(
      'ILLEGAL_TRANSITION.articleNotPublished',
      { id: article.id, state: article.state },
      { article: article.id, state: article.state },
    );
  }
}
