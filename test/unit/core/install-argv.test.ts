/** What each installer type runs on each OS, at the argv level, and that no argument value can become shell syntax. */
import { describe, expect, it } from 'vitest';
import {
  ReleaseTargetCustomSchema,
  type Platform,
  type ReleaseTargetCustom,
} from '../../../shared/contracts/catalog.js';
import {
  elevate,
  installCommand,
  shellQuote,
  type ElevationContext,
  type InstallPaths,
} from '../../../electron/core/install/install-command.js';
import { spawnArguments } from '../../../electron/core/install/installer-process.js';
import { HicareError } from '../../../shared/errors.js';

const POSIX_PATHS: InstallPaths = {
  package: '/cache/pkg.bin',
  target: '/opt/hicare',
  unpacked: '/work/unpacked',
  log: '/work/msiexec.log',
};
const WIN_PATHS: InstallPaths = {
  package: 'C:\\cache\\pkg.msi',
  target: 'C:\\Program Files\\Hi-Care',
  unpacked: 'C:\\work\\unpacked',
  log: 'C:\\work\\msiexec.log',
};
const USER: ElevationContext = { isAdmin: false, graphical: false };
const DESKTOP: ElevationContext = { isAdmin: false, graphical: true };
const ROOT: ElevationContext = { isAdmin: true, graphical: false };

function custom(platform: Platform, installer: Record<string, unknown>): ReleaseTargetCustom {
  return ReleaseTargetCustomSchema.parse({
    product: 'atlas',
    version: '2.3.1',
    platform,
    arch: 'x64',
    installer,
    detection: { kind: 'file', path: '{target}/atlas/VERSION' },
    publishedAt: '2025-06-16T09:00:00Z',
  });
}

function paths(platform: Platform): InstallPaths {
  return platform === 'win' ? WIN_PATHS : POSIX_PATHS;
}

describe('installCommand: one plan per installer type', () => {
  const table: [string, Platform, Record<string, unknown>, ElevationContext, unknown][] = [
    [
      'archive',
      'linux',
      { type: 'archive' },
      USER,
      { kind: 'extract', archive: '/cache/pkg.bin', into: '/opt/hicare' },
    ],
    [
      'archive',
      'win',
      { type: 'archive' },
      USER,
      { kind: 'extract', archive: WIN_PATHS.package, into: WIN_PATHS.target },
    ],
    [
      'script',
      'linux',
      { type: 'script', entry: 'install.sh', args: ['{target}', '--version={version}'] },
      USER,
      {
        kind: 'run',
        argv: ['/bin/sh', '/work/unpacked/install.sh', '/opt/hicare', '--version=2.3.1'],
        elevated: false,
        unpackInto: '/work/unpacked',
        cwd: '/work/unpacked',
      },
    ],
    [
      'script',
      'mac',
      { type: 'script', entry: 'scripts/install.sh', args: ['{target}'] },
      USER,
      {
        kind: 'run',
        argv: ['/bin/sh', '/work/unpacked/scripts/install.sh', '/opt/hicare'],
        elevated: false,
        unpackInto: '/work/unpacked',
        cwd: '/work/unpacked',
      },
    ],
    [
      'script',
      'win',
      { type: 'script', entry: 'install.cmd', args: ['{target}'] },
      USER,
      {
        kind: 'run',
        argv: ['cmd.exe', '/d', '/s', '/c', 'C:\\work\\unpacked\\install.cmd', WIN_PATHS.target],
        elevated: false,
        unpackInto: WIN_PATHS.unpacked,
        cwd: WIN_PATHS.unpacked,
      },
    ],
    [
      'script (elevated, no desktop)',
      'linux',
      { type: 'script', entry: 'install.sh', args: ['{target}'], elevate: true },
      USER,
      { kind: 'run', argv: ['sudo', '-n', '/bin/sh', '/work/unpacked/install.sh', '/opt/hicare'], elevated: true },
    ],
    [
      'script (elevated, desktop)',
      'linux',
      { type: 'script', entry: 'install.sh', args: ['{target}'], elevate: true },
      DESKTOP,
      { kind: 'run', argv: ['pkexec', '/bin/sh', '/work/unpacked/install.sh', '/opt/hicare'], elevated: true },
    ],
    [
      'script (elevated, already root)',
      'linux',
      { type: 'script', entry: 'install.sh', args: ['{target}'], elevate: true },
      ROOT,
      { kind: 'run', argv: ['/bin/sh', '/work/unpacked/install.sh', '/opt/hicare'], elevated: false },
    ],
    [
      'msi',
      'win',
      { type: 'msi', args: ['INSTALLDIR={target}'] },
      USER,
      {
        kind: 'run',
        argv: [
          'msiexec',
          '/i',
          WIN_PATHS.package,
          '/qn',
          '/norestart',
          '/l*v',
          WIN_PATHS.log,
          `INSTALLDIR=${WIN_PATHS.target}`,
        ],
        elevated: false,
        unpackInto: null,
      },
    ],
    [
      'exe',
      'win',
      { type: 'exe', args: ['/S', '/D={target}'] },
      USER,
      { kind: 'run', argv: [WIN_PATHS.package, '/S', `/D=${WIN_PATHS.target}`], elevated: false },
    ],
    [
      'pkg',
      'mac',
      { type: 'pkg' },
      USER,
      {
        kind: 'run',
        argv: [
          'osascript',
          '-e',
          `do shell script "'installer' '-pkg' '/cache/pkg.bin' '-target' '/'" with administrator privileges`,
        ],
        elevated: true,
      },
    ],
    [
      'pkg (as root)',
      'mac',
      { type: 'pkg' },
      ROOT,
      { kind: 'run', argv: ['installer', '-pkg', '/cache/pkg.bin', '-target', '/'], elevated: false },
    ],
    [
      'deb',
      'linux',
      { type: 'deb' },
      USER,
      { kind: 'run', argv: ['sudo', '-n', 'dpkg', '-i', '/cache/pkg.bin'], elevated: true },
    ],
    [
      'deb (desktop, with options)',
      'linux',
      { type: 'deb', args: ['--force-confold'] },
      DESKTOP,
      { kind: 'run', argv: ['pkexec', 'dpkg', '-i', '--force-confold', '/cache/pkg.bin'] },
    ],
    [
      'rpm',
      'linux',
      { type: 'rpm' },
      USER,
      { kind: 'run', argv: ['sudo', '-n', 'rpm', '-U', '/cache/pkg.bin'], elevated: true },
    ],
    [
      'rpm (as root)',
      'linux',
      { type: 'rpm' },
      ROOT,
      { kind: 'run', argv: ['rpm', '-U', '/cache/pkg.bin'], elevated: false },
    ],
    [
      'appimage',
      'linux',
      { type: 'appimage' },
      USER,
      { kind: 'copy', from: '/cache/pkg.bin', to: '/opt/hicare/atlas.AppImage', mode: 0o755 },
    ],
    [
      'appimage (elevated)',
      'linux',
      { type: 'appimage', elevate: true },
      USER,
      { kind: 'run', argv: ['sudo', '-n', 'install', '-m', '0755', '/cache/pkg.bin', '/opt/hicare/atlas.AppImage'] },
    ],
  ];

  it.each(table)('%s on %s', (_name, platform, installer, context, expected) => {
    expect(installCommand(custom(platform, installer), paths(platform), platform, context)).toMatchObject(
      expected as object,
    );
  });

  const unsupported: [string, Platform, Platform][] = [
    ['msi', 'win', 'linux'],
    ['exe', 'win', 'mac'],
    ['pkg', 'mac', 'linux'],
    ['deb', 'linux', 'win'],
    ['rpm', 'linux', 'mac'],
    ['appimage', 'linux', 'win'],
  ];

  it.each(unsupported)('%s built for %s, run on %s → INSTALLER_UNSUPPORTED', (type, built, here) => {
    expect(() => installCommand(custom(built, { type }), paths(here), here)).toThrow(
      expect.objectContaining({ code: 'INSTALLER_UNSUPPORTED' }),
    );
  });

  it.each([['msi'], ['deb'], ['pkg']])(
    "a %s installer whose platform is not its own type's → INSTALLER_UNSUPPORTED",
    (type) => {
      const platform: Platform = type === 'msi' ? 'linux' : type === 'deb' ? 'mac' : 'win';
      const error = (() => {
        try {
          installCommand(custom(platform, { type }), paths(platform), platform);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(HicareError);
      expect((error as HicareError).code).toBe('INSTALLER_UNSUPPORTED');
      expect((error as HicareError).remedy).not.toBe('');
    },
  );

  it('refuses a script entry that leaves the unpacked package, or none at all', () => {
    expect(() =>
      installCommand(custom('linux', { type: 'script', entry: '../../bin/evil' }), POSIX_PATHS, 'linux'),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => installCommand(custom('linux', { type: 'script', entry: '/bin/evil' }), POSIX_PATHS, 'linux')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => installCommand(custom('linux', { type: 'script' }), POSIX_PATHS, 'linux')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('argument values stay single argv elements', () => {
  const tricky = [
    'two words',
    `it's "quoted"`,
    'a; rm -rf /',
    '$(reboot)',
    '`id`',
    'a & b',
    'a | b',
    '%PATH%',
    '^caret',
    'new\nline',
    '{target}/with space',
  ];

  it.each(['script', 'exe', 'msi', 'deb', 'rpm'] as const)('%s', (type) => {
    const platform: Platform = type === 'exe' || type === 'msi' ? 'win' : 'linux';
    const installer = { type, entry: 'install.sh', args: tricky };
    const plan = installCommand(custom(platform, installer), paths(platform), platform, ROOT);
    if (plan.kind !== 'run') throw new Error('expected a run plan');
    const expected = tricky.map((a) => a.replace('{target}', paths(platform).target));
    for (const value of expected) expect(plan.argv.filter((a) => a === value)).toHaveLength(1);
    const fixed = { script: 2, exe: 1, msi: 7, deb: 3, rpm: 3 }[type];
    expect(plan.argv).toHaveLength(expected.length + fixed);
  });

  it('a placeholder inside a substituted value is not expanded again', () => {
    const plan = installCommand(
      custom('linux', { type: 'script', entry: 'install.sh', args: ['{target}'] }),
      { ...POSIX_PATHS, target: '/opt/{version}' },
      'linux',
    );
    expect(plan).toMatchObject({ argv: ['/bin/sh', '/work/unpacked/install.sh', '/opt/{version}'] });
  });

  it('macOS elevation quotes every element for the shell it hands them to', () => {
    const argv = elevate(['/bin/sh', '/tmp/x y/install.sh', `it's`, '$(reboot)', 'a"b\\c'], 'mac', USER);
    expect(argv.slice(0, 2)).toEqual(['osascript', '-e']);
    expect(argv).toHaveLength(3);
    // the AppleScript literal wraps the POSIX-quoted line, with its own quotes and backslashes escaped
    const line = ['/bin/sh', '/tmp/x y/install.sh', `it's`, '$(reboot)', 'a"b\\c'].map(shellQuote).join(' ');
    expect(argv[2]).toBe(
      `do shell script "${line.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" with administrator privileges`,
    );
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });

  it('Windows: cmd.exe gets one verbatim line with every argument quoted and its metacharacters escaped', () => {
    const spawned = spawnArguments(
      [
        'cmd.exe',
        '/d',
        '/s',
        '/c',
        'C:\\work\\x y\\install.cmd',
        'C:\\Program Files\\Hi-Care',
        'a & b',
        '"q"',
        '%PATH%',
      ],
      'win',
    );
    expect(spawned.file).toBe('cmd.exe');
    expect(spawned.verbatim).toBe(true);
    expect(spawned.args.slice(0, 3)).toEqual(['/d', '/s', '/c']);
    expect(spawned.args).toHaveLength(4);
    const line = spawned.args[3] as string;
    expect(line).toBe(
      '"C:\\work\\x^ y\\install.cmd ^^^"C:\\Program^^^ Files\\Hi-Care^^^" ^^^"a^^^ ^^^&^^^ b^^^" ^^^"\\^^^"q\\^^^"^^^" ^^^"^^^%PATH^^^%^^^""',
    );
    // nothing else is touched: every other program gets its argv as it is
    expect(spawnArguments(['msiexec', '/i', 'C:\\a b.msi'], 'win')).toEqual({
      file: 'msiexec',
      args: ['/i', 'C:\\a b.msi'],
      verbatim: false,
    });
    expect(spawnArguments(['cmd.exe', '/d', '/s', '/c', 'x'], 'linux')).toEqual({
      file: 'cmd.exe',
      args: ['/d', '/s', '/c', 'x'],
      verbatim: false,
    });
  });
});
