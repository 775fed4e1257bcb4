import { describe, expect, it } from 'vitest';
import { releaseStep, type ReleaseStep } from '../../../shared/domain/release-admin.js';

describe('what a release is within its line', () => {
  it.each<[string, ReleaseStep]>([
    ['2.0.0', 'major'],
    ['2.1.0', 'minor'],
    ['2.1.3', 'patch'],
    ['3.0.0-rc.1', 'major'],
    ['1.9.0+b7', 'minor'],
  ])('%s is a %s release', (version, step) => {
    expect(releaseStep(version)).toBe(step);
  });

  it('refuses a version that is not strict semver, with its coded error', () => {
    expect(() => releaseStep('v2.0')).toThrow(expect.objectContaining({ code: 'INVALID_VERSION' }));
  });
});
