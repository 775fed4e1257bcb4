/** What a file is by its bytes, and whether the desktop may send it: the rules the portal enforces, applied first. */
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contracts/requests.js';
import { attachableType, checkDeclaredType, sniffType } from '../../../shared/domain/attachment-type.js';
import { HicareError } from '../../../shared/errors.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffType', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['a gzip archive', bytes(0x1f, 0x8b, 0x08, 0), 'application/gzip'],
    ['a zip archive', bytes(0x50, 0x4b, 0x03, 0x04), 'application/zip'],
    ['an ELF program', bytes(0x7f, 0x45, 0x4c, 0x46, 2), 'executable'],
    ['a Windows program', bytes(0x4d, 0x5a, 0x90, 0), 'executable'],
    ['a log in UTF-8 with accents and CJK', text('ERROR Überlauf 队列 \u001b[31mred\u001b[0m\r\n'), 'text/plain'],
    ['JSON', text('{"queue": 9120}'), 'application/json'],
    ['bytes that are not UTF-8', bytes(0x41, 0xc3, 0x28), null],
    ['an overlong UTF-8 form', bytes(0xc0, 0xaf), null],
    ['a NUL in text', bytes(0x41, 0x00, 0x42), null],
  ])('%s', (_, data, expected) => {
    expect(sniffType(data)).toBe(expected);
  });
});

describe('attachableType (the desktop, before anything is sent)', () => {
  it('declares a file as what its bytes show', () => {
    expect(attachableType('agent.log', text('WARN queue depth\n'))).toBe('text/plain');
  });

  it.each<[string, Uint8Array, string, RegExp]>([
    [
      'too large',
      new Uint8Array(ATTACHMENT_MAX_BYTES + 1).fill(0x61),
      'ATTACHMENT_TOO_LARGE',
      /^The file f is 5\.0 MiB; at most 5 MiB can be attached\.$/,
    ],
    ['a program', bytes(0x7f, 0x45, 0x4c, 0x46, 2), 'ATTACHMENT_TYPE_REFUSED', /^The file f is a program\.$/],
    [
      'binary of no known kind',
      bytes(0x00, 0x01, 0x02),
      'ATTACHMENT_TYPE_REFUSED',
      /^The file f is not a kind of file the portal accepts\.$/,
    ],
  ])('refuses a file that is %s, in plain words with a remedy', (_, data, code, message) => {
    try {
      attachableType('f', data);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HicareError);
      expect(error).toMatchObject({
        code,
        message: expect.stringMatching(message),
        remedy: expect.stringMatching(/\S/),
      });
    }
  });
});

describe('checkDeclaredType (the portal)', () => {
  it('takes JSON declared as text but not a program declared as an image', () => {
    expect(checkDeclaredType('text/plain; charset=utf-8', text('{"a":1}'))).toBe('text/plain');
    expect(() => checkDeclaredType('image/png', bytes(0x4d, 0x5a, 0x90, 0))).toThrow(
      /declared as image\/png but its content is a program/,
    );
  });
});
