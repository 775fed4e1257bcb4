/**
 * `hicare-portal publish-app` refusing what it cannot sign: each bad input is a coded error with exit 1 (or a usage
 * error with exit 2), and none of them signs anything or leaves a file in the repository.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initKeys } from '../../../portal/tuf/keys.js';
import { initRepository } from '../../../portal/tuf/repository.js';
import { cliEnv, runCli } from '../portal-cli/cli.js';
import { installer, publishApp, signedVersions, storedAppFiles } from './helpers.js';

let dir = '';
let data = '';
let repoDir = '';
let good = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-publish-app-'));
  data = join(dir, 'data');
  repoDir = join(data, 'tuf');
  await initKeys(join(data, 'keys'));
  await initRepository({ repoDir, keysDir: join(data, 'keys') });
  await mkdir(join(dir, 'in'));
  good = (await installer(join(dir, 'in'), 'hicare-update-manager-0.2.0-x86_64.AppImage', 100_000)).path;
  const published = await publishApp(data, ['--file', good, '--version', '0.2.0', '--os', 'linux', '--arch', 'x64']);
  if (published.code !== 0) throw new Error(`the first publish failed: ${published.stderr}`);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('publish-app', () => {
  it('prints its help with every flag and exits 0', async () => {
    const help = await runCli(['publish-app', '--help'], cliEnv({ HICARE_PORTAL_DATA: data }));
    expect(help.code).toBe(0);
    for (const flag of ['--file', '--version', '--os', '--arch', '--notes', '--notes-file', 'latest-linux.yml'])
      expect(help.stdout).toContain(flag);
    const main = await runCli(['--help'], cliEnv({}));
    expect(main.stdout).toContain('publish-app');
  });

  it('refuses every bad input with its code and exit status, and signs and stores nothing', async () => {
    const inputs = join(dir, 'in');
    const spaced = (await installer(inputs, 'Hi-Care Update Manager-0.3.0.AppImage', 1000)).path;
    const empty = join(inputs, 'hicare-update-manager-0.3.0-empty.AppImage');
    await writeFile(empty, '');
    const other = (await installer(join(dir), 'hicare-update-manager-0.2.0-x86_64.AppImage', 100_000)).path;
    const folder = join(inputs, 'hicare-update-manager-0.3.0.d');
    await mkdir(folder);
    const valid = (version = '0.3.0') => ['--file', good, '--version', version, '--os', 'linux', '--arch', 'x64'];
    const before = await signedVersions(repoDir);
    const filesBefore = await storedAppFiles(repoDir);

    const cases: [string, string[], number, string][] = [
      ['no --file', ['--version', '0.3.0', '--os', 'linux', '--arch', 'x64'], 2, 'Missing --file'],
      ['an unknown flag', [...valid(), '--channel', 'beta'], 2, "Unknown option '--channel'"],
      ['both kinds of notes', [...valid(), '--notes', 'a', '--notes-file', good], 2, 'not both'],
      [
        'a file that does not exist',
        ['--file', join(inputs, 'missing.AppImage'), '--version', '0.3.0', '--os', 'linux', '--arch', 'x64', '--json'],
        1,
        'NOT_FOUND',
      ],
      [
        'a folder for a file',
        ['--file', folder, '--version', '0.3.0', '--os', 'linux', '--arch', 'x64', '--json'],
        1,
        'INVALID_INPUT',
      ],
      ['a version with a "v"', [...valid('v0.3.0'), '--json'], 1, 'INVALID_VERSION'],
      ['a version that is not semver', [...valid('0.3'), '--json'], 1, 'INVALID_VERSION'],
      [
        'an unknown operating system',
        ['--file', good, '--version', '0.3.0', '--os', 'bsd', '--arch', 'x64', '--json'],
        1,
        'INVALID_INPUT',
      ],
      [
        'an unknown architecture',
        ['--file', good, '--version', '0.3.0', '--os', 'linux', '--arch', 'mips', '--json'],
        1,
        'INVALID_INPUT',
      ],
      [
        'a file name a URL cannot carry as is',
        ['--file', spaced, '--version', '0.3.0', '--os', 'linux', '--arch', 'x64', '--json'],
        1,
        'INVALID_TARGET_NAME',
      ],
      [
        'an empty installer',
        ['--file', empty, '--version', '0.3.0', '--os', 'linux', '--arch', 'x64', '--json'],
        1,
        'INVALID_INPUT',
      ],
      [
        'other bytes under a published name',
        ['--file', other, '--version', '0.2.0', '--os', 'linux', '--arch', 'x64', '--json'],
        1,
        'TARGET_CONFLICT',
      ],
      [
        'notes from a file that does not exist',
        [...valid(), '--notes-file', join(inputs, 'missing.md'), '--json'],
        1,
        'NOT_FOUND',
      ],
    ];
    // All at once: inputs that get as far as the repository take its publish lock, and a publisher that finds it
    // held waits for it, so every answer is the refusal of its own input.
    const results = await Promise.all(cases.map(([, args]) => publishApp(data, args)));
    results.forEach((result, i) => {
      const [what, , code, says] = cases[i]!;
      expect(result.code, `${what}: ${result.stderr}`).toBe(code);
      expect(result.stdout, what).toBe('');
      if (code === 1) expect((JSON.parse(result.stderr) as { code: string; remedy: string }).code, what).toBe(says);
      else expect(result.stderr, what).toContain(says);
    });

    expect(await signedVersions(repoDir)).toEqual(before);
    expect(await storedAppFiles(repoDir)).toEqual(filesBefore);
    // No staged copy is left behind either (they are dotfiles next to the stored ones).
    const leftovers = (await readdir(join(repoDir, 'targets'), { recursive: true })).filter((f) =>
      f.split('/').some((s) => s.startsWith('.')),
    );
    expect(leftovers).toEqual([]);
  }, 120_000);

  it('refuses to publish a customer release under the manager’s reserved name', async () => {
    const before = await signedVersions(repoDir);
    const detection = JSON.stringify({ kind: 'file', path: '{target}/VERSION' });
    const args = [
      'publish',
      '--product',
      'hicare-update-manager',
      '--version',
      '0.9.0',
      '--platform',
      'linux',
      '--arch',
      'x64',
      '--file',
      good,
      '--installer',
      'appimage',
      '--detection',
      detection,
      '--json',
    ];
    const result = await runCli(args, cliEnv({ HICARE_PORTAL_DATA: data }));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('reserved'),
    });
    expect(await signedVersions(repoDir)).toEqual(before);
  });

  it('publishing the same installer again signs nothing; new notes for it are signed, under its first date', async () => {
    const before = await signedVersions(repoDir);
    const args = ['--file', good, '--version', '0.2.0', '--os', 'linux', '--arch', 'x64', '--json'];
    const first = JSON.parse((await publishApp(data, args)).stdout) as {
      custom: { publishedAt: string; notes: string };
    };
    expect(await signedVersions(repoDir)).toEqual(before);

    const noted = await publishApp(data, [...args, '--notes', 'Now with notes.']);
    expect(noted.code, noted.stderr).toBe(0);
    expect(JSON.parse(noted.stdout)).toMatchObject({
      custom: { notes: 'Now with notes.', publishedAt: first.custom.publishedAt },
    });
    const after = await signedVersions(repoDir);
    expect([after.targets, after.timestamp, after.names]).toEqual([
      before.targets + 1,
      before.timestamp + 1,
      before.names,
    ]);
  });
});
