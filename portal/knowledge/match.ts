/**
 * Known issues for an installation failure (DESIGN.md §3.5): before offering a service request, the app shows the
 * articles whose error signatures match what the installer did. A signature matches only when every condition it
 * states holds, and the most specific match (exit code and log text, long text, this product, a confirmed version)
 * comes first, because the customer reads the first one and usually stops there.
 */
import semver from 'semver';
import type { KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import { parseVersion } from '../../shared/domain/release.js';
import { HicareError } from '../../shared/errors.js';
import { compareScored, type Scored } from './order.js';

export interface KnownIssueQuery {
  product: string;
  /** The version the failed installer was installing; articles restricted to other versions are left out. */
  version?: string;
  exitCode?: number;
  log?: string;
  /** At most this many articles (default 10, at most 50). */
  limit?: number;
}

type Signature = KnowledgeArticle['signatures'][number];

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

/**
 * An article's `versions` range. Prereleases inside the range count (a bug in 4.x is likely in 4.3.0-rc.1 too),
 * and a blank range is refused like everywhere else, because semver would read it as "every version".
 */
export function articleVersionRange(article: Pick<KnowledgeArticle, 'id' | 'versions'>): semver.Range | null {
  if (article.versions === null) return null;
  let range: semver.Range | null = null;
  if (typeof article.versions === 'string' && article.versions.trim().length > 0) {
    try {
      range = new semver.Range(article.versions, { loose: false, includePrerelease: true });
    } catch {
      range = null;
    }
  }
  if (range === null) {
    throw new HicareError(
      'INVALID_VERSION_RANGE.articleVersions',
      { articleId: article.id, range: String(article.versions) },
      { articleId: article.id, range: article.versions },
    );
  }
  return range;
}

function assertQuery(query: KnownIssueQuery): void {
  if (typeof query !== 'object' || query === null || typeof query.product !== 'string' || query.product.length === 0) {
    throw new HicareError('INVALID_INPUT.knownIssuesProduct');
  }
  if (query.version !== undefined) parseVersion(query.version);
  if (query.exitCode !== undefined && !Number.isSafeInteger(query.exitCode)) {
    throw new HicareError('INVALID_INPUT.knownIssuesExitCode', { exitCode: String(query.exitCode) });
  }
  if (query.log !== undefined && typeof query.log !== 'string') {
    throw new HicareError('INVALID_INPUT.knownIssuesLog');
  }
  if (query.limit !== undefined && (!Number.isSafeInteger(query.limit) || query.limit < 1)) {
    throw new HicareError('INVALID_INPUT.articleLimit', { limit: String(query.limit), maxLimit: MAX_LIMIT });
  }
}

/**
 * The specificity of a matching signature, or 0 when it does not match. A signature that states no condition never
 * matches: it would otherwise attach itself to every failure of every product.
 */
function signatureScore(sig: Signature, exitCode: number | undefined, logLower: string | undefined): number {
  const text = sig.logContains ?? '';
  const wantsCode = sig.exitCodes.length > 0;
  const wantsText = text.length > 0;
  if (!wantsCode && !wantsText) return 0;
  if (wantsCode && (exitCode === undefined || !sig.exitCodes.includes(exitCode))) return 0;
  if (wantsText && (logLower === undefined || !logLower.includes(text.toLowerCase()))) return 0;
  let score = 0;
  // a code shared by many failures says less than a listed single code, and much less than a line of the log
  if (wantsCode) score += 10 - Math.min(sig.exitCodes.length - 1, 5);
  if (wantsText) score += 20 + Math.min(text.length, 200) / 10;
  return score;
}

/** Known-issue articles whose signatures match the failure, best first. */
export function matchKnownIssues(articles: readonly KnowledgeArticle[], query: KnownIssueQuery): KnowledgeArticle[] {
  assertQuery(query);
  const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const version = query.version === undefined ? undefined : parseVersion(query.version);
  // lowered once: a log can be 200 KB and is tested against every signature
  const logLower = query.log?.toLowerCase();
  const ranked: Scored[] = [];
  for (const article of articles) {
    if (article.kind !== 'known-issue') continue;
    if (article.product !== null && article.product !== query.product) continue;
    const range = articleVersionRange(article);
    if (range !== null && version !== undefined && !range.test(version)) continue;
    let best = 0;
    for (const sig of article.signatures) best = Math.max(best, signatureScore(sig, query.exitCode, logLower));
    if (best === 0) continue;
    // an article written for this product and confirmed for this version beats a general one with the same signature
    if (article.product !== null) best += 5;
    if (range !== null && version !== undefined) best += 3;
    ranked.push({ article, score: best });
  }
  ranked.sort(compareScored);
  return ranked.slice(0, limit).map((r) => r.article);
}
