/**
 * Signed metadata sent gzipped to clients that accept it. A product role lists each release with its custom metadata
 * (notes, lifecycle, dates: about half a kilobyte an entry), so a customer's first refresh of a large catalog is
 * mostly repeated JSON keys that compress about tenfold. The signature covers the JSON, not the transfer: the client
 * verifies the bytes after its HTTP stack has inflated them, exactly as before.
 *
 * Every metadata file is immutable once stored (timestamp.json is replaced, never edited in place), so the
 * compressed form is made once per stored file and kept beside it while the file is cached.
 */
import { gzipSync } from 'node:zlib';
import type { StoredMetadata } from '../tuf/metadata-store.js';

/** Below this, the gzip header and a second ETag cost more than they save (timestamp.json is ~400 bytes). */
const SMALLEST_COMPRESSED = 1024;

const compressed = new WeakMap<StoredMetadata, Buffer>();

/** Whether an Accept-Encoding header takes gzip (`gzip`, `gzip;q=0.5`, `*`), and not with q=0. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let star: boolean | undefined;
  for (const part of value.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const refused = q !== undefined && Number(q.slice(2)) === 0;
    if (coding.trim() === 'gzip') return !refused;
    if (coding.trim() === '*') star = !refused;
  }
  return star === true;
}

/** The ETag of the gzipped form: another representation of the same file needs its own validator. */
export function gzipEtag(etag: string): string {
  return etag.replace(/"$/, '-gzip"');
}

/** The bytes to send and their ETag, gzipped when the file is worth it and the client takes it. */
export function encodedMetadata(
  file: StoredMetadata,
  acceptEncoding: string | string[] | undefined,
): { bytes: Buffer; etag: string; gzip: boolean } {
  if (file.bytes.length < SMALLEST_COMPRESSED || !acceptsGzip(acceptEncoding)) {
    return { bytes: file.bytes, etag: file.etag, gzip: false };
  }
  let bytes = compressed.get(file);
  if (bytes === undefined) {
    bytes = gzipSync(file.bytes, { level: 6 });
    compressed.set(file, bytes);
  }
  return { bytes, etag: gzipEtag(file.etag), gzip: true };
}
