/** The web host over real HTTP on loopback: token, Host check, body limits, static files, SSE. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../../electron/web-host/server.js';
import { appHandlers } from '../../../electron/core/app-handlers.js';
import { DEFAULT_SETTINGS, SettingsService } from '../../../electron/core/settings.js';
import { appApi, type Settings } from '../../../shared/contracts/app-api.js';
import { HicareError } from '../../../shared/errors.js';
import { CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy.js';
import { testHost } from '../../support.js';

const INDEX_HTML =
  '<!doctype html><html><head><title>Hi-Care test build</title></head><body><div id="root"></div></body></html>';

let workDirectory: string;
let dataDirectory: string;
let rendererDirectory: string;
let settings: SettingsService;
let web: WebHost | undefined;

async function start(options: { withIndex?: boolean } = {}): Promise<WebHost> {
  if (options.withIndex ?? true) writeFileSync(join(rendererDirectory, 'index.html'), INDEX_HTML);
  web = await startWebHost({
    api: appApi,
    handlers: appHandlers({ host: testHost(dataDirectory, 'web'), settings, uiBuilt: () => options.withIndex ?? true }),
    rendererDirectory,
    port: 0,
  });
  return web;
}

beforeEach(() => {
  workDirectory = mkdtempSync(join(tmpdir(), 'hicare-'));
  dataDirectory = join(workDirectory, 'data');
  rendererDirectory = join(workDirectory, 'renderer');
  mkdirSync(dataDirectory);
  mkdirSync(join(rendererDirectory, 'assets'), { recursive: true });
  writeFileSync(join(rendererDirectory, 'assets', 'app.js'), 'console.log("hi");\n');
  writeFileSync(join(rendererDirectory, 'assets', 'app.css'), 'body{margin:0}\n');
  // Outside the renderer directory: must never be served.
  writeFileSync(join(workDirectory, 'secret.txt'), 'TOP-SECRET\n');
  writeFileSync(join(workDirectory, 'package.json'), '{"name":"TOP-SECRET"}\n');
  writeFileSync(join(workDirectory, 'renderer-sibling.txt'), 'TOP-SECRET\n');
  settings = new SettingsService(dataDirectory);
});

afterEach(async () => {
  await web?.close();
  web = undefined;
  rmSync(workDirectory, { recursive: true, force: true });
});

const settingsFile = () => readFileSync(join(dataDirectory, 'settings.json'), 'utf8');

function call(method: string, body: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${web!.url}/api/call/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${web!.token}`, 'content-type': 'application/json', ...headers },
    body: body ?? null,
  });
}

/** A raw request, for what fetch will not send as-is (a foreign Host header, an unnormalised path). */
function rawRequest(options: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(web!.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

interface ErrorReply {
  ok: false;
  error: { code: string; message: string; remedy: string; details?: Record<string, unknown> };
}

async function expectCoded(
  res: Response | { status: number; body: string },
  status: number,
  code: string,
): Promise<ErrorReply['error']> {
  expect(res.status).toBe(status);
  const body = (res instanceof Response ? await res.json() : JSON.parse(res.body)) as ErrorReply;
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.remedy).toEqual(expect.any(String));
  return body.error;
}

describe('the API over HTTP', () => {
  it('answers app.info with the bearer token', async () => {
    await start();
    const res = await call('app.info', '{}');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      ok: true,
      value: {
        name: 'Hi-Care Update Manager',
        version: '1.2.3',
        host: 'web',
        platform: 'linux-x64',
        portalUrl: null,
        uiBuilt: true,
      },
    });
  });

  it('treats an empty body as an empty argument', async () => {
    await start();
    const res = await call('settings.get', undefined);
    expect(await res.json()).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('settings.update is persisted and visible to settings.get', async () => {
    await start();
    const res = await call(
      'settings.update',
      JSON.stringify({ portalUrl: 'https://portal.example.com/', checkEveryHours: 12 }),
    );
    const expected = { ...DEFAULT_SETTINGS, portalUrl: 'https://portal.example.com/', checkEveryHours: 12 };
    expect(await res.json()).toEqual({ ok: true, value: expected });
    expect(await (await call('settings.get', '{}')).json()).toEqual({ ok: true, value: expected });
    expect(JSON.parse(settingsFile())).toEqual({ settings: expected });
  });

  it('uses the token it was given', async () => {
    web = await startWebHost({
      api: appApi,
      handlers: appHandlers({ host: testHost(dataDirectory, 'web'), settings, uiBuilt: () => true }),
      rendererDirectory,
      token: 'fixed-token-for-the-test',
    });
    expect(web.token).toBe('fixed-token-for-the-test');
    expect(web.openUrl).toBe(`${web.url}/#token=fixed-token-for-the-test`);
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await call('app.info', '{}')).status).toBe(200);
  });

  it('makes up a long random token per launch', async () => {
    await start();
    const first = web!.token;
    expect(first.length).toBeGreaterThanOrEqual(32);
    await web!.close();
    await start();
    expect(web!.token).not.toBe(first);
  });

  it.each<[string, Record<string, string>]>([
    ['no authorization header', { authorization: '' }],
    ['a wrong token', { authorization: 'Bearer not-the-token' }],
    ['a token of the right length but wrong', { authorization: 'Bearer <same length>' }],
    ['a Basic scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a lower-case bearer scheme with no token', { authorization: 'bearer ' }],
  ])('%s: 401 UNAUTHENTICATED and nothing changes', async (_what, headers) => {
    await start();
    const sent = { authorization: headers.authorization!.replace('<same length>', 'X'.repeat(web!.token.length)) };
    const before = settingsFile();
    await expectCoded(
      await call('settings.update', JSON.stringify({ checkEveryHours: 1 }), sent),
      401,
      'UNAUTHENTICATED',
    );
    expect(settingsFile()).toBe(before);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('does not accept the token in the query string of an API call', async () => {
    await start();
    const res = await fetch(`${web!.url}/api/call/app.info?token=${web!.token}`, { method: 'POST', body: '{}' });
    await expectCoded(res, 401, 'UNAUTHENTICATED');
  });

  it.each(['evil.example', 'evil.example:<port>', 'attacker.localhost', 'localhost', '127.0.0.2:<port>'])(
    'refuses the Host header %j with 403 FORBIDDEN',
    async (hostPattern) => {
      await start();
      const host = hostPattern.replace('<port>', new URL(web!.url).port);
      const before = settingsFile();
      const res = await rawRequest({
        path: '/api/call/settings.update',
        method: 'POST',
        headers: { host, authorization: `Bearer ${web!.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ checkEveryHours: 1 }),
      });
      await expectCoded(res, 403, 'FORBIDDEN');
      expect(settingsFile()).toBe(before);
      const page = await rawRequest({ path: '/', headers: { host } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('Hi-Care test build');
    },
  );

  it('accepts localhost and 127.0.0.1 with its port as the Host', async () => {
    await start();
    const { port } = new URL(web!.url);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      const res = await rawRequest({
        path: '/api/call/app.info',
        method: 'POST',
        headers: { host, authorization: `Bearer ${web!.token}` },
        body: '{}',
      });
      expect(res.status).toBe(200);
    }
  });

  it('refuses a body over the limit (one attachment) with 413 and changes nothing', async () => {
    await start();
    const before = settingsFile();
    const huge = JSON.stringify({ downloadDirectory: 'x'.repeat(MAX_BODY_BYTES) });
    const error = await expectCoded(await call('settings.update', huge), 413, 'INVALID_INPUT');
    expect(error.message).toMatch(/too large/i);
    expect(settingsFile()).toBe(before);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    // The host still answers afterwards.
    expect((await call('app.info', '{}')).status).toBe(200);
  });

  it('accepts a body just under the limit (and the schema then refuses the value)', async () => {
    await start();
    const body = JSON.stringify({ downloadDirectory: 'x'.repeat(MAX_BODY_BYTES - 100) });
    await expectCoded(await call('settings.update', body), 200, 'INVALID_INPUT');
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it.each(['{', '{"checkEveryHours": }', 'checkEveryHours=1', '\u0000'])(
    'refuses the malformed JSON %j with 400 INVALID_INPUT',
    async (body) => {
      await start();
      const before = settingsFile();
      const error = await expectCoded(await call('settings.update', body), 400, 'INVALID_INPUT');
      expect(error.message).toMatch(/JSON/);
      expect(settingsFile()).toBe(before);
    },
  );

  it.each<[string, string, string]>([
    ['a bad portal URL', 'settings.update', JSON.stringify({ portalUrl: 'not a url' })],
    ['a zero interval', 'settings.update', JSON.stringify({ checkEveryHours: 0 })],
    ['an unknown key', 'settings.update', JSON.stringify({ isAdmin: true })],
    ['an array', 'settings.update', '[]'],
    ['a JSON string', 'settings.update', '"checkEveryHours"'],
    ['an argument to app.info', 'app.info', JSON.stringify({ verbose: true })],
  ])('%s: INVALID_INPUT in the envelope and nothing changes', async (_what, method, body) => {
    await start();
    const before = settingsFile();
    await expectCoded(await call(method, body), 200, 'INVALID_INPUT');
    expect(settingsFile()).toBe(before);
  });

  it.each(['settings.delete', 'app', 'constructor', '__proto__'])('answers UNKNOWN_METHOD for %j', async (method) => {
    await start();
    const res = await call(method, '{}');
    const body = (await res.json()) as ErrorReply;
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('UNKNOWN_METHOD');
  });

  it.each<[string, string]>([
    ['GET', '/api/call/app.info'],
    ['POST', '/api/call/'],
    ['POST', '/api/call/app.info/extra'],
    ['POST', '/api/other'],
    ['PUT', '/api/call/settings.update'],
  ])('answers %s %s with 404 UNKNOWN_METHOD', async (method, path) => {
    await start();
    const res = await fetch(`${web!.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${web!.token}` },
      body: method === 'GET' ? null : '{}',
    });
    await expectCoded(res, 404, 'UNKNOWN_METHOD');
  });
});

describe('static files', () => {
  it('serves index.html at the root with a CSP and nosniff', async () => {
    await start();
    const res = await fetch(`${web!.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    // The shell's app:// protocol and the page's <meta> carry the same policy.
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it.each<[string, string, string]>([
    ['/index.html', 'text/html; charset=utf-8', INDEX_HTML],
    ['/assets/app.js', 'text/javascript; charset=utf-8', 'console.log("hi");\n'],
    ['/assets/app.css', 'text/css; charset=utf-8', 'body{margin:0}\n'],
  ])('serves %s as %s with a CSP', async (path, type, content) => {
    await start();
    const res = await fetch(`${web!.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toBe(content);
  });

  it('does not need the token for the page itself', async () => {
    await start();
    expect((await fetch(`${web!.url}/assets/app.js`)).status).toBe(200);
  });

  it.each([
    '/..%2Fpackage.json',
    '/..%2fsecret.txt',
    '/assets/..%2F..%2Fsecret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '/..%5Csecret.txt',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2Frenderer-sibling.txt',
    '/secret.txt%00.js',
    '/%00',
    '/nope.js',
    '/assets',
    '/assets/',
  ])('answers %s with 404 and never serves a file outside the renderer directory', async (path) => {
    await start();
    const res = await rawRequest({ path, headers: { host: new URL(web!.url).host } });
    await expectCoded(res, 404, 'NOT_FOUND');
    expect(res.body).not.toContain('TOP-SECRET');
  });

  it.each(['/%E0%A4%A', '/%', '/assets/%ZZ.js'])(
    'answers the malformed path %s with 404, not a server error',
    async (path) => {
      await start();
      const res = await rawRequest({ path, headers: { host: new URL(web!.url).host } });
      await expectCoded(res, 404, 'NOT_FOUND');
    },
  );

  it('refuses methods other than GET and HEAD outside the API', async () => {
    await start();
    const res = await fetch(`${web!.url}/index.html`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });

  it('serves the "not built" page at the root when the renderer has no index.html', async () => {
    await start({ withIndex: false });
    for (const path of ['/', '/index.html']) {
      const res = await fetch(`${web!.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      expect(html).toContain('has not been built');
      expect(html).toContain('npm run build');
    }
    const info = (await (await call('app.info', '{}')).json()) as { ok: true; value: { uiBuilt: boolean } };
    expect(info.value.uiBuilt).toBe(false);
    await expectCoded(await fetch(`${web!.url}/assets/missing.js`), 404, 'NOT_FOUND');
  });
});

/** Reads an SSE response until `predicate` holds for the text so far, or fails after `ms`. */
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  predicate: (text: string) => boolean,
  ms = 5_000,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out waiting for the event stream; got ${JSON.stringify(text)}`)),
      ms,
    );
  });
  try {
    while (!predicate(text)) {
      const { value, done } = await Promise.race([reader.read(), timeout]);
      if (done) throw new Error(`the event stream ended early; got ${JSON.stringify(text)}`);
      text += decoder.decode(value, { stream: true });
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

function parseEvents(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event: '))
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return {
        event: eventLine!.slice('event: '.length),
        data: JSON.parse(dataLine!.slice('data: '.length)) as unknown,
      };
    });
}

describe('server-sent events', () => {
  const changed: Settings = { ...DEFAULT_SETTINGS, checkEveryHours: 24, includePreviews: true };

  it('delivers a settings.changed event emitted by the host', async () => {
    await start();
    const controller = new AbortController();
    const res = await fetch(`${web!.url}/api/events?token=${encodeURIComponent(web!.token)}`, {
      signal: controller.signal,
    });
    try {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream');
      const reader = res.body!.getReader();
      await readUntil(reader, (t) => t.includes(': connected'));
      web!.emit('settings.changed', changed);
      const text = await readUntil(reader, (t) => t.includes('event: settings.changed') && t.endsWith('\n\n'));
      expect(parseEvents(text)).toEqual([{ event: 'settings.changed', data: changed }]);
    } finally {
      controller.abort();
    }
  });

  it('also accepts the bearer header on the event stream, and delivers a change made through the API', async () => {
    await start();
    settings.onChange((s) => web!.emit('settings.changed', s));
    const controller = new AbortController();
    const res = await fetch(`${web!.url}/api/events`, {
      headers: { authorization: `Bearer ${web!.token}` },
      signal: controller.signal,
    });
    try {
      const reader = res.body!.getReader();
      await readUntil(reader, (t) => t.includes(': connected'));
      expect(
        (await call('settings.update', JSON.stringify({ checkEveryHours: 24, includePreviews: true }))).status,
      ).toBe(200);
      const text = await readUntil(reader, (t) => t.includes('event: settings.changed') && t.endsWith('\n\n'));
      expect(parseEvents(text)).toEqual([{ event: 'settings.changed', data: changed }]);
    } finally {
      controller.abort();
    }
  });

  it('keeps delivering to a stream after earlier events', async () => {
    await start();
    const controller = new AbortController();
    const res = await fetch(`${web!.url}/api/events?token=${encodeURIComponent(web!.token)}`, {
      signal: controller.signal,
    });
    try {
      const reader = res.body!.getReader();
      await readUntil(reader, (t) => t.includes(': connected'));
      web!.emit('updates.available', { count: 2, checkedAt: '2025-03-01T12:00:00Z' });
      web!.emit('settings.changed', changed);
      const text = await readUntil(reader, (t) => parseEvents(t).length === 2 && t.endsWith('\n\n'));
      expect(parseEvents(text).map((e) => e.event)).toEqual(['updates.available', 'settings.changed']);
    } finally {
      controller.abort();
    }
  });

  it.each([undefined, 'wrong'])('refuses the stream with token %j', async (token) => {
    await start();
    const res = await fetch(`${web!.url}/api/events${token === undefined ? '' : `?token=${token}`}`);
    await expectCoded(res, 401, 'UNAUTHENTICATED');
  });

  it('throws a coded error when asked to emit an undeclared event, and sends nothing', async () => {
    await start();
    const controller = new AbortController();
    const res = await fetch(`${web!.url}/api/events?token=${encodeURIComponent(web!.token)}`, {
      signal: controller.signal,
    });
    try {
      const reader = res.body!.getReader();
      await readUntil(reader, (t) => t.includes(': connected'));
      let thrown: unknown;
      try {
        web!.emit('settings.deleted', {});
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(HicareError);
      expect((thrown as HicareError).code).toBe('UNKNOWN_METHOD');
      web!.emit('settings.changed', changed);
      const text = await readUntil(reader, (t) => t.includes('event: settings.changed') && t.endsWith('\n\n'));
      expect(text).not.toContain('settings.deleted');
    } finally {
      controller.abort();
    }
  });

  it('refuses to emit a declared event whose payload breaks the contract', async () => {
    await start();
    expect(() => web!.emit('updates.available', { count: -1, checkedAt: 'yesterday' })).toThrow();
  });

  it('close() ends open streams', async () => {
    await start();
    const res = await fetch(`${web!.url}/api/events?token=${encodeURIComponent(web!.token)}`);
    const reader = res.body!.getReader();
    await readUntil(reader, (t) => t.includes(': connected'));
    const closing = web!.close();
    web = undefined;
    await expect(readUntil(reader, () => false)).rejects.toThrow(/ended early/);
    await closing;
  });
});
