/**
 * The text of the demo packages' installers. They behave like real ones: files are staged next to the destination
 * and moved into place only after the pre-install checks pass, so a failure leaves nothing half-installed; progress
 * goes to stdout, errors to stderr, and the exit code says what happened. The inputs are validated by the caller
 * (product ids and strict semver versions), and every value is still quoted for its shell.
 */

export interface InstallerFailure {
  exitCode: number;
  /** The line that names the cause, e.g. `ERROR 1603: pre-install check failed: ...`. */
  cause: string;
}

export interface ScriptSpec {
  product: string;
  version: string;
  /** e.g. `linux-x64`, only for the header comment. */
  platform: string;
  /** When set, the pre-install check fails with this cause and exit code. */
  failure?: InstallerFailure;
}

/** POSIX single quoting: the only character that needs care inside '...' is the quote itself. */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Escapes text for a cmd.exe `echo` line: carets for its operators, doubled percent signs. */
export function cmdEscape(value: string): string {
  return value.replace(/[\^&|<>()]/g, (c) => `^${c}`).replace(/%/g, '%%');
}

/** Windows tools expect CRLF in batch files; a bare LF can make cmd.exe mis-parse labels. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export function installSh(spec: ScriptSpec): string {
  const check =
    spec.failure === undefined
      ? ['log "Pre-install checks passed"']
      : [
          // the check fails after staging on purpose: the cleanup path is what keeps the target untouched
          `err ${shQuote(spec.failure.cause)}`,
          `err ${shQuote(`Installation aborted: no files were changed (exit code ${spec.failure.exitCode}).`)}`,
          `exit ${spec.failure.exitCode}`,
        ];
  return [
    '#!/bin/sh',
    `# Installs ${spec.product} ${spec.version} (${spec.platform}) into the directory given as $1: $1/${spec.product}/ gets`,
    '# the payload and a VERSION file. Files are staged next to the destination and moved into place at the end, so a',
    '# failure at any step leaves the target as it was.',
    'set -eu',
    '',
    `PRODUCT=${shQuote(spec.product)}`,
    `VERSION=${shQuote(spec.version)}`,
    '',
    'stamp() { date -u +%Y-%m-%dT%H:%M:%SZ; }',
    'log() { printf \'%s %s\\n\' "$(stamp)" "$*"; }',
    'err() { printf \'%s %s\\n\' "$(stamp)" "$*" >&2; }',
    '',
    'if [ "$#" -ne 1 ] || [ -z "$1" ]; then',
    "  err 'usage: install.sh TARGET_DIR'",
    '  exit 2',
    'fi',
    'target=$1',
    'here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)',
    'dest="$target/$PRODUCT"',
    'stage="$target/.$PRODUCT.install.$$"',
    'previous="$target/.$PRODUCT.previous.$$"',
    '',
    '# the staging directory goes whatever happens, and a target directory this run created goes if it stayed empty;',
    '# an interrupted run exits through the same trap',
    'created=',
    'trap \'rm -rf -- "$stage"; if [ -n "$created" ]; then rmdir -- "$target" 2>/dev/null || :; fi\' EXIT',
    "trap 'exit 130' INT TERM",
    '',
    'log "Installing $PRODUCT $VERSION into $dest"',
    'if [ ! -d "$target" ]; then mkdir -p -- "$target"; created=1; fi',
    'mkdir -- "$stage"',
    'log "Staging files in $stage"',
    'cp -R -- "$here/payload/." "$stage/"',
    'printf \'%s\\n\' "$VERSION" > "$stage/VERSION"',
    'log "Running pre-install checks"',
    ...check,
    '',
    '# keep the previous version until the new one is in place, and put it back if the move fails',
    'if [ -e "$dest" ]; then mv -- "$dest" "$previous"; fi',
    'if ! mv -- "$stage" "$dest"; then',
    '  if [ -e "$previous" ]; then mv -- "$previous" "$dest"; fi',
    '  err "Installation failed: could not move $stage to $dest; no files were changed."',
    '  exit 1',
    'fi',
    'rm -rf -- "$previous"',
    'log "Installed $PRODUCT $VERSION"',
    '',
  ].join('\n');
}

export function installCmd(spec: ScriptSpec): string {
  const check =
    spec.failure === undefined
      ? ['echo Pre-install checks passed']
      : [
          `>&2 echo ${cmdEscape(spec.failure.cause)}`,
          `>&2 echo ${cmdEscape(`Installation aborted: no files were changed (exit code ${spec.failure.exitCode}).`)}`,
          `set "CODE=${spec.failure.exitCode}"`,
          'goto abort',
        ];
  const text = [
    '@echo off',
    `rem Installs ${spec.product} ${spec.version} (${spec.platform}) into the directory given as %1: it gets a`,
    `rem ${spec.product} folder with the payload and a VERSION file. Files are staged next to the destination and moved`,
    'rem into place at the end, so a failure at any step leaves the target as it was.',
    'setlocal EnableExtensions DisableDelayedExpansion',
    `set "PRODUCT=${spec.product}"`,
    `set "VERSION=${spec.version}"`,
    'if "%~1"=="" goto usage',
    'set "TARGET=%~f1"',
    'set "HERE=%~dp0"',
    'set "DEST=%TARGET%\\%PRODUCT%"',
    'set "STAGE=%TARGET%\\.%PRODUCT%.install.%RANDOM%%RANDOM%"',
    'set "PREVIOUS=%TARGET%\\.%PRODUCT%.previous.%RANDOM%%RANDOM%"',
    '',
    'echo Installing %PRODUCT% %VERSION% into %DEST%',
    'set "CREATED="',
    'if exist "%TARGET%\\" goto staging',
    'mkdir "%TARGET%" || goto failed',
    'set "CREATED=1"',
    ':staging',
    'mkdir "%STAGE%" || goto failed',
    'echo Staging files in %STAGE%',
    'xcopy "%HERE%payload" "%STAGE%\\" /E /I /Q /Y >nul || goto failed',
    '>"%STAGE%\\VERSION" echo %VERSION%',
    'echo Running pre-install checks',
    ...check,
    '',
    'rem keep the previous version until the new one is in place, and put it back if the move fails',
    'if exist "%DEST%\\" move "%DEST%" "%PREVIOUS%" >nul || goto failed',
    'move "%STAGE%" "%DEST%" >nul || goto restore',
    'if exist "%PREVIOUS%\\" rmdir /s /q "%PREVIOUS%"',
    'echo Installed %PRODUCT% %VERSION%',
    'exit /b 0',
    '',
    ':restore',
    'if exist "%PREVIOUS%\\" move "%PREVIOUS%" "%DEST%" >nul',
    ':failed',
    'set "CODE=1"',
    '>&2 echo Installation failed: no files were changed.',
    ':abort',
    'if exist "%STAGE%\\" rmdir /s /q "%STAGE%"',
    'rem a target folder this run created goes too, if it stayed empty (rmdir without /s leaves a full one alone)',
    'if defined CREATED rmdir "%TARGET%" 2>nul',
    'exit /b %CODE%',
    '',
    ':usage',
    '>&2 echo usage: install.cmd TARGET_DIR',
    'exit /b 2',
    '',
  ].join('\n');
  return crlf(text);
}

/** The installed product's command: prints its name and the version the installer recorded. */
export function launcherSh(product: string): string {
  return [
    '#!/bin/sh',
    `# ${product}: reports the installed version (the VERSION file one level up).`,
    'root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)',
    `printf '%s %s\\n' ${shQuote(product)} "$(cat -- "$root/VERSION")"`,
    '',
  ].join('\n');
}

export function launcherCmd(product: string): string {
  return crlf(
    [
      '@echo off',
      `rem ${product}: reports the installed version (the VERSION file one level up).`,
      'set /p V=<"%~dp0..\\VERSION"',
      `echo ${cmdEscape(product)} %V%`,
      '',
    ].join('\n'),
  );
}
