/**
 * Turning what a file, a command or the OS says about a version into a comparable one: a semver-looking
 * `MAJOR.MINOR.PATCH[-pre]`, or null when the text names no version at all.
 */
import semver from 'semver';
import { HicareError } from '../../../shared/errors.js';

/** The longest text a rule's regex is run over: version files and command outputs are short. */
export const MAX_VERSION_SOURCE = 64 * 1024;

const LEADING =
  /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z.-]+)?(?![0-9A-Za-z.+-])/;

/**
 * `v4.2.1` → `4.2.1`, `4.2` → `4.2.0`, `4.2.1.1234` (Windows' four parts) → `4.2.1`, `4.2.1-rc.1` stays,
 * build metadata goes, leading zeros go; anything that does not start with a number → null.
 */
export function normaliseVersion(raw: string): string | null {
  const line = raw.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  const text = line.replace(/^[vV](?=\d)/, '');
  const m = LEADING.exec(text);
  if (m === null) return null;
  const core = [m[1], m[2], m[3]].map((part) => String(Number(part ?? '0'))).join('.');
  const candidate = `${core}${m[5] ?? ''}`;
  return semver.valid(candidate) ?? semver.valid(core);
}

/** Compiles a rule's regex; the catalog is signed, but a typo in it must still fail as a clear detection error. */
export function ruleRegex(source: string): RegExp {
  try {
    return new RegExp(source, 'm');
  } catch (e) {
    throw new HicareError(
      'DETECTION_FAILED.badPattern',
      { pattern: JSON.stringify(source) },
      {
        regex: source,
        cause: e instanceof Error ? e.message : String(e),
      },
    );
  }
}

/** The first capture group of the first match (the whole match when the pattern has no group), or null. */
export function matchVersion(text: string, regex: RegExp): string | null {
  const m = regex.exec(text.slice(0, MAX_VERSION_SOURCE));
  if (m === null) return null;
  return m.length > 1 ? (m[1] ?? null) : m[0];
}

/** Equal as versions (`4.2.1` and `4.2.1+build7` are the same release). */
export function sameVersion(a: string, b: string): boolean {
  const x = semver.valid(a);
  const y = semver.valid(b);
  return x !== null && y !== null && semver.eq(x, y);
}
