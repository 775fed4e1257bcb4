/**
 * A package's bytes over HTTP, once the caller is authorized: GET and HEAD, one byte range for resuming, the
 * conditional headers a resuming client sends (If-Range, If-None-Match, If-Modified-Since), and a report of how many
 * bytes went out, for the download audit. The bytes are streamed — from a file on disk through a few reused blocks
 * (./file-body.ts), or from the blob store when the portal keeps packages in a shared one — never held in memory,
 * and their size must be the one the signed target names: a client must never get more or fewer bytes than it will
 * verify.
 */
import { type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HicareError } from '../../shared/errors.js';
import type { BlobStore } from '../storage/blob-store.js';
import { setCommonHeaders } from './common-headers.js';
import { sendError } from './endpoints.js';
import { writeFileRange } from './file-body.js';

/** A package's bytes: a file on this machine, or a blob in the configured store. */
export type PackageFile = PackageMeta & ({ path: string } | { blob: { store: BlobStore; key: string } });

/** A stored package as the route sends it: a local file takes the fast path, a remote blob is streamed from its store. */
export function packageFile(blobs: BlobStore, key: string, meta: PackageMeta): PackageFile {
  const path = blobs.localPath(key);
  return path === undefined ? { ...meta, blob: { store: blobs, key } } : { ...meta, path };
}

export interface PackageMeta {
  /** The length the signed target names; the stored file must have exactly this size. */
  length: number;
  /** Lowercase hex SHA-256 of the bytes: the strong ETag. */
  sha256: string;
  /** The name the browser or client saves the file as. */
  downloadName: string;
  contentType?: string;
}

export interface DeliveryOutcome {
  /** Package bytes handed to the connection (HEAD, 304 and errors: 0). */
  bytesSent: number;
  /** The response finished with a success status and every byte it promised went out. */
  complete: boolean;
  status: number;
}

/** The read size from a remote store: 1 MiB chunks keep syscalls and hashing on the client cheap (DESIGN.md §5). */
export const READ_CHUNK_BYTES = 1024 * 1024;

export type RangeAnswer =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Reads a `Range` header against a representation of `length` bytes (RFC 9110 §14). A header that does not parse is
 * ignored, as the RFC says. Several ranges are answered with the whole body, which the RFC allows: multipart
 * responses would cost code and buy nothing, since clients resume with a single range.
 */
export function parseRange(header: string | undefined, length: number): RangeAnswer {
  if (header === undefined) return { kind: 'full' };
  const set = /^bytes=(.*)$/i.exec(header.trim());
  if (set === null) return { kind: 'full' };
  // A list may hold empty elements, which recipients skip (RFC 9110 §5.6.1).
  const specs = (set[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const parsed = specs.map((spec) => /^(\d*)-(\d*)$/.exec(spec));
  if (parsed.length === 0 || parsed.some((m) => m === null || (m[1] === '' && m[2] === ''))) return { kind: 'full' };
  if (parsed.some((m) => m !== null && m[1] !== '' && m[2] !== '' && Number(m[2]) < Number(m[1])))
    return { kind: 'full' };
  if (parsed.length > 1) return { kind: 'full' };
  const [, first = '', last = ''] = parsed[0] ?? [];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || length === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, length - suffix), end: length - 1 };
  }
  const start = Number(first);
  if (start >= length) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: last === '' ? length - 1 : Math.min(Number(last), length - 1) };
}

/** If-None-Match: weak comparison over a list of entity tags, or `*` for any current representation. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => tag.replace(/^W\//, '') === opaque);
}

/** If-Range (RFC 9110 §13.1.5): a strong ETag match, or a date equal to Last-Modified; anything else sends it all. */
function ifRangeHolds(header: string | undefined, etag: string, lastModifiedMs: number | undefined): boolean {
  if (header === undefined) return true;
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === etag;
  const date = Date.parse(value);
  return Number.isFinite(date) && date === lastModifiedMs;
}

function modifiedSince(header: string | undefined, lastModifiedMs: number | undefined): boolean {
  if (header === undefined || lastModifiedMs === undefined) return true;
  const date = Date.parse(header);
  return !Number.isFinite(date) || lastModifiedMs > date;
}

/** RFC 6266: a quoted ASCII name every client understands, plus `filename*` when the real name needs more. */
export function contentDisposition(name: string): string {
  // `%` and separators go too: some clients percent-decode the plain form or take a path from it.
  const fallback = name.replace(/[^\x20-\x7e]|["\\%/]/g, '_');
  const plain = `attachment; filename="${fallback}"`;
  if (fallback === name) return plain;
  try {
    const encoded = encodeURIComponent(name).replace(
      /['()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    return `${plain}; filename*=UTF-8''${encoded}`;
  } catch {
    return plain; // a lone surrogate has no UTF-8 form
  }
}

export function packageEtag(sha256: string): string {
  return `"sha256-${sha256.toLowerCase()}"`;
}

/** The bytes, once found and checked against the promised length: what `sendPackage` streams from. */
interface OpenedPackage {
  /** When the bytes last changed, for Last-Modified and dated If-Range; undefined when the store does not say. */
  lastModifiedMs: number | undefined;
  /**
   * Where the body comes from: a file on this machine, written to the connection through reused blocks, or a
   * remote blob read as a stream of the bytes from `start` to `end` inclusive.
   */
  body: { file: FileHandle } | { read(start: number, end: number): Promise<Readable> };
  close(): Promise<void>;
}

function notOnPortal(file: PackageMeta): HicareError {
  return new HicareError('NOT_FOUND.packageBytes', { file: file.downloadName });
}

function damaged(file: PackageMeta, stored: number | null): HicareError {
  return new HicareError(
    'INTERNAL.packageDamaged',
    { file: file.downloadName },
    { expectedBytes: file.length, bytesOnDisk: stored },
  );
}

async function openPackage(file: PackageFile): Promise<OpenedPackage> {
  if ('blob' in file) return openStoredPackage(file, file.blob.store, file.blob.key);
  const { handle, stats } = await openPackageFile(file, file.path);
  return {
    lastModifiedMs: Math.floor(stats.mtimeMs / 1000) * 1000,
    body: { file: handle },
    close: () => handle.close(),
  };
}

/**
 * A package in a remote store. Its key is named by the content's hash and never rewritten, so no date is needed to
 * tell versions apart: the strong ETag does that, and a dated If-Range simply sends the whole file.
 */
async function openStoredPackage(file: PackageMeta, store: BlobStore, key: string): Promise<OpenedPackage> {
  const info = await store.head(key);
  if (info === undefined) throw notOnPortal(file);
  if (info.length !== file.length) throw damaged(file, info.length);
  return {
    lastModifiedMs: undefined,
    body: { read: (start, end) => store.openRead(key, { start, end }) },
    close: async () => undefined,
  };
}

async function openPackageFile(file: PackageMeta, path: string): Promise<{ handle: FileHandle; stats: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw notOnPortal(file);
    throw error;
  }
  try {
    // Stat the open file, not the path: a store replacing the file now cannot slip other bytes past the check.
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size !== file.length) throw damaged(file, stats.isFile() ? stats.size : null);
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Counts what flows to the response and fails the response if the file ended before its promised length. */
function byteCounter(expected: number, onBytes: (n: number) => void): Transform {
  let seen = 0;
  return new Transform({
    highWaterMark: READ_CHUNK_BYTES,
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      seen += chunk.length;
      onBytes(chunk.length);
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      done(seen === expected ? null : new Error(`the package file ended after ${seen} of ${expected} bytes`));
    },
  });
}

/**
 * The body of a local file, written by the portal itself: Fastify has run the route's checks and the headers are
 * set, so the reply is taken over (with the headers Fastify's send hooks would have added) and the bytes go from
 * the file to the socket through reused blocks.
 */
function sendFileBody(
  request: FastifyRequest,
  reply: FastifyReply,
  opened: OpenedPackage,
  file: FileHandle,
  start: number,
  end: number,
  onBytes: (n: number) => void,
): FastifyReply {
  const res = reply.raw;
  setCommonHeaders(reply);
  reply.hijack();
  res.writeHead(reply.statusCode, reply.getHeaders() as OutgoingHttpHeaders);
  writeFileRange(res, file, start, end, onBytes)
    .catch((error: unknown) => {
      // Headers are gone: cutting the connection is the only way to tell the client the body is not whole.
      request.log.error({ err: error }, 'package stream failed');
      res.destroy();
    })
    .finally(() => void opened.close().catch(() => undefined));
  return reply;
}

export async function sendPackage(
  request: FastifyRequest,
  reply: FastifyReply,
  file: PackageFile,
  onDone?: (outcome: DeliveryOutcome) => void,
): Promise<FastifyReply> {
  const res = reply.raw;
  let promised = 0;
  let handed = 0;
  let reported = false;
  const report = (): void => {
    if (reported || onDone === undefined) return;
    reported = true;
    const finished = res.writableFinished;
    // What Node still held when the connection died never reached the client.
    const bytesSent = finished ? handed : Math.max(0, handed - res.writableLength);
    try {
      onDone({
        bytesSent,
        complete: finished && reply.statusCode < 400 && bytesSent === promised,
        status: reply.statusCode,
      });
    } catch (error) {
      request.log.error({ err: error }, 'package delivery report failed');
    }
  };
  // 'close' comes once per response, after it finished or when the client went away: the one place to report...
  res.once('close', report);
  // ...unless the client left while the caller was still authorizing, before there was anyone to tell.
  if (res.destroyed) {
    report();
    return reply;
  }

  let opened: OpenedPackage;
  try {
    opened = await openPackage(file);
  } catch (error) {
    return sendError(reply, error);
  }
  if (res.destroyed) {
    await opened.close();
    return reply;
  }
  let streaming = false;
  let source: Readable | undefined;
  try {
    const etag = packageEtag(file.sha256);
    const { lastModifiedMs } = opened;
    const headers = request.headers;
    const notModified =
      headers['if-none-match'] !== undefined
        ? noneMatch(headers['if-none-match'], etag)
        : !modifiedSince(headers['if-modified-since'], lastModifiedMs);
    const ifRange = headers['if-range'];
    const range = ifRangeHolds(Array.isArray(ifRange) ? ifRange.join(', ') : ifRange, etag, lastModifiedMs)
      ? parseRange(headers.range, file.length)
      : { kind: 'full' as const };
    const start = range.kind === 'partial' ? range.start : 0;
    const end = range.kind === 'partial' ? range.end : file.length - 1;
    const wanted = request.method === 'HEAD' || notModified || range.kind === 'unsatisfiable' ? 0 : end - start + 1;
    // The bytes are asked for before a header is set: a store that fails now still gets a clean coded answer.
    const { body } = opened;
    if (wanted > 0 && 'read' in body) {
      try {
        source = await body.read(start, end);
      } catch (error) {
        return sendError(reply, error);
      }
    }

    reply.header('etag', etag);
    if (lastModifiedMs !== undefined) reply.header('last-modified', new Date(lastModifiedMs).toUTCString());
    reply.header('accept-ranges', 'bytes');
    // Authorized content: the client may keep it, a shared cache may not, and no proxy may recompress what is hashed.
    reply.header('cache-control', 'private, no-transform');

    if (notModified) return await reply.code(304).send();
    if (range.kind === 'unsatisfiable') {
      reply.header('content-range', `bytes */${file.length}`);
      return sendError(
        reply,
        new HicareError('RANGE_NOT_SATISFIABLE.packageRange', { file: file.downloadName, length: file.length }),
      );
    }
    promised = wanted;
    reply.code(range.kind === 'partial' ? 206 : 200);
    if (range.kind === 'partial') reply.header('content-range', `bytes ${start}-${end}/${file.length}`);
    reply.header('content-type', file.contentType ?? 'application/octet-stream');
    reply.header('content-disposition', contentDisposition(file.downloadName));
    reply.header('content-length', String(end - start + 1));

    if (request.method === 'HEAD') return await reply.send();
    if ('file' in body && wanted > 0) {
      streaming = true;
      return sendFileBody(request, reply, opened, body.file, start, end, (n) => (handed += n));
    }
    if (source === undefined) return await reply.send(Buffer.alloc(0));

    const counter = byteCounter(promised, (n) => (handed += n));
    streaming = true;
    // Fastify destroys `counter` when the client goes away; pipeline passes that on to the source, and the file is
    // closed once the pipeline has settled either way.
    pipeline(source, counter, (error) => {
      void opened.close().catch(() => undefined);
      if (
        error !== undefined &&
        error !== null &&
        (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE'
      ) {
        request.log.error({ err: error, package: file.downloadName }, 'package stream failed');
      }
    });
    return await reply.send(counter);
  } finally {
    if (!streaming) {
      source?.destroy();
      await opened.close();
    }
  }
}
