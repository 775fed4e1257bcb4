/** The strict reading of an answer's head: what is accepted, and every ambiguity that is refused instead of guessed. */
import { describe, expect, it } from 'vitest';
import { ChunkedBody } from '../../../../electron/core/downloads/chunked-body.js';
import {
  bodyFraming,
  HEAD_LIMIT,
  HeadError,
  parseResponseHead,
} from '../../../../electron/core/downloads/http-response-head.js';

const head = (text: string) => Buffer.from(text, 'latin1');
const parse = (text: string) => parseResponseHead(head(text), head(text).length);

describe('a good head', () => {
  it.each([
    ['HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello', 200, { kind: 'length', bytes: 5 }],
    ['HTTP/1.1 206 Partial Content\r\ncontent-length: 0\r\n\r\n', 206, { kind: 'length', bytes: 0 }],
    ['HTTP/1.0 200 OK\r\n\r\nrest until close', 200, { kind: 'close' }],
    ['HTTP/1.1 404\r\nTransfer-Encoding: chunked\r\n\r\n', 404, { kind: 'chunked' }],
    ['HTTP/1.1 304 Not Modified\r\nETag: "a"\r\n\r\n', 304, { kind: 'length', bytes: 0 }],
  ])('%j is read with its status and framing', (text, status, framing) => {
    const parsed = parse(text);
    expect(parsed?.head.status).toBe(status);
    expect(bodyFraming(parsed!.head)).toEqual(framing);
    expect(text.slice(parsed!.bodyStart)).toBe(text.split('\r\n\r\n')[1]);
  });

  it('keeps field values trimmed, names lower-cased, and repeated fields joined', () => {
    const parsed = parse('HTTP/1.1 200 OK\r\nETag:  "v1" \r\nVary: a\r\nvary: b\r\n\r\n');
    expect(parsed?.head.headers.get('etag')).toBe('"v1"');
    expect(parsed?.head.headers.get('vary')).toBe('a, b');
  });

  it('is found however the reads split it, and not before its end has arrived', () => {
    const text = 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc';
    const bytes = head(text);
    const end = text.indexOf('\r\n\r\n') + 4;
    for (let cut = 0; cut < end; cut += 1) expect(parseResponseHead(bytes, cut)).toBeUndefined();
    expect(parseResponseHead(bytes, end)?.bodyStart).toBe(end);
  });
});

describe('a bad head is refused', () => {
  it.each([
    ['a status line that is not HTTP', 'HTTX/1.1 200 OK\r\n\r\n'],
    ['HTTP/2 in an HTTP/1.1 exchange', 'HTTP/2 200\r\n\r\n'],
    ['a status that is not three digits', 'HTTP/1.1 2000 OK\r\n\r\n'],
    ['a bare LF inside the head', 'HTTP/1.1 200 OK\nContent-Length: 1\r\n\r\n'],
    ['a folded header line (obs-fold)', 'HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\n\r\n'],
    ['a space in a field name', 'HTTP/1.1 200 OK\r\nContent Length: 1\r\n\r\n'],
    ['a line without a colon', 'HTTP/1.1 200 OK\r\nnonsense\r\n\r\n'],
    ['a control character in a value', 'HTTP/1.1 200 OK\r\nX-A: a\x00b\r\n\r\n'],
    ['two Content-Length fields', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n'],
    ['two Content-Range fields', 'HTTP/1.1 206 OK\r\nContent-Range: bytes 0-1/2\r\nContent-Range: bytes 0-1/2\r\n\r\n'],
  ])('%s', (_what, text) => {
    expect(() => parse(text)).toThrow(HeadError);
  });

  it.each([
    ['a length beside chunked framing', 'Content-Length: 5\r\nTransfer-Encoding: chunked'],
    ['a transfer coding other than chunked', 'Transfer-Encoding: gzip'],
    ['a length that is not a number', 'Content-Length: 5, 5'],
    ['a negative length', 'Content-Length: -1'],
  ])('%s', (_what, fields) => {
    const parsed = parse(`HTTP/1.1 200 OK\r\n${fields}\r\n\r\n`);
    expect(() => bodyFraming(parsed!.head)).toThrow(HeadError);
  });

  it('when it grows past the limit without ending', () => {
    const endless = head(`HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(HEAD_LIMIT)}`);
    expect(() => parseResponseHead(endless, endless.length)).toThrow(HeadError);
  });
});

describe('a chunked body', () => {
  const body = 'the words of an error, sent in pieces';
  const framed = Buffer.from(
    `5\r\n${body.slice(0, 5)}\r\n1a;ext=1\r\n${body.slice(5, 31)}\r\n6\r\n${body.slice(31)}\r\n0\r\nX-T: 1\r\n\r\n`,
  );

  it('is decoded in place, whatever the reads split it into', () => {
    for (const size of [1, 2, 3, 7, 64]) {
      const decoder = new ChunkedBody();
      const out: string[] = [];
      for (let at = 0; at < framed.length; at += size) {
        const piece = Buffer.from(framed.subarray(at, at + size));
        const bytes = decoder.decode(piece, 0, piece.length);
        out.push(piece.toString('latin1', 0, bytes));
      }
      expect(out.join('')).toBe(body);
      expect(decoder.done).toBe(true);
    }
  });

  it.each([
    ['a size that is not hexadecimal', 'zz\r\nabc\r\n0\r\n\r\n'],
    ['a chunk that does not end in CRLF', '3\r\nabcX\r\n0\r\n\r\n'],
    ['a size line that ends in a bare LF', '3\nabc\r\n0\r\n\r\n'],
    ['a size line that never ends', `${'0'.repeat(2000)}`],
  ])('is refused with %s', (_what, text) => {
    const bytes = Buffer.from(text, 'latin1');
    expect(() => new ChunkedBody().decode(bytes, 0, bytes.length)).toThrow(HeadError);
  });
});
