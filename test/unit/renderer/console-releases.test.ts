import { describe, expect, it } from 'vitest';
import { LINE_PHASES } from '../../../shared/contracts/admin/releases.js';
import { en } from '../../../shared/i18n/catalogs/en/index.js';
import { parseReleaseId, phaseKey, releaseId } from '../../../renderer/src/screens/console/releases/release-id.js';

describe('a release’s address word in the console', () => {
  it.each([
    ['atlas', '1.9.0'],
    ['cobalt', '5.0.0-rc.1'],
    ['beacon', '2.1.4+build.7'],
  ])('reads %s %s back from the word it writes', (product, version) => {
    expect(parseReleaseId(releaseId(product, version))).toEqual({ product, version });
  });

  it.each(['', 'atlas', '@1.9.0', 'atlas@', 'atlas@1.9.0@x'])('names no release in %j', (id) => {
    expect(parseReleaseId(id)).toBeNull();
  });
});

describe('the line phases as word keys', () => {
  it.each(LINE_PHASES)('has words for %s', (phase) => {
    expect(en.admin.releases.phases[phaseKey(phase)]).toEqual(expect.any(String));
  });
});
