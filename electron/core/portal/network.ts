/**
 * How the client reaches the portal through a company network: the proxy from HTTPS_PROXY / HTTP_PROXY unless the
 * host is listed in NO_PROXY (curl's rules: suffix match on names, `*` for everything, ports honoured), and an extra
 * CA bundle for TLS-inspecting proxies. The same options serve the JSON calls and the package downloads.
 */
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { fileError } from '../files/file-error.js';
import { HicareError } from '../../../shared/errors.js';

export interface NetworkSettings {
  /** Overrides HTTPS_PROXY / HTTP_PROXY. */
  proxy?: string;
  /** Overrides NO_PROXY. */
  noProxy?: string;
  /** A PEM bundle added to Node's trusted CAs. */
  caFile?: string;
}

/** Whether `url` bypasses the proxy under a NO_PROXY list. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (noProxy === undefined || noProxy.trim() === '') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const [name = '', entryPort] = entry.startsWith('[')
      ? [entry.slice(1, entry.indexOf(']')), entry.split(']:')[1]]
      : entry.split(':');
    if (entryPort !== undefined && entryPort !== port) continue;
    const bare = name.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}

/** The proxy URL for `url`, or undefined for a direct connection. */
export function proxyFor(
  url: URL,
  env: Record<string, string | undefined>,
  settings: NetworkSettings = {},
): string | undefined {
  const noProxy = settings.noProxy ?? env['NO_PROXY'] ?? env['no_proxy'];
  if (bypassesProxy(url, noProxy)) return undefined;
  const proxy =
    settings.proxy ??
    (url.protocol === 'https:' ? (env['HTTPS_PROXY'] ?? env['https_proxy']) : (env['HTTP_PROXY'] ?? env['http_proxy']));
  return proxy === undefined || proxy.trim() === '' ? undefined : proxy;
}

export interface TransportOptions {
  agent?: { http?: HttpProxyAgent; https?: HttpsProxyAgent };
  https?: { certificateAuthority: string };
}

export function transportOptions(
  portal: URL,
  env: Record<string, string | undefined>,
  settings: NetworkSettings = {},
): TransportOptions {
  const options: TransportOptions = {};
  const proxy = proxyFor(portal, env, settings);
  if (proxy !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(proxy);
    } catch {
      throw new HicareError('INVALID_INPUT.proxyAddress', { proxy });
    }
    const agentOptions = { keepAlive: true, proxy: parsed };
    options.agent =
      portal.protocol === 'https:'
        ? { https: new HttpsProxyAgent(agentOptions) }
        : { http: new HttpProxyAgent(agentOptions) };
  }
  if (settings.caFile !== undefined && settings.caFile !== '') {
    let pem: string;
    try {
      pem = readFileSync(settings.caFile, 'utf8');
    } catch (error) {
      throw fileError(error, { file: 'caBundle', path: settings.caFile });
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new HicareError('INVALID_INPUT.caBundleNotPem', { file: settings.caFile });
    }
    // Added to, not instead of, the system's CAs: the bundle is for the company proxy, not a replacement trust store.
    options.https = { certificateAuthority: [...rootCertificates, pem].join('\n') };
  }
  return options;
}
