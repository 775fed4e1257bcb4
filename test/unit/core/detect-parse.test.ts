/**
 * Reading versions out of what each OS tool says, from recorded outputs: the Windows registry, macOS property lists,
 * dpkg and rpm, and a command with a pattern — the argv each rule runs, "not installed", and a tool that failed.
 */
import { describe, expect, it } from 'vitest';
import type { DetectionRule } from '../../../shared/contracts/catalog.js';
import { detectVersion } from '../../../electron/core/detect/detect.js';
import {
  defaultsArgv,
  dpkgArgv,
  parseCommandOutput,
  parseDpkgQuery,
  parsePlistOutput,
  parseRegQuery,
  parseRpmQuery,
  plistArgv,
  registryArgv,
  rpmArgv,
  type CommandOutput,
} from '../../../electron/core/detect/rule-commands.js';
import type { RunCommand } from '../../../electron/core/detect/run-command.js';
import { normaliseVersion, ruleRegex } from '../../../electron/core/detect/version-text.js';

const ok = (stdout: string, stderr = ''): CommandOutput => ({ exitCode: 0, stdout, stderr });
const exit = (exitCode: number, stdout: string, stderr = ''): CommandOutput => ({ exitCode, stdout, stderr });

describe('normaliseVersion', () => {
  it.each([
    ['4.2.1', '4.2.1'],
    ['  4.2.1\n', '4.2.1'],
    ['v4.2.1', '4.2.1'],
    ['V2.0.0-rc.1', '2.0.0-rc.1'],
    ['4.2', '4.2.0'],
    ['4', '4.0.0'],
    ['4.2.1.1234', '4.2.1'],
    ['04.02.01', '4.2.1'],
    ['4.2.1+build.7', '4.2.1'],
    ['4.2.1 (build 77)', '4.2.1'],
    ['2.3.1\nsecond line', '2.3.1'],
    ['not installed', null],
    ['', null],
    ['4.2.1abc', null],
    ['version 4.2.1', null],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseVersion(raw)).toBe(expected);
  });

  it('a pattern that is not a regular expression is DETECTION_FAILED', () => {
    expect(() => ruleRegex('(unclosed')).toThrow(expect.objectContaining({ code: 'DETECTION_FAILED' }));
  });
});

describe('command + pattern', () => {
  const argv = ['/opt/atlas/bin/atlas', '--version'];
  it('matches stdout, then stderr, and takes the first group', () => {
    expect(parseCommandOutput(argv, ok('Atlas 2.3.1 (linux-x64)\n'), /Atlas (\S+)/)).toBe('2.3.1');
    expect(parseCommandOutput(argv, ok('', 'openjdk version "17.0.9" 2023-10-17\n'), /version "([^"]+)"/)).toBe(
      '17.0.9',
    );
    expect(parseCommandOutput(argv, ok('no version here'), /Atlas (\S+)/)).toBeNull();
  });
  it('a failing command is DETECTION_FAILED, naming the command and what it said', () => {
    expect(() => parseCommandOutput(argv, exit(2, '', 'atlas: cannot open licence file'), /x/)).toThrow(
      expect.objectContaining({
        code: 'DETECTION_FAILED',
        message: expect.stringContaining('cannot open licence file'),
      }),
    );
  });
});

describe('Windows registry (reg query)', () => {
  const rule = { kind: 'registry', key: 'HKLM\\SOFTWARE\\Hi-Care\\Atlas', value: 'DisplayVersion' } as const;
  const recorded = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Hi-Care\\Atlas\r\n    DisplayVersion    REG_SZ    2.3.1\r\n\r\n';

  it('runs reg query with the key and value as separate elements', () => {
    expect(registryArgv(rule)).toEqual(['reg', 'query', 'HKLM\\SOFTWARE\\Hi-Care\\Atlas', '/v', 'DisplayVersion']);
  });
  it.each([
    ['a REG_SZ value', recorded, '2.3.1'],
    ['a value name in another case', recorded.replace('DisplayVersion', 'displayversion'), '2.3.1'],
    ['only another value', '\r\nHKEY_LOCAL_MACHINE\\X\r\n    Display Version    REG_SZ    1.0.0\r\n', null],
    ['a REG_DWORD', '\r\nHKEY_LOCAL_MACHINE\\X\r\n    DisplayVersion    REG_DWORD    0x4\r\n', '4'],
    ['an empty value', '\r\nHKEY_LOCAL_MACHINE\\X\r\n    DisplayVersion    REG_SZ\r\n', null],
  ])('%s', (_what, stdout, expected) => {
    expect(parseRegQuery(rule, ok(stdout))).toBe(expected);
  });
  it('a value name with spaces', () => {
    const spaced = { ...rule, value: 'Display Version' };
    expect(
      parseRegQuery(spaced, ok('\r\nHKEY_LOCAL_MACHINE\\X\r\n    Display Version    REG_EXPAND_SZ    1.0.0\r\n')),
    ).toBe('1.0.0');
  });
  it('"unable to find" is not installed; any other failure is DETECTION_FAILED', () => {
    expect(
      parseRegQuery(rule, exit(1, '', 'ERROR: The system was unable to find the specified registry key or value.\r\n')),
    ).toBeNull();
    expect(() => parseRegQuery(rule, exit(1, '', 'ERROR: Access is denied.\r\n'))).toThrow(
      expect.objectContaining({ code: 'DETECTION_FAILED' }),
    );
  });
});

describe('macOS property lists', () => {
  const rule = {
    kind: 'plist',
    path: '/Applications/Atlas.app/Contents/Info.plist',
    key: 'CFBundleShortVersionString',
  } as const;
  it('asks PlistBuddy, or defaults where it is missing', () => {
    expect(plistArgv(rule, rule.path)).toEqual([
      '/usr/libexec/PlistBuddy',
      '-c',
      'Print :CFBundleShortVersionString',
      rule.path,
    ]);
    expect(defaultsArgv(rule, rule.path)).toEqual(['defaults', 'read', rule.path, 'CFBundleShortVersionString']);
  });
  it.each([
    ['a value', ok('2.3.1\n'), '2.3.1'],
    ['a missing key', exit(1, 'Print: Entry, ":CFBundleShortVersionString", Does Not Exist\n'), null],
    ['a missing file', exit(1, "File Doesn't Exist, Will Create: /Applications/Atlas.app/Contents/Info.plist\n"), null],
    [
      'defaults on a missing key',
      exit(1, '', 'The domain/default pair of (/Applications/Atlas.app/Contents/Info.plist, X) does not exist\n'),
      null,
    ],
  ])('%s', (_what, out, expected) => {
    expect(parsePlistOutput(plistArgv(rule, rule.path), out)).toBe(expected);
  });
  it('an unreadable plist is DETECTION_FAILED', () => {
    expect(() => parsePlistOutput(plistArgv(rule, rule.path), exit(1, 'Error Reading File: /x.plist\n'))).toThrow(
      expect.objectContaining({ code: 'DETECTION_FAILED' }),
    );
  });
});

describe('dpkg', () => {
  const rule = { kind: 'dpkg', package: 'hicare-atlas' } as const;
  it('asks dpkg-query for the status and the version of one package', () => {
    expect(dpkgArgv(rule)).toEqual(['dpkg-query', '-W', '-f=${db:Status-Status}\\t${Version}\\n', 'hicare-atlas']);
  });
  it.each([
    ['an installed package', ok('installed\t2.3.1-1\n'), '2.3.1'],
    ['an epoch and a Debian revision', ok('installed\t1:5.2.15-2+b8\n'), '5.2.15'],
    ['no revision', ok('installed\t2.3.1\n'), '2.3.1'],
    ['removed, config files kept', ok('config-files\t2.3.1-1\n'), null],
    ['two architectures, one installed', ok('not-installed\t\ninstalled\t2.3.1-1\n'), '2.3.1'],
    ['unknown to dpkg', exit(1, '', 'dpkg-query: no packages found matching hicare-atlas\n'), null],
  ])('%s', (_what, out, expected) => {
    expect(parseDpkgQuery(rule, out)).toBe(expected);
  });
  it('a broken dpkg database is DETECTION_FAILED', () => {
    expect(() => parseDpkgQuery(rule, exit(2, '', 'dpkg-query: error: parsing file /var/lib/dpkg/status\n'))).toThrow(
      expect.objectContaining({ code: 'DETECTION_FAILED' }),
    );
  });
});

describe('rpm', () => {
  const rule = { kind: 'rpm', package: 'hicare-atlas' } as const;
  it('asks rpm for the version, one line per installed instance', () => {
    expect(rpmArgv(rule)).toEqual(['rpm', '-q', '--qf', '%{VERSION}\\n', 'hicare-atlas']);
  });
  it.each([
    ['one instance', ok('2.3.1\n'), '2.3.1'],
    ['instances side by side: the highest', ok('2.3.1\n2.10.0\n2.9.4\n'), '2.10.0'],
    ['not installed', exit(1, 'package hicare-atlas is not installed\n'), null],
  ])('%s', (_what, out, expected) => {
    expect(parseRpmQuery(rule, out)).toBe(expected);
  });
  it('a failing rpm is DETECTION_FAILED', () => {
    expect(() => parseRpmQuery(rule, exit(1, '', 'error: rpmdb: BDB0113 Thread/process 1234 failed\n'))).toThrow(
      expect.objectContaining({ code: 'DETECTION_FAILED' }),
    );
  });
});

describe('detectVersion with recorded command outputs', () => {
  function recorder(answers: Record<string, CommandOutput | NodeJS.ErrnoException>): {
    run: RunCommand;
    asked: string[][];
  } {
    const asked: string[][] = [];
    const run: RunCommand = async (argv) => {
      asked.push([...argv]);
      const answer = answers[argv[0] ?? ''];
      if (answer === undefined || answer instanceof Error)
        throw answer ?? Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' });
      return answer;
    };
    return { run, asked };
  }

  it('registry on Windows, normalised', async () => {
    const { run, asked } = recorder({
      reg: ok('\r\nHKEY_LOCAL_MACHINE\\X\r\n    DisplayVersion    REG_SZ    2.3.1.4410\r\n'),
    });
    await expect(
      detectVersion(
        { kind: 'registry', key: 'HKLM\\X', value: 'DisplayVersion' },
        { installDir: 'C:\\Apps', platform: 'win', run },
      ),
    ).resolves.toBe('2.3.1');
    expect(asked).toEqual([['reg', 'query', 'HKLM\\X', '/v', 'DisplayVersion']]);
  });

  it('plist on macOS, falling back to defaults when PlistBuddy is missing', async () => {
    const { run, asked } = recorder({ defaults: ok('2.3.1\n') });
    const rule: DetectionRule = {
      kind: 'plist',
      path: '{target}/Atlas.app/Contents/Info.plist',
      key: 'CFBundleShortVersionString',
    };
    await expect(detectVersion(rule, { installDir: '/Applications', platform: 'mac', run })).resolves.toBe('2.3.1');
    expect(asked.map((a) => a[0])).toEqual(['/usr/libexec/PlistBuddy', 'defaults']);
    expect(asked[1]).toEqual([
      'defaults',
      'read',
      '/Applications/Atlas.app/Contents/Info.plist',
      'CFBundleShortVersionString',
    ]);
  });

  it('rpm on Linux', async () => {
    const { run } = recorder({ rpm: ok('2.3.1\n') });
    await expect(
      detectVersion({ kind: 'rpm', package: 'hicare-atlas' }, { installDir: '/opt', platform: 'linux', run }),
    ).resolves.toBe('2.3.1');
  });

  it('a rule for another OS, or a system tool that is missing, is DETECTION_FAILED', async () => {
    const { run } = recorder({});
    await expect(
      detectVersion({ kind: 'registry', key: 'HKLM\\X', value: 'V' }, { installDir: '/opt', platform: 'linux', run }),
    ).rejects.toMatchObject({ code: 'DETECTION_FAILED' });
    await expect(
      detectVersion({ kind: 'plist', path: '/x', key: 'K' }, { installDir: '/opt', platform: 'win', run }),
    ).rejects.toMatchObject({ code: 'DETECTION_FAILED' });
    await expect(
      detectVersion({ kind: 'rpm', package: 'x' }, { installDir: '/opt', platform: 'linux', run }),
    ).rejects.toMatchObject({
      code: 'DETECTION_FAILED',
      message: expect.stringContaining('rpm'),
    });
  });

  it('a product program that is not there means not installed', async () => {
    const { run } = recorder({});
    await expect(
      detectVersion(
        { kind: 'command', argv: ['{target}/atlas/bin/atlas', '--version'], regex: '(\\S+)$' },
        { installDir: '/opt', platform: 'linux', run },
      ),
    ).resolves.toBeNull();
  });

  it('a malformed rule is DETECTION_FAILED', async () => {
    await expect(
      detectVersion({ kind: 'command', argv: [], regex: 'x' } as DetectionRule, { installDir: '/opt' }),
    ).rejects.toMatchObject({ code: 'DETECTION_FAILED' });
  });
});
