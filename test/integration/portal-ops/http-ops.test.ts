/**
 * What an operator sees of every request, on a real loopback listener: a request id echoed and on every log line,
 * one JSON line per request, a 5xx logged with its cause while the body stays plain, no secrets in the log, and
 * the coded body for what Node's parser and Fastify's router refuse (431, 405, bad addresses, bad lengths).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { portalApi } from '../../../shared/contracts/portal-api.js';
import type { Account } from '../../../shared/contracts/accounts.js';
import { HicareError } from '../../../shared/errors.js';
import { createPortalApp } from '../../../portal/http/app.js';
import { registerEndpoint, type Authenticate } from '../../../portal/http/endpoints.js';

const engineer: Account = {
  id: 'eng-1',
  email: 'eng@vendor.example',
  name: 'Eve Engineer',
  role: 'engineer',
  customerId: null,
};
const authenticate: Authenticate = async (bearer) => {
  if (bearer === 'engineer-token') return { account: engineer, tokenId: 't1' };
  throw new HicareError('UNAUTHENTICATED');
};

type LogLine = Record<string, unknown> & { level: number; msg?: string; requestId?: string };
const lines: LogLine[] = [];
let app: FastifyInstance;
let base: string;
let port: number;

beforeAll(async () => {
  app = createPortalApp({
    version: '0.1.0',
    logger: { level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } },
  });
  registerEndpoint(app, portalApi.me, authenticate, async ({ caller }) => caller.account);
  // A route whose code fails the way a bug does: a plain Error with internals in its message.
  registerEndpoint(
    app,
    portalApi.contracts,
    async () => ({ account: { ...engineer, role: 'customer-admin' }, tokenId: 't2' }),
    async () => {
      throw new Error('ENOENT: no such file, open /srv/portal/secret-path/contracts.db');
    },
  );
  // A sign-in that logs what it was given, as careless code might: the password must not reach the log.
  registerEndpoint(app, portalApi.signIn, authenticate, async ({ body, request }) => {
    request.log.info({ body, headers: request.headers }, 'sign-in attempt');
    throw new HicareError('INVALID_CREDENTIALS');
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  port = Number(new URL(base).port);
});

afterAll(async () => {
  await app.close();
});

/** Log lines of one request, waited for: pino writes after the response has gone. */
async function linesOf(requestId: string, atLeast = 1): Promise<LogLine[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = lines.filter((l) => l.requestId === requestId);
    if (found.length >= atLeast || Date.now() > deadline) return found;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Sends bytes as they are and returns what came back before the portal closed or went quiet. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      // A complete answer: headers and a body of the announced length.
      const [head, body] = answer.split('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(head ?? '')?.[1];
      if (body !== undefined && length !== undefined && Buffer.byteLength(body) >= Number(length)) socket.end();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(request);
  });
}

function parseRaw(answer: string): { status: number; headers: Record<string, string>; body: Record<string, unknown> } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((h) => [h.slice(0, h.indexOf(':')).toLowerCase(), h.slice(h.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as Record<string, unknown> };
}

describe('request ids and the log', () => {
  it('keeps a sane incoming X-Request-Id, echoes it and puts it on the request’s log line', async () => {
    const res = await fetch(`${base}/api/v1/me`, {
      headers: { authorization: 'Bearer engineer-token', 'x-request-id': 'lb-7f3a9c21-0001' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a9c21-0001');
    const [line] = await linesOf('lb-7f3a9c21-0001');
    expect(line).toMatchObject({
      msg: 'answered',
      method: 'GET',
      route: '/api/v1/me',
      status: 200,
      service: 'hicare-portal',
    });
    expect(typeof line?.['time']).toBe('string');
  });

  it.each([
    ['too long', 'x'.repeat(500)],
    ['with characters that could forge log lines', 'abcdefgh"}{"level":60'],
    ['too short to be unique', 'a'],
  ])('replaces an incoming id that is %s with one of its own', async (_, given) => {
    const res = await fetch(`${base}/api/v1/me`, {
      headers: { authorization: 'Bearer engineer-token', 'x-request-id': given },
    });
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await linesOf(id)).length).toBe(1);
  });

  it('makes an id when none is sent, also for a refused call, and logs a 4xx without an error', async () => {
    const res = await fetch(`${base}/api/v1/me`);
    expect(res.status).toBe(401);
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).not.toBe('');
    const logged = await linesOf(id);
    expect(logged.map((l) => [l.msg, l['status'], l.level])).toEqual([['answered', 401, 30]]);
  });

  it('logs a 5xx once with its cause and stack, and answers in plain words', async () => {
    const res = await fetch(`${base}/api/v1/contracts`, { headers: { authorization: 'Bearer any' } });
    expect(res.status).toBe(500);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      code: 'INTERNAL',
      key: 'INTERNAL.portalFailed',
      message: 'The portal failed to handle this request.',
      remedy: 'Try again later; if it persists, contact the vendor.',
    });
    const id = res.headers.get('x-request-id') ?? '';
    const logged = await linesOf(id, 2);
    const errors = logged.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    const err = errors[0]?.['err'] as { message: string; stack: string };
    expect(err.message).toContain('ENOENT');
    expect(err.stack).toContain('http-ops.test.ts');
    expect(logged.find((l) => l.msg === 'answered')?.['status']).toBe(500);
  });

  it('keeps passwords and authorization headers out of the log', async () => {
    const res = await fetch(`${base}/api/v1/sessions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer very-secret-bearer',
        cookie: 'session=very-secret-cookie',
      },
      body: JSON.stringify({ email: 'eng@vendor.example', password: 'very-secret-password' }),
    });
    expect(res.status).toBe(401);
    const logged = await linesOf(res.headers.get('x-request-id') ?? '', 2);
    const text = JSON.stringify(logged);
    expect(text).toContain('sign-in attempt');
    expect(text).toContain('eng@vendor.example');
    for (const secret of ['very-secret-password', 'very-secret-bearer', 'very-secret-cookie'])
      expect(text).not.toContain(secret);
  });
});

describe('what Fastify and Node refuse, in the coded body', () => {
  it('answers an unsupported method on a known path with 405 and Allow, not 404', async () => {
    const res = await fetch(`${base}/api/v1/me`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED', details: { allow: ['GET', 'HEAD'] } });
    expect(res.headers.get('x-request-id')).not.toBeNull();
  });

  it('still answers an unknown path with 404', async () => {
    const res = await fetch(`${base}/api/v1/nothing/here`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('answers headers that are too large with 431 HEADERS_TOO_LARGE', async () => {
    const answer = parseRaw(
      await raw(`GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(40_000)}\r\n\r\n`),
    );
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.body).toMatchObject({ code: 'HEADERS_TOO_LARGE' });
    expect(String(answer.body['remedy'])).not.toBe('');
  });

  it.each<[string, string, string]>([
    [
      'a Content-Length that is not a number',
      'POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n',
      'Content-Length',
    ],
    ['a method HTTP does not know', 'FETCHALL /api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n', 'method'],
    ['a malformed header line', 'GET /api/v1/me HTTP/1.1\r\nHost: x\r\nNo Colon Here\r\n\r\n', 'header'],
    ['something that is not HTTP', 'hello portal\r\n\r\n', 'HTTP'],
  ])('answers %s with a coded 400', async (_, request, words) => {
    const answer = parseRaw(await raw(request));
    expect(answer.status).toBe(400);
    expect(answer.body['code']).toBe('INVALID_INPUT');
    expect(String(answer.body['message'])).toContain(words);
    expect(JSON.stringify(answer.body)).not.toMatch(/HPE_|Client Error/);
  });

  it('answers an address with broken percent-encoding with a coded 400 that does not echo it', async () => {
    const answer = parseRaw(
      await raw('GET /api/v1/requests/%E0%A4%A<script> HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    );
    expect(answer.status).toBe(400);
    expect(answer.body['code']).toBe('INVALID_INPUT');
    expect(JSON.stringify(answer.body)).not.toContain('script');
    expect(JSON.stringify(answer.body)).not.toContain('FST_');
  });
});
