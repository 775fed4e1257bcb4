/**
 * Downloads over TLS as the app meets them: a portal whose certificate comes from a private CA (trusted only through
 * the configured bundle), a connection cut mid-package and resumed with a Range request, and a redirect to a store on
 * another origin, which must not be handed the portal's credentials.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempDir } from '../../support/temp-dir.js';
import { fastManager, MiB, packageBytes, sha256, tempDir } from './harness.js';

const bytes = packageBytes(3 * MiB + 123);
const target = { name: 'acme/app-4.0.0.tar.gz', length: bytes.length, sha256: sha256(bytes) };
const etag = `"sha256-${target.sha256}"`;

interface Seen {
  path: string;
  range: string | undefined;
  authorization: string | undefined;
}

let certs: TempDir;
let ca: string;
let portal: Server;
let store: Server;
let portalUrl: string;
let storeUrl: string;
const seen: Seen[] = [];
/** TLS handshakes the portal saw fail (a client that did not trust it). */
let refusedHandshakes = 0;
/** Body bytes after which the next package answer is cut, once. */
let cutAfter: number | undefined;

/** Answers like the portal's package route: the whole file, or the range asked for (If-Range honoured). */
function sendPackage(req: IncomingMessage, res: ServerResponse): void {
  const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const start = match !== null && (req.headers['if-range'] ?? etag) === etag ? Number(match[1]) : 0;
  const body = bytes.subarray(start);
  const headers: Record<string, string | number> = { etag, 'content-length': body.length };
  if (start > 0) headers['content-range'] = `bytes ${start}-${bytes.length - 1}/${bytes.length}`;
  res.writeHead(start > 0 ? 206 : 200, headers);
  if (cutAfter === undefined) {
    res.end(body);
    return;
  }
  const cut = cutAfter;
  cutAfter = undefined;
  res.write(body.subarray(0, cut), () => res.socket?.destroy());
}

function record(req: IncomingMessage): void {
  seen.push({ path: req.url ?? '', range: req.headers.range, authorization: req.headers.authorization });
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  certs = await tempDir('hicare-dl-tls-');
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: certs.dir, stdio: 'ignore' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Test CA',
  );
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'portal.key', '-out', 'portal.csr', '-subj', '/CN=localhost');
  execFileSync('sh', ['-c', `printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > san.ext`], { cwd: certs.dir });
  ssl(
    'x509',
    '-req',
    '-in',
    'portal.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'portal.pem',
    '-days',
    '2',
    '-extfile',
    'san.ext',
  );
  ca = readFileSync(join(certs.dir, 'ca.pem'), 'utf8');

  store = createHttpServer((req, res) => {
    record(req);
    sendPackage(req, res);
  });
  storeUrl = `http://127.0.0.1:${await listen(store)}`;
  portal = createHttpsServer(
    { key: readFileSync(join(certs.dir, 'portal.key')), cert: readFileSync(join(certs.dir, 'portal.pem')) },
    (req, res) => {
      record(req);
      if (req.url === '/to-store') res.writeHead(302, { location: `${storeUrl}/presigned?sig=1` }).end();
      else if (req.url === '/moved') res.writeHead(301, { location: '/package' }).end();
      else sendPackage(req, res);
    },
  ) as unknown as Server;
  portal.on('tlsClientError', () => (refusedHandshakes += 1));
  portalUrl = `https://localhost:${await listen(portal)}`;
});

afterAll(async () => {
  portal.close();
  store.close();
  await certs.remove();
});

const auth = { headers: () => ({ authorization: 'Bearer t0ken' }) };

describe('a download from a portal with a private CA', () => {
  it('lands the exact bytes when the bundle is configured, resuming with a Range after a cut', async () => {
    const cache = await tempDir();
    seen.length = 0;
    cutAfter = MiB + 7;
    const result = await fastManager(cache.dir, { request: { ...auth, https: { certificateAuthority: ca } } }).download(
      {
        target,
        url: `${portalUrl}/package`,
      },
    ).done;

    expect(readFileSync(result.path).equals(bytes)).toBe(true);
    expect(seen.map((s) => s.range)).toEqual([undefined, expect.stringMatching(/^bytes=\d+-$/)]);
    await cache.remove();
  });

  it('is refused as untrusted without the bundle, and not retried', async () => {
    const cache = await tempDir();
    seen.length = 0;
    refusedHandshakes = 0;
    const done = fastManager(cache.dir, { request: auth }).download({ target, url: `${portalUrl}/package` }).done;

    await expect(done).rejects.toMatchObject({ code: 'UNTRUSTED_PORTAL' });
    expect(seen).toEqual([]);
    expect(refusedHandshakes).toBe(1);
    await cache.remove();
  });

  it('follows a redirect on the portal with the credentials, and to a store without them', async () => {
    const cache = await tempDir();
    const manager = fastManager(cache.dir, { request: { ...auth, https: { certificateAuthority: ca } } });
    seen.length = 0;
    const moved = await manager.download({ target, url: `${portalUrl}/moved` }).done;
    expect(readFileSync(moved.path).equals(bytes)).toBe(true);
    expect(seen.map((s) => [s.path, s.authorization])).toEqual([
      ['/moved', 'Bearer t0ken'],
      ['/package', 'Bearer t0ken'],
    ]);
    await cache.remove();

    const again = await tempDir();
    seen.length = 0;
    const stored = await fastManager(again.dir, {
      request: { ...auth, https: { certificateAuthority: ca } },
    }).download({ target, url: `${portalUrl}/to-store` }).done;
    expect(readFileSync(stored.path).equals(bytes)).toBe(true);
    expect(seen.map((s) => [s.path, s.authorization])).toEqual([
      ['/to-store', 'Bearer t0ken'],
      ['/presigned?sig=1', undefined],
    ]);
    await again.remove();
  });
});
