/**
 * HTTPS as the app meets it at a customer: HAProxy terminating TLS in front of the portal, with a certificate for
 * 127.0.0.1 and localhost signed by a CA made in this run by openssl. Clients trust that CA the way each is told to
 * (the app's ca-bundle setting, curl's --cacert, aria2c's --ca-certificate).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { untilTrue } from '../integration/wait.js';

const run = promisify(execFile);
export const HAPROXY = '/usr/sbin/haproxy';

export interface TlsFront {
  /** `https://localhost:<port>`, the address clients use. */
  base: string;
  /** The CA certificate (PEM) to trust. */
  caPath: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** A CA, and a server certificate for localhost and 127.0.0.1 signed by it; returns the CA and HAProxy's PEM. */
async function makeCertificates(dir: string): Promise<{ caPath: string; serverPem: string }> {
  await mkdir(dir, { recursive: true });
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => run('openssl', args);
  await openssl(
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'],
    ...['-subj', '/CN=Hi-Care bench CA', '-keyout', at('ca.key'), '-out', at('ca.pem')],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'],
  );
  await openssl(
    ...['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=localhost'],
    ...['-keyout', at('server.key'), '-out', at('server.csr')],
  );
  await writeFile(at('server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await openssl(
    ...['x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial'],
    ...['-days', '2', '-out', at('server.crt'), '-extfile', at('server.ext')],
  );
  const serverPem = at('server.pem');
  await writeFile(serverPem, (await readFile(at('server.crt'), 'utf8')) + (await readFile(at('server.key'), 'utf8')));
  return { caPath: at('ca.pem'), serverPem };
}

/** Resolves once something accepts connections on the port (HAProxy has started), or fails after 10 s. */
async function accepting(port: number, child: ChildProcess): Promise<void> {
  await untilTrue(
    async () => {
      if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}`);
      return new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
    },
    { what: 'haproxy to listen', timeoutMs: 10_000 },
  );
}

/** Starts HAProxy terminating TLS on a free port and passing plain HTTP on to `upstream` (http://host:port). */
export async function startTlsFront(dir: string, upstream: string): Promise<TlsFront> {
  const { caPath, serverPem } = await makeCertificates(dir);
  const port = await freePort();
  const origin = new URL(upstream);
  const config = join(dir, 'haproxy.cfg');
  await writeFile(
    config,
    [
      'global',
      '  maxconn 256',
      '  tune.ssl.default-dh-param 2048',
      'defaults',
      '  mode http',
      '  timeout connect 5s',
      '  timeout client 60s',
      '  timeout server 60s',
      'frontend portal_tls',
      `  bind 127.0.0.1:${port} ssl crt ${serverPem} alpn http/1.1`,
      '  default_backend portal',
      'backend portal',
      `  server portal ${origin.hostname}:${origin.port}`,
      '',
    ].join('\n'),
  );
  const child = spawn(HAPROXY, ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await accepting(port, child);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    base: `https://localhost:${port}`,
    caPath,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
