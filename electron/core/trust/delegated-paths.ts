/**
 * Whether a delegation hands a target name to its role, answered fast enough to ask for every entry of a listing.
 * tuf-js's `DelegatedRole#isDelegatedPath` compiles a glob per name segment on every call (~27 µs a name: about
 * 3 s for 100,000 names). The portal's product delegations use only literal segments and `*` (the product, then
 * one to four `*` segments), which are compiled here once with the same meaning: the same number of
 * segments, a literal matches itself, `*` any non-empty segment not starting with a dot. Any other pattern is
 * left to tuf-js's own matcher.
 */
import type { Targets } from '@tufjs/models';

type DelegatedRole = NonNullable<NonNullable<Targets['delegations']>['roles']>[string];

const LITERAL = /^[A-Za-z0-9_.-]+$/;

type SegmentTest = (segment: string) => boolean;

function compileSegment(pattern: string): SegmentTest | undefined {
  if (pattern === '*') return (segment) => segment.length > 0 && !segment.startsWith('.');
  return LITERAL.test(pattern) ? (segment) => segment === pattern : undefined;
}

function compilePattern(pattern: string): ((segments: readonly string[]) => boolean) | undefined {
  const tests: SegmentTest[] = [];
  for (const part of pattern.split('/')) {
    const test = compileSegment(part);
    if (test === undefined) return undefined;
    tests.push(test);
  }
  return (segments) => segments.length === tests.length && tests.every((test, i) => test(segments[i]!));
}

/** The role's path delegation as one test of a name. */
export function delegatedPathTest(role: DelegatedRole): (name: string) => boolean {
  const paths = role.paths;
  if (paths === undefined) return (name) => role.isDelegatedPath(name);
  const compiled = paths.map(compilePattern);
  if (compiled.some((test) => test === undefined)) return (name) => role.isDelegatedPath(name);
  const tests = compiled as ((segments: readonly string[]) => boolean)[];
  return (name) => {
    const segments = name.split('/');
    return tests.some((test) => test(segments));
  };
}
