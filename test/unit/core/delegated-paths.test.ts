/**
 * The compiled delegated-path test answers exactly as tuf-js's own matcher for the product delegations' patterns
 * (and hands any other pattern to it), and tuf-js still has the role loader a product listing relies on.
 */
import { Targets } from '@tufjs/models';
import { Updater } from 'tuf-js';
import { describe, expect, it } from 'vitest';
import { delegatedPathTest } from '../../../electron/core/trust/delegated-paths.js';

function role(paths: string[]) {
  const top = Targets.fromJSON({
    _type: 'targets',
    spec_version: '1.0.31',
    version: 1,
    expires: '2099-01-01T00:00:00Z',
    targets: {},
    delegations: { keys: {}, roles: [{ name: 'r', keyids: [], threshold: 1, terminating: true, paths }] },
  });
  return top.delegations!.roles!['r']!;
}

const NAMES = [
  'alpha/1.0.0/linux-x64/alpha-1.0.0-linux-x64.tar.gz',
  'alpha/1.0.0/linux-x64/sub/deeper',
  'alpha/1.0.0/linux-x64/a/b/c',
  'alpha/1.0.0',
  'alpha',
  'alpha/',
  'alpha//x',
  'alpha/.hidden/x',
  'alphabet/1.0.0/x',
  'beta/1.0.0/linux-x64/beta.tar.gz',
  'Alpha/1.0.0/x',
];

describe('delegated paths', () => {
  it.each([
    [['alpha/*', 'alpha/*/*', 'alpha/*/*/*', 'alpha/*/*/*/*']],
    [['alpha/*/linux-x64/*']],
    [['alpha/1.?.0/*', 'alp*/*']],
    [['*']],
  ])('answers %j as tuf-js does', (paths) => {
    const delegated = role(paths);
    const test = delegatedPathTest(delegated);
    for (const name of NAMES) expect([name, test(name)]).toEqual([name, delegated.isDelegatedPath(name)]);
  });

  it("tuf-js's updater still loads a delegated role by name", () => {
    expect(typeof (Updater.prototype as unknown as Record<string, unknown>)['loadTargets']).toBe('function');
  });
});
