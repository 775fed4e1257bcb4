/**
 * `GET|HEAD /tuf/<file>`: the signed catalog's metadata, public to anyone, as written by portal/tuf/. Only the four
 * roles' metadata files are served: dotfiles (the publish lock, temporary files) and everything under `targets/` stay
 * hidden, since package bytes are for authorized callers only and go through the package route.
 */
import { type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HicareError } from '../../shared/errors.js';
import { sendError } from './endpoints.js';
import { noneMatch, READ_CHUNK_BYTES } from './file-response.js';

export const TUF_METADATA_NAME = /^(?:[1-9][0-9]{0,9}\.)?(root|timestamp|snapshot|targets)\.json$/;

/** Files up to this size are read whole; targets metadata can weigh tens of megabytes and is streamed. */
export const WHOLE_READ_LIMIT_BYTES = READ_CHUNK_BYTES;

/**
 * Versioned files never change under consistent snapshots, so any cache may keep them. The unversioned entry points
 * (`timestamp.json`, `root.json`) change in place and must be revalidated on every use.
 */
export function tufCacheControl(name: string): string {
  return /^\d/.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function notFound(name: string): HicareError {
  const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return new HicareError('NOT_FOUND', `The signed catalog has no metadata file named "${shown}".`, 'Ask for root.json, timestamp.json, or a file the signed metadata names.');
}

/**
 * ETags from the bytes, so that every portal instance behind a load balancer names a file the same way. Hashing is
 * paid once per file version: the key changes whenever a publish renames a new file into place.
 */
class EtagCache {
  private readonly entries = new Map<string, string>();
  constructor(private readonly limit = 256) {}

  get(key: string): string | undefined {
    return this.entries.get(key);
  }

  set(key: string, etag: string): void {
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, etag);
  }
}

function identityOf(path: string, stats: Stats): string {
  return `${path}\0${stats.ino}\0${stats.size}\0${stats.mtimeMs}\0${stats.ctimeMs}`;
}

function etagOf(hash: Buffer): string {
  return `"sha256-${hash.toString('hex')}"`;
}

async function hashFile(handle: FileHandle, size: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of handle.createReadStream({ start: 0, end: Math.max(0, size - 1), highWaterMark: READ_CHUNK_BYTES, autoClose: false })) {
    hash.update(chunk as Buffer);
  }
  return etagOf(hash.digest());
}

async function serveMetadata(request: FastifyRequest, reply: FastifyReply, repoDir: string, name: string, etags: EtagCache): Promise<FastifyReply> {
  if (!TUF_METADATA_NAME.test(name)) return sendError(reply, notFound(name));
  const path = join(repoDir, name);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return sendError(reply, notFound(name));
    throw error;
  }
  let streaming = false;
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return sendError(reply, notFound(name));
    const small = stats.size <= WHOLE_READ_LIMIT_BYTES;
    const body = small ? await handle.readFile() : undefined;
    const key = identityOf(path, stats);
    let etag = etags.get(key);
    if (etag === undefined) {
      etag = body !== undefined ? etagOf(createHash('sha256').update(body).digest()) : await hashFile(handle, stats.size);
      etags.set(key, etag);
    }

    reply.header('etag', etag);
    reply.header('cache-control', tufCacheControl(name));
    if (noneMatch(request.headers['if-none-match'], etag)) return await reply.code(304).send();

    reply.type('application/json');
    reply.header('content-length', String(stats.size));
    if (request.method === 'HEAD' || stats.size === 0) return await reply.send(request.method === 'HEAD' ? undefined : Buffer.alloc(0));
    if (body !== undefined) return await reply.send(body);
    // The bound keeps the promised Content-Length true even if the file were appended to (publishing never does).
    const stream = handle.createReadStream({ start: 0, end: stats.size - 1, highWaterMark: READ_CHUNK_BYTES });
    streaming = true;
    return await reply.send(stream);
  } finally {
    if (!streaming) await handle.close();
  }
}

export function registerTufRoute(app: FastifyInstance, options: { repoDir: string }): void {
  const repoDir = resolve(options.repoDir);
  const etags = new EtagCache();
  app.route({
    method: ['GET', 'HEAD'],
    url: '/tuf/*',
    handler: async (request, reply) => {
      const name = (request.params as { '*'?: string })['*'] ?? '';
      try {
        return await serveMetadata(request, reply, repoDir, name, etags);
      } catch (error) {
        request.log.error({ err: error, name }, 'TUF metadata unavailable');
        return sendError(reply, error);
      }
    },
  });
}
