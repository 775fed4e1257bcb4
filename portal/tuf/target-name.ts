/**
 * Target names become paths twice: on the portal's disk (`targets/<dir>/<sha256>.<file>`) and in the URL a client
 * fetches. An allow-list per segment keeps both safe — no traversal, no absolute paths, nothing a URL parser or a
 * Windows file system would reinterpret — and the length limits keep the derived file names under 255 bytes.
 */
import { HicareError } from '../../shared/errors.js';

const MAX_NAME = 200;
const MAX_BASENAME = 180; // + 64 hex + '.' stays under the 255-byte file-name limit
const MAX_CACHE_NAME = 255; // tuf-js's default local copy is encodeURIComponent(name) as one file name
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

function problem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > MAX_NAME) return `it is longer than ${MAX_NAME} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it contains a NUL or control character';
  if (name.includes('\\')) return 'it contains a backslash (use "/" between segments)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'it is an absolute path';
  const segments = name.split('/');
  for (const segment of segments) {
    if (segment === '') return 'it has an empty segment ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
    if (!SEGMENT.test(segment))
      return `segment "${segment}" must start with a letter or digit and use only letters, digits and . _ + -`;
  }
  if ((segments.at(-1) ?? '').length > MAX_BASENAME) return `the file name is longer than ${MAX_BASENAME} characters`;
  if (encodeURIComponent(name).length > MAX_CACHE_NAME) return 'it has too many segments for a client-side file name';
  return undefined;
}

/** Throws INVALID_TARGET_NAME unless `name` is a safe relative path such as `product/1.2.0/linux-x64/product.tar.gz`. */
export function assertTargetName(name: unknown): asserts name is string {
  const reason = typeof name === 'string' ? problem(name) : 'it is not a string';
  if (reason !== undefined) {
    throw new HicareError(
      'INVALID_TARGET_NAME',
      `${JSON.stringify(typeof name === 'string' ? name.slice(0, 100) : name) ?? String(name)} is not a valid target name: ${reason}.`,
      'Use a relative path like product/1.2.0/linux-x64/product-1.2.0.tar.gz.',
      { reason },
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
