/**
 * The OS tools each detection rule asks (always as an argv, never a shell line) and how their answers read:
 * a version, "not installed" (null), or a failure to ask (DETECTION_FAILED). Pure, so every OS's answers can be
 * checked anywhere from recorded outputs.
 */
import semver from 'semver';
import type { DetectionRule } from '../../../shared/contracts/catalog.js';
import { HicareError } from '../../../shared/errors.js';
import { matchVersion, normaliseVersion } from './version-text.js';

export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

type Rule<K extends DetectionRule['kind']> = Extract<DetectionRule, { kind: K }>;

/** Which tool a detection asked, for the words of its failure. */
type ToolCheck = 'command' | 'registry' | 'plist' | 'dpkg' | 'rpm';

function failedRun(check: ToolCheck, argv: readonly string[], out: CommandOutput): HicareError {
  // The first line the tool printed is the product's own words: quoted as it said them.
  const said = (out.stderr.trim() || out.stdout.trim()).split(/\r?\n/, 1)[0] ?? '';
  const params = { check, program: argv[0] ?? '', exitCode: out.exitCode };
  return new HicareError(
    said === '' ? 'DETECTION_FAILED.toolFailed' : 'DETECTION_FAILED.toolFailedSaying',
    said === '' ? params : { ...params, said: said.slice(0, 300) },
    {
      argv: [...argv],
      exitCode: out.exitCode,
      stderr: out.stderr.slice(0, 2000),
    },
  );
}

// ---- command + regex -----------------------------------------------------------------------------------------

/** The regex runs over stdout, then stderr (some tools, like `java -version`, print their version there). */
export function parseCommandOutput(argv: readonly string[], out: CommandOutput, regex: RegExp): string | null {
  if (out.exitCode !== 0) throw failedRun('command', argv, out);
  return matchVersion(out.stdout, regex) ?? matchVersion(out.stderr, regex);
}

// ---- Windows registry --------------------------------------------------------------------------------------------

export function registryArgv(rule: Rule<'registry'>): string[] {
  return ['reg', 'query', rule.key, '/v', rule.value];
}

/**
 * `reg query` prints the key, then `    <name>    <REG_TYPE>    <data>`. Exit 1 with "unable to find" is the
 * value or key being absent: not installed.
 */
export function parseRegQuery(rule: Rule<'registry'>, out: CommandOutput): string | null {
  if (out.exitCode !== 0) {
    if (/unable to find/i.test(out.stderr + out.stdout)) return null;
    throw failedRun('registry', registryArgv(rule), out);
  }
  for (const line of out.stdout.split(/\r?\n/)) {
    const m = /^\s+(.*?)\s{2,}(REG_[A-Z0-9_]+)(?:\s{2,}(.*?))?\s*$/.exec(line);
    if (m === null || (m[1] ?? '').toLowerCase() !== rule.value.toLowerCase()) continue;
    const data = m[3] ?? '';
    // a version kept as a number (REG_DWORD 0x4) reads as its decimal value
    if (m[2] === 'REG_DWORD' || m[2] === 'REG_QWORD')
      return /^0x[0-9a-f]+$/i.test(data) ? String(parseInt(data, 16)) : data;
    return data === '' ? null : data;
  }
  return null;
}

// ---- macOS property lists -------------------------------------------------------------------------------------

export function plistArgv(rule: Rule<'plist'>, path: string): string[] {
  return ['/usr/libexec/PlistBuddy', '-c', `Print :${rule.key}`, path];
}

/** Where PlistBuddy is missing, `defaults read` reads the same file. */
export function defaultsArgv(rule: Rule<'plist'>, path: string): string[] {
  return ['defaults', 'read', path, rule.key];
}

export function parsePlistOutput(argv: readonly string[], out: CommandOutput): string | null {
  if (out.exitCode !== 0) {
    // PlistBuddy: `Print: Entry, ":Key", Does Not Exist` / `File Doesn't Exist`; defaults: `... does not exist`
    if (/does(?: not|n't) exist/i.test(out.stderr + out.stdout)) return null;
    throw failedRun('plist', argv, out);
  }
  const value = out.stdout.trim().split(/\r?\n/, 1)[0] ?? '';
  return value === '' ? null : value;
}

// ---- Debian packages ------------------------------------------------------------------------------------------

export function dpkgArgv(rule: Rule<'dpkg'>): string[] {
  // the status column tells an installed package from one removed with its config files kept (which still has a Version)
  return ['dpkg-query', '-W', '-f=${db:Status-Status}\\t${Version}\\n', rule.package];
}

/** `installed\t1:5.2.15-2+b8` → `5.2.15` (no epoch, no Debian revision). */
export function parseDpkgQuery(rule: Rule<'dpkg'>, out: CommandOutput): string | null {
  if (out.exitCode !== 0) {
    if (/no packages found/i.test(out.stderr + out.stdout)) return null;
    throw failedRun('dpkg', dpkgArgv(rule), out);
  }
  for (const line of out.stdout.split(/\r?\n/)) {
    const [status, version] = line.split('\t');
    if (status !== 'installed' || version === undefined || version === '') continue;
    const upstream = version.replace(/^\d+:/, '');
    const dash = upstream.lastIndexOf('-');
    return dash > 0 ? upstream.slice(0, dash) : upstream;
  }
  return null;
}

// ---- RPM packages ---------------------------------------------------------------------------------------------

export function rpmArgv(rule: Rule<'rpm'>): string[] {
  return ['rpm', '-q', '--qf', '%{VERSION}\\n', rule.package];
}

/** One line per installed instance (kernels install side by side): the highest counts. */
export function parseRpmQuery(rule: Rule<'rpm'>, out: CommandOutput): string | null {
  if (out.exitCode !== 0) {
    if (/is not installed/i.test(out.stdout + out.stderr)) return null;
    throw failedRun('rpm', rpmArgv(rule), out);
  }
  const versions = out.stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const comparable = versions.map((v) => ({ raw: v, norm: normaliseVersion(v) }));
  const best = comparable
    .filter((v) => v.norm !== null)
    .sort((a, b) => semver.rcompare(a.norm as string, b.norm as string))[0];
  return best?.raw ?? versions[0] ?? null;
}
