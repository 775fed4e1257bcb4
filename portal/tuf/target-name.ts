/**
 * Target names become paths twice: on the portal's disk (`targets/<dir>/<sha256>.<file>`) and in the URL a client
 * fetches. An allow-list per segment keeps both safe — no traversal, no absolute paths, nothing a URL parser or a
 * Windows file system would reinterpret — and the length limits keep the derived file names under 255 bytes.
 */
import type { Catalog } from '../../shared/i18n/catalogs/en/index.js';
import { HicareError, type ErrorKey } from '../../shared/errors.js';

const MAX_NAME = 200;
const MAX_BASENAME = 180; // + 64 hex + '.' stays under the 255-byte file-name limit
const MAX_CACHE_NAME = 255; // tuf-js's default local copy is encodeURIComponent(name) as one file name
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** Why a name is refused: the catalog's variant of INVALID_TARGET_NAME that says so, and what it names. */
interface Problem {
  reason: Exclude<keyof Catalog['errors']['INVALID_TARGET_NAME'], 'message' | 'remedy'>;
  params?: Record<string, string | number>;
}

function problem(name: string): Problem | undefined {
  if (name.length === 0) return { reason: 'tufEmpty' };
  if (name.length > MAX_NAME) return { reason: 'tufTooLong', params: { max: MAX_NAME } };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { reason: 'tufControl' };
  if (name.includes('\\')) return { reason: 'tufBackslash' };
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { reason: 'tufAbsolute' };
  const segments = name.split('/');
  for (const segment of segments) {
    if (segment === '') return { reason: 'tufEmptySegment' };
    if (segment === '.' || segment === '..') return { reason: 'tufDotSegment', params: { segment } };
    if (!SEGMENT.test(segment)) return { reason: 'tufBadSegment', params: { segment } };
  }
  if ((segments.at(-1) ?? '').length > MAX_BASENAME)
    return { reason: 'tufLongFileName', params: { max: MAX_BASENAME } };
  if (encodeURIComponent(name).length > MAX_CACHE_NAME) return { reason: 'tufTooManySegments' };
  return undefined;
}

/** Throws INVALID_TARGET_NAME unless `name` is a safe relative path such as `product/1.2.0/linux-x64/product.tar.gz`. */
export function assertTargetName(name: unknown): asserts name is string {
  const found: Problem | undefined = typeof name === 'string' ? problem(name) : { reason: 'tufNotText' };

  if (found !== undefined) {
    const shown = JSON.stringify(typeof name === 'string' ? name.slice(0, 100) : name) ?? String(name);
    throw new HicareError(
      `INVALID_TARGET_NAME.${found.reason}` satisfies ErrorKey,
      { name: shown, ...found.params },
      { reason: found.reason },
    );
  }
}

/**
 * Where a target's bytes live under `targets/` with consistent snapshots: the file name prefixed with its SHA-256, in
 * the target's own directory — exactly the URL tuf-js builds (`<dir>/<hash>.<basename>`).
 */
export function hashedTargetPath(name: string, sha256: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? `${sha256}.${name}` : `${name.slice(0, slash)}/${sha256}.${name.slice(slash + 1)}`;
}
