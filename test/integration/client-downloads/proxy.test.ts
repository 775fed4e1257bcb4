/** A package fetched through a company proxy (the agents the network settings make): the bytes arrive whole, via it. */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { HttpProxyAgent } from 'hpagent';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fastManager, MiB, packageBytes, portalAndCachePerTest } from './harness.js';
import type { PortalDouble } from './portal-double.js';

let portal: PortalDouble;
let cache: { dir: string; remove: () => Promise<void> };
let proxy: Server;
let proxied: string[];

portalAndCachePerTest((p, c) => {
  portal = p;
  cache = c;
});

beforeEach(async () => {
  proxied = [];
  // hpagent tunnels every request with CONNECT; the proxy joins the two sockets, as a company proxy does.
  proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    proxied.push(req.url ?? '');
    const [host = '', port = ''] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
});

afterEach(() => {
  proxy.closeAllConnections();
  proxy.close();
});

describe('a download through a proxy', () => {
  it('goes through the proxy and lands the exact bytes, resuming after a cut', async () => {
    const bytes = packageBytes(2 * MiB + 5);
    const target = portal.host('acme/app-5.0.0.tar.gz', bytes);
    portal.plan.push({ kind: 'cut', after: MiB });
    const agent = new HttpProxyAgent({ proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });
    const result = await fastManager(cache.dir, { request: { agent: { http: agent } } }).download({
      target,
      url: portal.url(target.name),
    }).done;

    expect((await readFile(result.path)).equals(bytes)).toBe(true);
    expect(proxied).toEqual([new URL(portal.url(target.name)).host, new URL(portal.url(target.name)).host]);
    expect(portal.requests.map((r) => r.range)).toEqual([undefined, expect.stringMatching(/^bytes=\d+-$/)]);
  });
});
