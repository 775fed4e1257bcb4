/**
 * The site mirror: a read-only HTTP server over bundle files, standing in for the portal at a site without internet.
 * For the newest bundle it serves the TUF metadata at `/tuf/<file>` and the packages at `/packages/<target name>`
 * (with Range, so downloads resume); every bundle's members at `/bundles/<n>/<member>`; and `/mirror.json`, what it
 * serves. Names are only ever looked up in the bundles' own indexes, never joined onto a path, so no request can
 * reach a file outside them. The mirror checks nothing about trust: each desktop verifies what it is served.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { HicareError } from '../../../shared/errors.js';
import { MANIFEST_NAME, isSafeMemberName, memberKind } from './bundle-layout.js';
import type { OpenedBundle } from './bundle-members.js';
import { openBundleFile } from './bundle-reader.js';

export interface MirrorBundleInfo {
  index: number;
  file: string;
  createdAt: string;
  portal: string;
  serials: string[];
  targets: string[];
  issuedAt: string | null;
  validUntil: string | null;
}

export interface MirrorIndex {
  format: 'hicare-mirror';
  /** The bundle served at /tuf and /packages: the newest. */
  current: number;
  bundles: MirrorBundleInfo[];
}

export interface RunningMirror {
  url: string;
  index: MirrorIndex;
  close(): Promise<void>;
}

function describe(bundle: OpenedBundle, index: number): MirrorBundleInfo {
  let signed: { serials?: string[]; issuedAt?: string; validUntil?: string } = {};
  try {
    signed = (JSON.parse(bundle.statement.toString('utf8')) as { signed?: typeof signed }).signed ?? {};
  } catch {
    // An unreadable statement is the verifier's to refuse; the index just says nothing about it.
  }
  return {
    index,
    file: bundle.origin,
    createdAt: bundle.createdAt,
    portal: bundle.manifest.portal,
    serials: Array.isArray(signed.serials) ? signed.serials : [],
    targets: [...bundle.packages],
    issuedAt: signed.issuedAt ?? null,
    validUntil: signed.validUntil ?? null,
  };
}

function sendError(res: ServerResponse, status: number, error: HicareError, head: boolean): void {
  const body = JSON.stringify(error.toBody('en'));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(head ? undefined : body);
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` of a file of `length`; null when unsatisfiable, undefined when absent. */
export function parseRange(
  header: string | undefined,
  length: number,
): { start: number; end: number } | null | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || length === 0) return null;
    return { start: Math.max(0, length - suffix), end: length - 1 };
  }
  const start = Number(from);
  const end = to === '' ? length - 1 : Math.min(Number(to), length - 1);
  if (start >= length || end < start) return null;
  return { start, end };
}

export async function serveMirror(
  files: readonly string[],
  options: { host?: string; port?: number } = {},
): Promise<RunningMirror> {
  if (files.length === 0) throw new HicareError('INVALID_INPUT.mirrorNoBundles');
  const bundles: OpenedBundle[] = [];
  for (const file of files) bundles.push(await openBundleFile(file));
  const infos = bundles.map((b, i) => describe(b, i));
  const current = infos.reduce((newest, b) => (b.createdAt > (infos[newest]?.createdAt ?? '') ? b.index : newest), 0);
  const index: MirrorIndex = { format: 'hicare-mirror', current, bundles: infos };
  const indexBody = `${JSON.stringify(index, null, 2)}\n`;

  const serveMember = async (
    req: IncomingMessage,
    res: ServerResponse,
    bundle: OpenedBundle,
    member: string,
  ): Promise<void> => {
    const head = req.method === 'HEAD';
    const entry = bundle.manifest.members.find((m) => m.name === member);
    let bytes: Buffer | undefined;
    if (member === MANIFEST_NAME) bytes = Buffer.from(`${JSON.stringify(bundle.manifest, null, 2)}\n`);
    else if (entry === undefined) return sendError(res, 404, new HicareError('NOT_FOUND.mirrorPath'), head);
    const kind = memberKind(member);
    if (kind === 'metadata') bytes = bundle.metadata.get(member.slice('metadata/'.length));
    if (kind === 'statement') bytes = bundle.statement;
    const length = bytes?.length ?? entry?.length ?? 0;
    const type = kind === 'package' ? 'application/octet-stream' : 'application/json; charset=utf-8';
    const etag = entry === undefined ? undefined : `"${entry.sha256}"`;
    const range = kind === 'package' ? parseRange(req.headers.range, length) : undefined;
    if (range === null) {
      res.setHeader('content-range', `bytes */${length}`);
      return sendError(res, 416, new HicareError('RANGE_NOT_SATISFIABLE.mirrorRange'), head);
    }
    const ifRange = req.headers['if-range'];
    const partial = range !== undefined && (ifRange === undefined || ifRange === etag);
    const start = partial ? range.start : 0;
    const end = partial ? range.end : length - 1;
    res.writeHead(partial ? 206 : 200, {
      'content-type': type,
      'content-length': Math.max(0, end - start + 1),
      'accept-ranges': kind === 'package' ? 'bytes' : 'none',
      'cache-control': 'no-cache',
      ...(etag === undefined ? {} : { etag }),
      ...(partial ? { 'content-range': `bytes ${start}-${end}/${length}` } : {}),
    });
    if (head) return void res.end();
    if (bytes !== undefined) return void res.end(bytes);
    if (length === 0) return void res.end();
    const stream = await bundle.openPackage(member.slice('packages/'.length));
    // Skip to the range inside the member's stream; its offsets in the archive are the reader's business.
    let position = 0;
    const slice = async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        const from = Math.max(start - position, 0);
        const to = Math.min(end + 1 - position, chunk.length);
        position += chunk.length;
        if (to > from) yield chunk.subarray(from, to);
        if (position > end) break;
      }
    };
    await pipeline(stream, slice, res);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      return sendError(res, 405, new HicareError('METHOD_NOT_ALLOWED.mirrorReadOnly'), false);
    }
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    let path: string;
    try {
      path = rawPath.split('/').map(decodeURIComponent).join('/');
    } catch {
      return sendError(res, 404, new HicareError('NOT_FOUND.mirrorPath'), head);
    }
    const newest = bundles[current];
    if (path === '/mirror.json') {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(indexBody),
      });
      return void res.end(head ? undefined : indexBody);
    }
    const bundled = /^\/bundles\/(\d{1,6})\/(.+)$/.exec(path);
    let bundle: OpenedBundle | undefined;
    let member: string | undefined;
    if (bundled !== null) {
      bundle = bundles[Number(bundled[1])];
      member = bundled[2];
    } else if (path.startsWith('/tuf/')) {
      bundle = newest;
      member = `metadata/${path.slice('/tuf/'.length)}`;
    } else if (path.startsWith('/packages/')) {
      bundle = newest;
      member = `packages/${path.slice('/packages/'.length)}`;
    }
    if (bundle === undefined || member === undefined || !isSafeMemberName(member))
      return sendError(res, 404, new HicareError('NOT_FOUND.mirrorPath'), head);
    return serveMember(req, res, bundle, member);
  };

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      // A client that went away mid-package, or a bundle file removed under the mirror: end this answer only.
      if (!res.headersSent) sendError(res, 500, new HicareError('BUNDLE_INVALID'), false);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    index,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
