/** Which requests go through the company proxy: HTTPS_PROXY / HTTP_PROXY unless NO_PROXY lists the host (curl's rules). */
import { describe, expect, it } from 'vitest';
import { bypassesProxy, proxyFor } from '../../../electron/core/portal/network.js';

describe('NO_PROXY', () => {
  it.each([
    ['https://portal.example.com/', 'example.com', true],
    ['https://portal.example.com/', '.example.com', true],
    ['https://portal.example.com/', '*.example.com', true],
    ['https://portal.example.com/', 'portal.example.com', true],
    ['https://portal.example.com/', 'xample.com', false],
    ['https://portal.example.com/', 'other.com, example.org', false],
    ['https://portal.example.com/', '*', true],
    ['https://portal.example.com/', '', false],
    ['https://portal.example.com:8443/', 'portal.example.com:8443', true],
    ['https://portal.example.com:8443/', 'portal.example.com:443', false],
    ['https://portal.example.com/', 'portal.example.com:443', true],
    ['http://127.0.0.1:8780/', '127.0.0.1', true],
    ['http://[::1]:8780/', '[::1]', true],
    ['http://PORTAL.Example.com/', 'portal.example.COM', true],
  ])('%s with NO_PROXY=%j bypasses: %s', (url, noProxy, expected) => {
    expect(bypassesProxy(new URL(url), noProxy)).toBe(expected);
  });
});

describe('the proxy for a portal', () => {
  const env = {
    HTTPS_PROXY: 'http://proxy.corp:3128',
    HTTP_PROXY: 'http://plain-proxy.corp:3128',
    NO_PROXY: 'internal.corp',
  };
  it('takes HTTPS_PROXY for https and HTTP_PROXY for http', () => {
    expect(proxyFor(new URL('https://portal.example.com'), env)).toBe('http://proxy.corp:3128');
    expect(proxyFor(new URL('http://portal.example.com'), env)).toBe('http://plain-proxy.corp:3128');
  });
  it('goes direct for hosts in NO_PROXY and when no proxy is set', () => {
    expect(proxyFor(new URL('https://portal.internal.corp'), env)).toBeUndefined();
    expect(proxyFor(new URL('https://portal.example.com'), {})).toBeUndefined();
  });
  it('lets the settings override the environment, lower-case variables count too', () => {
    expect(proxyFor(new URL('https://portal.example.com'), env, { proxy: 'http://mine:8080' })).toBe(
      'http://mine:8080',
    );
    expect(proxyFor(new URL('https://portal.internal.corp'), env, { noProxy: '' })).toBe('http://proxy.corp:3128');
    expect(proxyFor(new URL('https://portal.example.com'), { https_proxy: 'http://lower:1' })).toBe('http://lower:1');
  });
});
