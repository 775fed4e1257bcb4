/**
 * The portal client on a company network: through an HTTP proxy (and around it for NO_PROXY hosts), to a portal
 * whose certificate comes from a private CA (trusted only with the configured bundle), retried when the portal
 * answers 503 to a read, and never retried for a sign-in.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient } from '../../../electron/core/portal/client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { startDemoPortal, type DemoPortal } from './demo-portal.js';

let demo: DemoPortal;
const servers: Server[] = [];
beforeAll(async () => {
  demo = await startDemoPortal();
}, 60_000);
afterAll(async () => {
  for (const s of servers) s.close();
  await demo.close();
});

function listen(server: Server): Promise<string> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** Forwards a request to `base` (or to the absolute URL a proxy client sends) and pipes the answer back. */
function forward(req: IncomingMessage, res: ServerResponse, base?: string): void {
  const target = new URL(req.url ?? '/', base);
  const upstream = httpRequest(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  req.pipe(upstream);
}

const EMAIL = 'it@northwind.example';

function client(portalUrl: string, env: Record<string, string>, network = {}): PortalClient {
  return new PortalClient({
    portalUrl,
    secrets: new FileSecretStore(join(demo.dir, `secrets-${Math.random()}`)),
    env,
    network,
    retries: 2,
  });
}

describe('the portal client on a company network', () => {
  it('goes through HTTP_PROXY, and around it for a host listed in NO_PROXY', async () => {
    // hpagent tunnels every request with CONNECT, as corporate proxies expect for TLS.
    const seen: string[] = [];
    const proxyServer = createServer((_req, res) => res.writeHead(405).end());
    proxyServer.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      seen.push(`CONNECT ${req.url ?? ''}`);
      const [host = '', port = ''] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    const proxy = await listen(proxyServer);
    const viaProxy = client(demo.url, { HTTP_PROXY: `http://${proxy}` });
    await viaProxy.signIn(EMAIL, demo.password(EMAIL));
    expect((await viaProxy.call('me', {})).email).toBe(EMAIL);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(new Set(seen)).toEqual(new Set([`CONNECT ${new URL(demo.url).host}`]));

    const before = seen.length;
    const direct = client(demo.url, { HTTP_PROXY: `http://${proxy}`, NO_PROXY: '127.0.0.1' });
    await direct.signIn(EMAIL, demo.password(EMAIL));
    expect(seen).toHaveLength(before);
  });

  it('trusts a portal certificate from a private CA only with the configured bundle', async () => {
    const dir = demo.dir;
    const ssl = (args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    ssl([
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
      '/CN=Corp Test CA',
    ]);
    ssl([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'portal.key',
      '-out',
      'portal.csr',
      '-subj',
      '/CN=127.0.0.1',
    ]);
    const ext = join(dir, 'san.ext');
    execFileSync('sh', ['-c', `printf 'subjectAltName=IP:127.0.0.1\\n' > ${ext}`]);
    ssl([
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
    ]);
    const https = createHttpsServer(
      { key: readFileSync(join(dir, 'portal.key')), cert: readFileSync(join(dir, 'portal.pem')) },
      (req, res) => forward(req, res, demo.url),
    );
    const address = await listen(https as unknown as Server);
    const portalUrl = `https://${address}`;

    const without = client(portalUrl, {});
    await expect(without.signIn(EMAIL, demo.password(EMAIL))).rejects.toMatchObject({
      code: 'PORTAL_ERROR',
      message: expect.stringMatching(/certificate/) as string,
    });
    const withBundle = client(portalUrl, {}, { caFile: join(dir, 'ca.pem') });
    expect((await withBundle.signIn(EMAIL, demo.password(EMAIL))).account.email).toBe(EMAIL);
    expect(() => client(portalUrl, {}, { caFile: join(dir, 'san.ext') })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }) as Error,
    );
  });

  it('retries a read the portal answered with 503, and never repeats a sign-in', async () => {
    let failuresLeft = 1;
    const hits: string[] = [];
    const flaky = await listen(
      createServer((req, res) => {
        hits.push(`${req.method ?? ''} ${req.url ?? ''}`);
        if (failuresLeft > 0) {
          failuresLeft--;
          res
            .writeHead(503, { 'content-type': 'application/json' })
            .end(JSON.stringify({ code: 'INTERNAL', message: 'busy', remedy: 'later' }));
          return;
        }
        forward(req, res, demo.url);
      }),
    );
    const c = client(`http://${flaky}`, {});
    await expect(c.signIn(EMAIL, demo.password(EMAIL))).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(hits).toEqual(['POST /api/v1/sessions']);
    await c.signIn(EMAIL, demo.password(EMAIL));
    failuresLeft = 2;
    hits.length = 0;
    expect((await c.call('me', {})).email).toBe(EMAIL);
    expect(hits).toEqual(['GET /api/v1/me', 'GET /api/v1/me', 'GET /api/v1/me']);
  });
});
