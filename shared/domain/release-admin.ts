/** What the vendor's release list says of a release beyond its verdicts. */
import { parseVersion } from './release.js';

export type ReleaseStep = 'major' | 'minor' | 'patch';

/** x.0.0 opens a line, x.y.0 adds features, x.y.z fixes; a preview counts as the release it previews. */
export function releaseStep(version: string): ReleaseStep {
  const v = parseVersion(version);
  if (v.minor === 0 && v.patch === 0) return 'major';
  return v.patch === 0 ? 'minor' : 'patch';
}
