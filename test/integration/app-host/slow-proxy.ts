/**
 * An HTTP proxy on 127.0.0.1 that tunnels (CONNECT, as the client's proxy agent asks) and paces what flows back to
 * the client to a set rate, so a download on loopback lasts long enough to be paused, resumed and cancelled. It
 * counts the tunnels it opened, to show that the client really went through it, and tells which are still open and
 * what they last asked for (the tunnels carry plain HTTP on loopback), to show that a paused transfer really stopped.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface SlowProxy {
  url: string;
  /** `host:port` of every tunnel opened. */
  tunnels: string[];
  /** How many tunnels are open now whose last request's path starts with `pathPrefix`. */
  openTunnelsAsking(pathPrefix: string): number;
  close(): Promise<void>;
}

const SLICE = 16 * 1024;

/** Writes `chunk` to `to` in slices at `bytesPerSecond`, holding `from` back meanwhile. */
function paced(from: Socket, to: Socket, bytesPerSecond: number): void {
  let queue = Promise.resolve();
  from.on('data', (chunk: Buffer) => {
    from.pause();
    queue = queue.then(async () => {
      for (let at = 0; at < chunk.length && !to.destroyed; at += SLICE) {
        to.write(chunk.subarray(at, at + SLICE));
        await new Promise((resolve) => setTimeout(resolve, (SLICE * 1000) / bytesPerSecond));
      }
      from.resume();
    });
  });
  from.on('end', () => void queue.then(() => to.end()));
}

export async function startSlowProxy(bytesPerSecond: number): Promise<SlowProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  /** The path of the last request seen on each open tunnel's client side. */
  const lastPaths = new Map<Socket, string>();
  const track = (s: Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const [host = '', port = ''] = (req.url ?? '').split(':');
    tunnels.push(`${host}:${port}`);
    track(client);
    const notePath = (chunk: Buffer): void => {
      const path = /^[A-Z]+ (\S+) HTTP\/1\.1\r\n/.exec(chunk.toString('latin1', 0, 2048))?.[1];
      if (path !== undefined) lastPaths.set(client, path);
    };
    if (head.length > 0) notePath(head);
    client.on('data', notePath);
    client.on('close', () => lastPaths.delete(client));
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.pipe(upstream);
      paced(upstream, client, bytesPerSecond);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    // The upstream's end is passed on once the paced bytes are out (see paced); only the client's going ends both.
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    openTunnelsAsking: (pathPrefix) => [...lastPaths.values()].filter((path) => path.startsWith(pathPrefix)).length,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
