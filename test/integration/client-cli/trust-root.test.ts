/**
 * `hicare trust ROOT` checks a root completely before trusting it: real roots made with fresh keys, each spoiled one
 * way, and files that are no root at all. Each is refused with its code, its plain words and a remedy naming the
 * command; the trusted root stays as it was. A good root is trusted only when confirmed (--yes in a script).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRoot, type RootFlaw } from '../trust-roots.js';
import { INTERNAL_TEXT, runHicare } from './run-hicare.js';

let dir = '';
let home = '';
let trusted = '';

function hicare(args: string[]) {
  return runHicare(args, { HICARE_HOME: home, HICARE_PORTAL: 'http://127.0.0.1:9' });
}

async function trustSetting(): Promise<unknown> {
  return (JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as { settings: { trustRootPath: unknown } })
    .settings.trustRootPath;
}

async function rootFile(name: string, flaw: RootFlaw): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, makeRoot(flaw));
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-trust-'));
  home = join(dir, 'home');
  trusted = await rootFile('good.root.json', 'none');
  const first = await hicare(['trust', trusted, '--yes']);
  expect(first.code, first.stderr).toBe(0);
});

afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('hicare trust', () => {
  it('asks before trusting: without a terminal and without --yes nothing is trusted and it exits 10 with the fingerprint shown', async () => {
    const other = await rootFile('other.root.json', 'none');
    const run = await hicare(['trust', other]);
    expect(run.code).toBe(10);
    expect(run.stderr).toMatch(/fingerprint \(SHA-256\): ([0-9A-F]{4} ){15}[0-9A-F]{4}/);
    expect(run.stderr).toMatch(/^error CONFIRMATION_REQUIRED: Nothing was trusted\./m);
    expect(run.stderr).toContain(`hicare trust ${other} --yes`);
    expect(await trustSetting()).toBe(trusted);
  });

  it('trusts a complete root with --yes and shows its fingerprint, version and expiry', async () => {
    const other = await rootFile('next.root.json', 'none');
    const run = await hicare(['--json', 'trust', other, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      trustRootPath: other,
      version: 1,
      fingerprint: expect.stringMatching(/^[0-9A-F ]{79}$/),
    });
    expect(await trustSetting()).toBe(other);
    expect((await hicare(['trust', trusted, '--yes'])).code).toBe(0);
  });

  const refusals: [string, () => Promise<string>, number, string, RegExp][] = [
    [
      'an expired root',
      () => rootFile('expired.json', 'expired'),
      4,
      'TRUST_ROOT_EXPIRED',
      /expired on \d{1,2} \w{3} \d{4}/,
    ],
    [
      'an unsigned root (signatures removed)',
      () => rootFile('unsigned.json', 'unsigned'),
      4,
      'TRUST_ROOT_UNSIGNED',
      /is not signed by 1 of its own root keys/,
    ],
    [
      'a root signed by a key it does not list',
      () => rootFile('stranger.json', 'signed-by-stranger'),
      4,
      'TRUST_ROOT_UNSIGNED',
      /is not signed by 1 of its own root keys/,
    ],
    [
      'a root whose snapshot threshold is 0',
      () => rootFile('threshold0.json', 'threshold-0'),
      4,
      'TRUST_ROOT_INVALID',
      /lets its snapshot role sign with 0 keys/,
    ],
    ['an endless file (/dev/zero)', async () => '/dev/zero', 4, 'TRUST_ROOT_INVALID', /larger than 1024 KiB/],
    [
      'a file that is not JSON',
      async () => (await writeFile(join(dir, 'notes.txt'), 'root: the one from the vendor\n'), join(dir, 'notes.txt')),
      4,
      'TRUST_ROOT_INVALID',
      /is not JSON\./,
    ],
    [
      'JSON that is no root',
      async () => (
        await writeFile(join(dir, 'targets.json'), '{"signed":{"_type":"targets"},"signatures":[]}'),
        join(dir, 'targets.json')
      ),
      4,
      'TRUST_ROOT_INVALID',
      /is not TUF root metadata\./,
    ],
    [
      'a missing file',
      async () => join(dir, 'nowhere', 'root.json'),
      7,
      'NOT_FOUND',
      /There is no trust root at .*nowhere\/root\.json\./,
    ],
    ['a folder', async () => dir, 1, 'INVALID_INPUT', /is a folder, where a file is needed/],
    [
      'a path too long for the system',
      async () => join(dir, 'x'.repeat(5000)),
      1,
      'INVALID_INPUT',
      /too long for this system/,
    ],
  ];

  it.each(refusals)(
    'refuses %s with its code and remedy, and the trusted root stays',
    async (_what, make, exit, code, words) => {
      const file = await make();
      const run = await hicare(['trust', file, '--yes']);
      expect(run.code, run.stderr).toBe(exit);
      expect(run.stderr).toMatch(new RegExp(`^error ${code}: `, 'm'));
      expect(run.stderr).toMatch(words);
      expect(run.stderr).toContain('hicare trust <portal data>/tuf/1.root.json');
      expect(run.stderr).not.toMatch(INTERNAL_TEXT);
      expect(await trustSetting()).toBe(trusted);
    },
  );
});
