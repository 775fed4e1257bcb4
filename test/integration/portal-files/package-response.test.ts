/**
 * Package responses as a download client sees them on a real loopback portal: whole files, HEAD, every Range form,
 * the conditional headers of a resume, the coded 416/404/500 answers, and the headers that keep authorized bytes
 * out of shared caches.
 */
import { randomBytes } from 'node:crypto';
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, parseRange } from '../../../portal/http/file-response.js';
import { cleanup, rawRequest, sha256, startFilePortal, tempDir, type FilePortal } from './helpers.js';

const CONTENT = randomBytes(10_000);
const LENGTH = CONTENT.length;
const ETAG = `"sha256-${sha256(CONTENT)}"`;
const MTIME = new Date('2026-02-03T04:05:06Z');

let portal: FilePortal;
let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await tempDir();
  portal = await startFilePortal();
  const path = join(dir, 'pkg.tar.gz');
  await writeFile(path, CONTENT);
  await utimes(path, MTIME, MTIME);
  portal.files.set('pkg', {
    path,
    length: LENGTH,
    sha256: sha256(CONTENT),
    downloadName: 'hicare-server-2.4.1.tar.gz',
  });
  await writeFile(join(dir, 'empty'), '');
  portal.files.set('empty', {
    path: join(dir, 'empty'),
    length: 0,
    sha256: sha256(Buffer.alloc(0)),
    downloadName: 'empty.bin',
  });
  portal.files.set('missing', {
    path: join(dir, 'gone.tar.gz'),
    length: 10,
    sha256: 'a'.repeat(64),
    downloadName: 'gone.tar.gz',
  });
  portal.files.set('longer', { path, length: LENGTH + 1, sha256: sha256(CONTENT), downloadName: 'x.tar.gz' });
  portal.files.set('shorter', { path, length: LENGTH - 1, sha256: sha256(CONTENT), downloadName: 'x.tar.gz' });
  portal.files.set('unicode', {
    path,
    length: LENGTH,
    sha256: sha256(CONTENT),
    downloadName: 'Übersicht «2.0» "final".tar.gz',
    contentType: 'application/gzip',
  });
});

afterAll(cleanup);

/** GET (or another method) on a served file; each call gets its own delivery tag. */
async function get(key: string, headers: Record<string, string> = {}, method = 'GET') {
  const tag = `t${++counter}`;
  const res = await rawRequest(portal.base, `/files/${key}?tag=${tag}`, { method, headers });
  return { ...res, delivery: () => portal.delivery(tag) };
}

function jsonOf(body: Buffer): Record<string, unknown> {
  return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
}

describe('whole files', () => {
  it('sends the whole file with its validators, length, download name and private caching', async () => {
    const res = await get('pkg');
    expect(res.status).toBe(200);
    expect(res.body.equals(CONTENT)).toBe(true);
    expect(res.headers['etag']).toBe(ETAG);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-length']).toBe(String(LENGTH));
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe('attachment; filename="hicare-server-2.4.1.tar.gz"');
    // Survives the app's onSend default of no-store; the app's security headers still apply.
    expect(res.headers['cache-control']).toBe('private, no-transform');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['last-modified']).toBe(MTIME.toUTCString());
    expect(await res.delivery()).toMatchObject({ bytesSent: LENGTH, complete: true, status: 200 });
  });

  it('answers HEAD with the same headers as GET and no body', async () => {
    const [head, full] = [await get('pkg', {}, 'HEAD'), await get('pkg')];
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of [
      'etag',
      'content-length',
      'content-type',
      'content-disposition',
      'cache-control',
      'last-modified',
      'accept-ranges',
    ]) {
      expect(head.headers[name], name).toBe(full.headers[name]);
    }
    expect(await head.delivery()).toMatchObject({ bytesSent: 0, complete: true, status: 200 });
  });

  it('answers HEAD with a range as GET would: 206 and the range, no body', async () => {
    const head = await get('pkg', { range: 'bytes=100-199' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers['content-range']).toBe(`bytes 100-199/${LENGTH}`);
    expect(head.headers['content-length']).toBe('100');
    expect(head.body.length).toBe(0);
  });

  it('encodes a non-ASCII download name with filename* and a safe ASCII fallback, and keeps a given content type', async () => {
    const res = await get('unicode');
    const header = res.headers['content-disposition'] ?? '';
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
    expect(header).not.toMatch(/filename="[^"]*["\\][^"]*";/);
    expect(decodeURIComponent(header.split("UTF-8''")[1] ?? '')).toBe('Übersicht «2.0» "final".tar.gz');
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(contentDisposition('a/b\\c%d.zip')).toBe(
      `attachment; filename="a_b_c_d.zip"; filename*=UTF-8''a%2Fb%5Cc%25d.zip`,
    );
  });

  it('sends an empty file as an empty 200', async () => {
    const res = await get('empty');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('0');
    expect(res.body.length).toBe(0);
    expect(await res.delivery()).toMatchObject({ bytesSent: 0, complete: true, status: 200 });
  });
});

describe('ranges', () => {
  it.each([
    ['bytes=10-19', 10, 19],
    ['bytes=9990-', 9990, LENGTH - 1],
    ['bytes=-25', LENGTH - 25, LENGTH - 1],
    ['bytes=0-0', 0, 0],
    ['bytes=5000-99999999', 5000, LENGTH - 1],
    ['bytes=-50000', 0, LENGTH - 1],
    ['BYTES=1-2', 1, 2],
    ['bytes= 7-8 ,', 7, 8],
  ])('%s → 206 with exactly those bytes', async (range, start, end) => {
    const res = await get('pkg', { range });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${LENGTH}`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.body.equals(CONTENT.subarray(start, end + 1))).toBe(true);
    expect(await res.delivery()).toMatchObject({ bytesSent: end - start + 1, complete: true, status: 206 });
  });

  it('answers several ranges with the whole file (200), as RFC 9110 allows', async () => {
    const res = await get('pkg', { range: 'bytes=0-1,5-6' });
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBeUndefined();
    expect(res.body.equals(CONTENT)).toBe(true);
  });

  it.each(['bytes=abc', 'items=0-5', 'bytes=5-2', 'bytes=-', 'bytes=', 'bytes=1-2-3', '0-5'])(
    'ignores the malformed Range %j: 200 and the whole file',
    async (range) => {
      const res = await get('pkg', { range });
      expect(res.status).toBe(200);
      expect(res.body.equals(CONTENT)).toBe(true);
    },
  );

  it.each([`bytes=${LENGTH}-`, `bytes=${LENGTH + 100}-${LENGTH + 200}`, 'bytes=-0'])(
    '%s → 416 with the length and a coded body',
    async (range) => {
      const res = await get('pkg', { range });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${LENGTH}`);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBeUndefined();
      const body = jsonOf(res.body);
      expect(body).toMatchObject({ code: 'RANGE_NOT_SATISFIABLE' });
      expect(body['remedy']).toBe(`Ask for a range that starts before byte ${LENGTH}.`);
      expect(await res.delivery()).toMatchObject({ bytesSent: 0, complete: false, status: 416 });
    },
  );

  it('answers any range on an empty file with 416', async () => {
    for (const range of ['bytes=0-', 'bytes=-1', 'bytes=0-0']) {
      const res = await get('empty', { range });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe('bytes */0');
      expect(jsonOf(res.body)['code']).toBe('RANGE_NOT_SATISFIABLE');
      expect(String(jsonOf(res.body)['remedy']).length).toBeGreaterThan(0);
    }
  });
});

describe('conditional requests', () => {
  it('honours If-Range with the current ETag: 206', async () => {
    const res = await get('pkg', { range: 'bytes=100-', 'if-range': ETAG });
    expect(res.status).toBe(206);
    expect(res.body.equals(CONTENT.subarray(100))).toBe(true);
  });

  it.each([`"sha256-${'0'.repeat(64)}"`, `W/${ETAG}`, 'not-a-tag-or-date'])(
    'ignores the Range when If-Range is %s: 200 and the whole file',
    async (ifRange) => {
      const res = await get('pkg', { range: 'bytes=100-', 'if-range': ifRange });
      expect(res.status).toBe(200);
      expect(res.headers['content-range']).toBeUndefined();
      expect(res.body.equals(CONTENT)).toBe(true);
    },
  );

  it('honours If-Range with the exact Last-Modified date, and ignores the Range for any other date', async () => {
    const same = await get('pkg', { range: 'bytes=100-199', 'if-range': MTIME.toUTCString() });
    expect(same.status).toBe(206);
    expect(same.body.equals(CONTENT.subarray(100, 200))).toBe(true);
    const other = await get('pkg', {
      range: 'bytes=100-199',
      'if-range': new Date(MTIME.getTime() + 1000).toUTCString(),
    });
    expect(other.status).toBe(200);
    expect(other.body.equals(CONTENT)).toBe(true);
  });

  it('answers 304 without a body when If-None-Match names the current ETag (or *), 200 otherwise', async () => {
    for (const value of [ETAG, `W/${ETAG}`, `"other", ${ETAG}`, '*']) {
      const res = await get('pkg', { 'if-none-match': value });
      expect(res.status, value).toBe(304);
      expect(res.body.length).toBe(0);
      expect(res.headers['etag']).toBe(ETAG);
      expect(res.headers['cache-control']).toBe('private, no-transform');
    }
    const changed = await get('pkg', { 'if-none-match': '"sha256-old"' });
    expect(changed.status).toBe(200);
    expect(changed.body.equals(CONTENT)).toBe(true);
  });

  it('answers 304 for If-Modified-Since at or after Last-Modified, when no If-None-Match is sent', async () => {
    expect((await get('pkg', { 'if-modified-since': MTIME.toUTCString() })).status).toBe(304);
    expect((await get('pkg', { 'if-modified-since': new Date(MTIME.getTime() - 1000).toUTCString() })).status).toBe(
      200,
    );
    expect(
      (await get('pkg', { 'if-modified-since': MTIME.toUTCString(), 'if-none-match': '"sha256-old"' })).status,
    ).toBe(200);
  });
});

describe('store failures', () => {
  it('answers a missing file with a coded 404', async () => {
    const res = await get('missing');
    expect(res.status).toBe(404);
    expect(jsonOf(res.body)).toMatchObject({ code: 'NOT_FOUND' });
    expect(String(jsonOf(res.body)['remedy']).length).toBeGreaterThan(0);
    expect(await res.delivery()).toMatchObject({ bytesSent: 0, complete: false, status: 404 });
  });

  it.each(['longer', 'shorter'])(
    'answers a file whose size is not the signed length (%s) with a coded 500 and no package bytes',
    async (key) => {
      for (const headers of [{}, { range: 'bytes=0-99' }]) {
        const res = await get(key, headers);
        expect(res.status).toBe(500);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body.includes(CONTENT.subarray(0, 32))).toBe(false);
        const body = jsonOf(res.body);
        expect(body['code']).toBe('INTERNAL');
        expect(String(body['remedy']).length).toBeGreaterThan(0);
        expect(await res.delivery()).toMatchObject({ bytesSent: 0, complete: false, status: 500 });
      }
    },
  );
});

describe('parseRange', () => {
  it('reads each form against the length', () => {
    expect(parseRange(undefined, 10)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=2-4', 10)).toEqual({ kind: 'partial', start: 2, end: 4 });
    expect(parseRange('bytes=-3', 10)).toEqual({ kind: 'partial', start: 7, end: 9 });
    expect(parseRange('bytes=10-', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1, 4-5', 10)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=99999999999999999999-', 10)).toEqual({ kind: 'unsatisfiable' });
  });
});
