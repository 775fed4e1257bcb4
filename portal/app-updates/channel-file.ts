/**
 * electron-updater's channel file (`latest.yml` and its platform variants), made from the newest signed installers
 * of the manager for one os/arch. The file itself is not signed — electron-updater cannot check a signature on it —
 * which is why the app checks the downloaded installer against its TUF target before installing it.
 */
import type { AppArch, AppOs, AppTarget } from '../../shared/contracts/catalog.js';
import { compareVersions, isPrerelease } from '../../shared/domain/release.js';

/**
 * The file name electron-updater's generic provider asks for: `latest.yml` on Windows, `latest-mac.yml` on macOS, and
 * on Linux `latest-linux.yml` with Node's `process.arch` appended for anything but x64 (electron-builder's `armv7l` is
 * Node's `arm`).
 */
export function channelFileName(os: AppOs, arch: AppArch): string {
  if (os === 'win') return 'latest.yml';
  if (os === 'mac') return 'latest-mac.yml';
  const suffix: Record<AppArch, string> = { x64: '', arm64: '-arm64', ia32: '-ia32', armv7l: '-arm' };
  return `latest-linux${suffix[arch]}.yml`;
}

/** The updater of each platform installs one kind of file: Squirrel.Mac a zip, NSIS an exe, Linux an AppImage first. */
const PREFERRED_EXTENSION: Record<AppOs, string> = { mac: '.zip', win: '.exe', linux: '.appimage' };

export interface AppFeedRelease {
  version: string;
  /** Every installer of that version for the os/arch; the one the platform's updater installs comes first. */
  files: AppTarget[];
}

/** The installer's own file name: the last segment of its target name, and the name the feed serves it under. */
export function appFileName(target: AppTarget): string {
  return target.name.slice(target.name.lastIndexOf('/') + 1);
}

/**
 * The newest generally available version published for os/arch. Prereleases stay out of `latest`, the only channel
 * the app asks for: electron-updater would install whatever the channel names.
 */
export function newestAppRelease(targets: readonly AppTarget[], os: AppOs, arch: AppArch): AppFeedRelease | undefined {
  const candidates = targets.filter(
    (t) => t.custom.os === os && t.custom.arch === arch && !isPrerelease(t.custom.version),
  );
  if (candidates.length === 0) return undefined;
  const version = candidates.reduce(
    (best, t) => (compareVersions(t.custom.version, best) > 0 ? t.custom.version : best),
    candidates[0]!.custom.version,
  );
  const preferred = (t: AppTarget): number => (appFileName(t).toLowerCase().endsWith(PREFERRED_EXTENSION[os]) ? 0 : 1);
  const files = candidates
    .filter((t) => t.custom.version === version)
    .sort((a, b) => preferred(a) - preferred(b) || appFileName(a).localeCompare(appFileName(b)));
  return { version, files };
}

/**
 * A YAML double-quoted scalar. JSON's escapes are YAML's too; anything outside printable ASCII is escaped by code
 * point as well, so the file is plain ASCII whatever the release notes hold.
 */
export function yamlString(value: string): string {
  let out = '';
  for (const char of JSON.stringify(value)) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code < 0x7f) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out;
}

/** The channel file's text, in the shape electron-builder publishes (`version`, `files`, `path`, `sha512`, …). */
export function renderChannelFile(release: AppFeedRelease): string {
  const main = release.files[0]!;
  const lines = [`version: ${yamlString(release.version)}`, 'files:'];
  for (const file of release.files) {
    lines.push(
      `  - url: ${yamlString(appFileName(file))}`,
      `    sha512: ${yamlString(file.custom.sha512)}`,
      `    size: ${file.length}`,
    );
  }
  lines.push(
    `path: ${yamlString(appFileName(main))}`,
    `sha512: ${yamlString(main.custom.sha512)}`,
    `releaseDate: ${yamlString(main.custom.publishedAt)}`,
  );
  const notes = release.files.find((f) => f.custom.notes !== '')?.custom.notes;
  if (notes !== undefined) lines.push(`releaseNotes: ${yamlString(notes)}`);
  return `${lines.join('\n')}\n`;
}
