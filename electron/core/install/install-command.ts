/**
 * What installing a package means for each installer type, as data: extract it, copy it, or run an argv. Pure, so
 * every type on every OS is checked without running anything. Values from the catalog go into argv elements by
 * plain substitution and are never joined into a shell line (the one exception, macOS's administrator prompt,
 * quotes every element for the shell it hands them to).
 */
import { posix, win32 } from 'node:path';
import type { Platform, ReleaseTargetCustom } from '../../../shared/contracts/catalog.js';
import { HicareError } from '../../../shared/errors.js';
import { safeEntryPath } from './archive-paths.js';
import { substitute } from './placeholders.js';

export interface InstallPaths {
  /** The downloaded, verified package file. */
  package: string;
  /** The install folder: what `{target}` stands for. */
  target: string;
  /** For `script`: the scratch folder the package is unpacked into. */
  unpacked: string;
  /** For `msi`: where msiexec writes its verbose log. */
  log: string;
}

export interface ElevationContext {
  /** Already root / an elevated administrator: no prompt needed. */
  isAdmin: boolean;
  /** A desktop session is there to show a password prompt (pkexec); otherwise only a non-interactive sudo can work. */
  graphical: boolean;
}

export type InstallPlan =
  | { kind: 'extract'; archive: string; into: string }
  | { kind: 'copy'; from: string; to: string; mode: number }
  | { kind: 'run'; argv: string[]; elevated: boolean; unpackInto: string | null; cwd: string | null };

const TYPE_PLATFORMS: Record<ReleaseTargetCustom['installer']['type'], readonly Platform[]> = {
  archive: ['linux', 'win', 'mac'],
  script: ['linux', 'win', 'mac'],
  msi: ['win'],
  exe: ['win'],
  pkg: ['mac'],
  deb: ['linux'],
  rpm: ['linux'],
  appimage: ['linux'],
};

/** POSIX single quoting: inside '...' only the quote itself needs care. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** An AppleScript string literal. */
function appleScriptString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The argv that runs `argv` with administrator rights, or `argv` itself where none are needed or the OS asks by
 * itself (Windows: msiexec raises its own UAC prompt; nothing here uses `runas`).
 */
export function elevate(argv: readonly string[], platform: Platform, context: ElevationContext): string[] {
  if (context.isAdmin || platform === 'win') return [...argv];
  if (platform === 'linux') return context.graphical ? ['pkexec', ...argv] : ['sudo', '-n', ...argv];
  const line = argv.map(shellQuote).join(' ');
  return ['osascript', '-e', `do shell script ${appleScriptString(line)} with administrator privileges`];
}

/** The install plan for one target on one platform. Throws INSTALLER_UNSUPPORTED or INVALID_INPUT. */
export function installCommand(
  custom: ReleaseTargetCustom,
  paths: InstallPaths,
  platform: Platform,
  context: ElevationContext = { isAdmin: false, graphical: false },
): InstallPlan {
  const { installer } = custom;
  const details = {
    product: custom.product,
    version: custom.version,
    installerType: installer.type,
    packagePlatform: custom.platform,
    platform,
  };
  if (custom.platform !== platform)
    throw new HicareError(
      'INSTALLER_UNSUPPORTED.otherPlatform',
      { product: custom.product, version: custom.version, packagePlatform: custom.platform, platform },
      details,
    );
  if (!TYPE_PLATFORMS[installer.type].includes(platform))
    throw new HicareError('INSTALLER_UNSUPPORTED.installerType', { installerType: installer.type, platform }, details);
  const args = installer.args.map((a) =>
    substitute(a, { target: paths.target, package: paths.package, version: custom.version }),
  );
  const run = (argv: string[], needsAdmin: boolean, unpackInto: string | null = null): InstallPlan => ({
    kind: 'run',
    argv: needsAdmin ? elevate(argv, platform, context) : argv,
    elevated: needsAdmin && !context.isAdmin && platform !== 'win',
    unpackInto,
    cwd: unpackInto,
  });
  switch (installer.type) {
    case 'archive':
      return { kind: 'extract', archive: paths.package, into: paths.target };
    case 'script': {
      if (installer.entry === undefined) {
        throw new HicareError(
          'INVALID_INPUT.installScriptMissing',
          { product: custom.product, version: custom.version },
          details,
        );
      }
      const entry = safeEntryPath(installer.entry);
      const join = platform === 'win' ? win32.join : posix.join;
      const script = join(paths.unpacked, ...entry.split('/'));
      const argv = platform === 'win' ? ['cmd.exe', '/d', '/s', '/c', script, ...args] : ['/bin/sh', script, ...args];
      return run(argv, installer.elevate, paths.unpacked);
    }
    case 'msi':
      return run(['msiexec', '/i', paths.package, '/qn', '/norestart', '/l*v', paths.log, ...args], false);
    case 'exe':
      return run([paths.package, ...args], false);
    case 'pkg':
      return run(['installer', '-pkg', paths.package, '-target', '/', ...args], true);
    case 'deb':
      // dpkg, not apt-get: it installs the file whatever its name and never reaches out to a repository
      return run(['dpkg', '-i', ...args, paths.package], true);
    case 'rpm':
      return run(['rpm', '-U', ...args, paths.package], true);
    case 'appimage': {
      const to = posix.join(paths.target, `${custom.product}.AppImage`);
      if (installer.elevate) return run(['install', '-m', '0755', paths.package, to], true);
      return { kind: 'copy', from: paths.package, to, mode: 0o755 };
    }
  }
}
