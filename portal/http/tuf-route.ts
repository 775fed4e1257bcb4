/**
 * `GET|HEAD /tuf/<file>`: the signed catalog's metadata, public to anyone, from the MetadataStore (a folder, or the
 * database shared by every instance). Only the roles' metadata files and hash bins are served: the publish lock,
 * temporary files and package bytes never are, since package bytes are for authorized callers only and go through
 * the package route. The files are served from memory (./metadata-cache.ts says how long each is kept).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { portalRawRoutes, type PortalRawRoutes } from '../../shared/contracts/portal-raw-routes.js';
import { HicareError } from '../../shared/errors.js';
import { METADATA_NAME, type MetadataStore } from '../tuf/metadata-store.js';
import { sendError, type Authenticate } from './endpoints.js';
import { noneMatch } from './file-response.js';
import { MetadataCache } from './metadata-cache.js';
import { encodedMetadata, gzipEtag } from './metadata-encoding.js';
import { registerRawRoute, restOf, type RawHandler } from './raw-route.js';

export const TUF_METADATA_NAME = METADATA_NAME;

/**
 * Versioned files never change under consistent snapshots, so any cache may keep them. `timestamp.json` changes in
 * place: 60 s lets a CDN answer most of an install base's hourly checks itself, while a client still sees a new
 * publish within a minute. `root.json` is asked for rarely and names the keys, so it is always revalidated.
 */
export function tufCacheControl(name: string): string {
  if (/^\d/.test(name)) return 'public, max-age=31536000, immutable';
  return name === 'timestamp.json' ? 'public, max-age=60' : 'no-cache';
}

/**
 * A client looks for root N+1 after every refresh; until a rotation it does not exist. That answer is the same for
 * everyone and changes only at a rotation, so a cache may keep it for a minute too.
 */
const NEXT_ROOT_MISS_CACHE = 'public, max-age=60';

function notFound(name: string): HicareError {
  const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return new HicareError('NOT_FOUND.metadataFile', { name: shown });
}

async function serveMetadata(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: MetadataCache,
  name: string,
): Promise<FastifyReply> {
  if (!METADATA_NAME.test(name)) return sendError(reply, notFound(name));
  const lookup = await cache.get(name);
  const file = lookup.file;
  if (file === undefined) {
    if ('nextRoot' in lookup && lookup.nextRoot) reply.header('cache-control', NEXT_ROOT_MISS_CACHE);
    return sendError(reply, notFound(name));
  }
  const sent = encodedMetadata(file, request.headers['accept-encoding']);
  reply.header('etag', sent.etag);
  reply.header('cache-control', tufCacheControl(name));
  reply.header('vary', 'accept-encoding');
  // Either form's ETag names the same file: a client that revalidates with the other one still gets its 304.
  const held = request.headers['if-none-match'];
  if (noneMatch(held, file.etag) || noneMatch(held, gzipEtag(file.etag))) return reply.code(304).send();
  reply.type('application/json');
  if (sent.gzip) reply.header('content-encoding', 'gzip');
  reply.header('content-length', String(sent.bytes.length));
  return reply.send(request.method === 'HEAD' ? undefined : sent.bytes);
}

/** The metadata route's handler: public, so it needs no caller. */
export function tufHandler(options: { metadata: MetadataStore }): RawHandler<PortalRawRoutes['tufMetadata']> {
  const cache = new MetadataCache(options.metadata);
  return async ({ request, reply }) => serveMetadata(request, reply, cache, restOf(request));
}

/** The metadata route alone, as a portal serving only the signed catalog (a mirror, the file tests) registers it. */
export function registerTufRoute(app: FastifyInstance, options: { metadata: MetadataStore }): void {
  registerRawRoute(app, portalRawRoutes.tufMetadata, rejectAll, tufHandler(options));
}

/** Public routes never ask; a route that did would be refused rather than let through. */
const rejectAll: Authenticate = () => Promise.reject(new HicareError('UNAUTHENTICATED.noTokenTaken'));
