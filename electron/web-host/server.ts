/**
 * The web host: the built renderer and the app API over HTTP on loopback, for machines without an Electron binary,
 * headless servers and the E2E suite. Every API call needs the per-launch token; the Host header is checked so a
 * web page elsewhere cannot reach the API through DNS rebinding.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  checkEvent,
  createDispatcher,
  eventNames,
  type ApiSpec,
  type EventName,
  type EventPayload,
  type Handlers,
} from '../../shared/api/define.js';
import { ATTACHMENT_MAX_BASE64_CHARS, ATTACHMENT_MAX_BYTES } from '../../shared/contracts/requests.js';
import { PAGE_SECURITY_HEADERS } from '../../shared/content-security-policy.js';
import { acceptLanguageTags } from '../../shared/i18n/locales.js';
import { HicareError, type ErrorBody } from '../../shared/errors.js';
import type { CallContext } from '../core/app-handlers.js';
import { notBuiltPage } from './not-built-page.js';

// One attachment (base64) is the largest call the page makes (requests.stageAttachment).
export const MAX_BODY_BYTES = ATTACHMENT_MAX_BASE64_CHARS + 64 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface WebHostOptions<A extends ApiSpec> {
  api: A;
  handlers: Handlers<A, CallContext>;
  /** The built renderer (dist/renderer); when it has no index.html a page explains how to build it. */
  rendererDirectory: string;
  host?: string;
  port?: number;
  token?: string;
  /** Told the browser's languages (its Accept-Language) on each call: in the browser they are the "system's". */
  onLanguages?: (tags: readonly string[]) => void;
}

export interface WebHost {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to a server. */
  openUrl: string;
  token: string;
  emit(event: string, payload: unknown): void;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: ErrorBody): void {
  sendJson(res, status, { ok: false, error });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new HicareError('INVALID_INPUT.webBodyTooLarge', { maxMiB: ATTACHMENT_MAX_BYTES / (1024 * 1024) });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HicareError('INVALID_INPUT.webBodyNotJson');
  }
}

function tokenMatches(expected: Buffer, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const got = Buffer.from(presented);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export async function startWebHost<A extends ApiSpec>(options: WebHostOptions<A>): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(token);
  const dispatch = createDispatcher(options.api, options.handlers);
  const knownEvents = new Set<string>(eventNames(options.api));
  const streams = new Set<ServerResponse>();
  const root = normalize(options.rendererDirectory + sep);
  let allowedHosts = new Set<string>();

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    let relative: string;
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    } catch {
      return sendError(res, 404, new HicareError('NOT_FOUND.webFile').toBody());
    }
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return sendError(res, 404, new HicareError('NOT_FOUND.webFile').toBody());
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        ...PAGE_SECURITY_HEADERS,
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      });
      res.end(body);
    } catch {
      if (relative === 'index.html') {
        res.writeHead(200, { ...PAGE_SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
        res.end(notBuiltPage());
        return;
      }
      sendError(res, 404, new HicareError('NOT_FOUND.webFile').toBody());
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://placeholder');
      if (!allowedHosts.has(req.headers.host ?? '')) {
        return sendError(res, 403, new HicareError('FORBIDDEN.webHost').toBody());
      }
      if (url.pathname.startsWith('/api/')) {
        const bearer =
          /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ??
          (url.pathname === '/api/events' ? (url.searchParams.get('token') ?? undefined) : undefined);
        if (!tokenMatches(expected, bearer)) {
          return sendError(res, 401, new HicareError('UNAUTHENTICATED.webToken').toBody());
        }
        const languages = acceptLanguageTags(req.headers['accept-language']);
        if (languages.length > 0) options.onLanguages?.(languages);
        if (url.pathname === '/api/events' && req.method === 'GET') {
          res.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-store',
            connection: 'keep-alive',
          });
          res.write(': connected\n\n');
          streams.add(res);
          req.on('close', () => streams.delete(res));
          return;
        }
        const method = /^\/api\/call\/([A-Za-z0-9.]+)$/.exec(url.pathname)?.[1];
        if (req.method !== 'POST' || method === undefined) {
          return sendError(
            res,
            404,
            new HicareError('UNKNOWN_METHOD.webApi', { method: req.method ?? '', path: url.pathname }).toBody(),
          );
        }
        let body: Buffer;
        try {
          body = await readBody(req);
        } catch (error) {
          return sendError(res, 413, (error as HicareError).toBody());
        }
        let input: unknown;
        try {
          input = parseBody(body);
        } catch (error) {
          return sendError(res, 400, (error as HicareError).toBody());
        }
        const reply = await dispatch(method, input, { origin: `web:${req.socket.remoteAddress ?? ''}` });
        return sendJson(res, 200, reply);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendError(res, 405, new HicareError('NOT_FOUND.webMethod').toBody());
      return serveStatic(res, url.pathname);
    })().catch(() => {
      if (!res.headersSent) sendError(res, 500, new HicareError('INTERNAL.webHost').toBody());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const hostName = options.host ?? '127.0.0.1';
  allowedHosts = new Set([`${hostName}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);
  const url = `http://${hostName}:${port}`;

  return {
    url,
    openUrl: `${url}/#token=${token}`,
    token,
    emit(event, payload) {
      if (!knownEvents.has(event)) throw new HicareError('UNKNOWN_METHOD.webEvent', { event });
      // Checked against the contract here too, so no transport ever carries an event its listeners would drop.
      const checked = checkEvent(options.api, event as EventName<A>, payload as EventPayload<A, EventName<A>>);
      const frame = `event: ${event}\ndata: ${JSON.stringify(checked)}\n\n`;
      for (const s of streams) s.write(frame);
    },
    async close() {
      for (const s of streams) s.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
