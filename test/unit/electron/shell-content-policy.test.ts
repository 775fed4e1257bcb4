/** Every answer of the app:// protocol carries the CSP, and the page carries the same policy in a <meta>. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../../electron/main/content-policy.js';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy.js';

const renderer = '/opt/hicare/renderer';

/** A file system of the built renderer, read as Electron's net.fetch would (it rejects for a missing file). */
function files(existing: Record<string, string>) {
  const asked: string[] = [];
  return {
    asked,
    fetchFile: async (fileUrl: string): Promise<Response> => {
      asked.push(fileUrl);
      const path = decodeURIComponent(new URL(fileUrl).pathname);
      const body = existing[path];
      if (body === undefined) throw new TypeError('net::ERR_FILE_NOT_FOUND');
      return new Response(body, {
        headers: { 'Content-Type': path.endsWith('.js') ? 'text/javascript' : 'text/html' },
      });
    },
  };
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values] as const),
  );
}

describe('appProtocolResponse', () => {
  const fs = files({
    [`${renderer}/index.html`]: '<!doctype html><p>app</p>',
    [`${renderer}/assets/index.js`]: 'run()',
  });

  it.each([
    ['app://hicare/index.html', 200],
    ['app://hicare/', 200],
    ['app://hicare/assets/index.js', 200],
    ['app://hicare/assets/missing.js', 404],
    ['app://hicare/..%2F..%2Fetc/passwd', 404],
    ['app://other/index.html', 404],
  ])('%s answers %i with the CSP and nosniff', async (url, status) => {
    const response = await appProtocolResponse(url, { rendererDirectory: renderer, fetchFile: fs.fetchFile });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps the file’s body and type', async () => {
    const response = await appProtocolResponse('app://hicare/assets/index.js', {
      rendererDirectory: renderer,
      fetchFile: fs.fetchFile,
    });
    expect(response.headers.get('content-type')).toBe('text/javascript');
    expect(await response.text()).toBe('run()');
  });

  it('never reads outside the renderer directory', async () => {
    const probe = files({});
    await appProtocolResponse('app://hicare/..%2F..%2Fetc/passwd', {
      rendererDirectory: renderer,
      fetchFile: probe.fetchFile,
    });
    await appProtocolResponse('app://hicare/assets/x.js', { rendererDirectory: renderer, fetchFile: probe.fetchFile });
    expect(probe.asked).toEqual([`file://${renderer}/assets/x.js`]);
  });

  it('answers 404 (with the CSP) when the file reader answers an error', async () => {
    const response = await appProtocolResponse('app://hicare/index.html', {
      rendererDirectory: renderer,
      fetchFile: async () => new Response('gone', { status: 500 }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the page’s Content-Security-Policy', () => {
  const header = directives(CONTENT_SECURITY_POLICY);

  it('allows only same-origin scripts and styles, never inline or eval', () => {
    expect(header.get('script-src')).toEqual(["'self'"]);
    expect(header.get('style-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('defaults to self, forbids plugins, framing, base and form targets', () => {
    expect(header.get('default-src')).toEqual(["'self'"]);
    expect(header.get('object-src')).toEqual(["'none'"]);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.get('base-uri')).toEqual(["'none'"]);
    expect(header.get('form-action')).toEqual(["'none'"]);
    expect(header.get('connect-src')).toEqual(["'self'"]);
  });

  it('names no remote origin and no wildcard, but lets a shown article image come from an https host', () => {
    expect(header.get('img-src')).toEqual(["'self'", 'data:', 'https:']);
    const others = [...header].filter(([name]) => name !== 'img-src');
    expect(others.flatMap(([, values]) => values).join(' ')).not.toMatch(/https?:|\*/);
  });

  it('is in renderer/index.html as a <meta>, the same but for what a <meta> cannot carry', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    const inMeta = directives(META_CONTENT_SECURITY_POLICY);
    expect([...header.keys()].filter((d) => !inMeta.has(d))).toEqual(['frame-ancestors']);
    for (const [name, values] of inMeta) expect(values).toEqual(header.get(name));
  });

  it('has nothing inline in renderer/index.html for it to block', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/<style|\sstyle=|<script(?![^>]*\ssrc=)/i);
  });
});
