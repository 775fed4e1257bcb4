import { describe, expect, it } from 'vitest';
import { acceptsGzip, gzipEtag } from '../../../portal/http/metadata-encoding.js';

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['identity', false],
    ['gzip', true],
    ['GZIP', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['gzip;q=0', false],
    ['gzip; q=0', false],
    ['gzip;q=0.001', true],
    ['*', true],
    ['*;q=0', false],
    ['*, gzip;q=0', false],
    ['deflate', false],
    [['deflate', 'gzip'], true],
  ] as const)('%j → %s', (header, expected) => {
    expect(acceptsGzip(header as string | string[] | undefined)).toBe(expected);
  });
});

describe('gzipEtag', () => {
  it('names the gzipped form apart from the plain one, inside the quotes', () => {
    expect(gzipEtag('"sha256-ab12"')).toBe('"sha256-ab12-gzip"');
  });
});
