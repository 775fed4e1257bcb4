/**
 * Runs an installer's argv as a child process: no shell, output into the install log, and a deadline after which
 * the whole process tree is stopped (its process group on POSIX, `taskkill /T` on Windows), so a hung installer
 * cannot leave helpers running behind it.
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { Platform } from '../../../shared/contracts/catalog.js';
import type { InstallLog } from './install-log.js';

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface ProcessOutcome {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Set when the program could not be started at all (ENOENT, EACCES, ...). */
  spawnError: string | null;
}

export interface ProcessOptions {
  cwd: string | null;
  timeoutMs: number;
  platform: Platform;
  log: InstallLog;
  spawn?: SpawnFn;
  /** Between the polite stop and the forced one. */
  killGraceMs?: number;
}

// cmd.exe's own metacharacters; quoting alone does not protect them (the same rules as the cross-spawn package)
const CMD_META = /([()\][%!^"`<>&|;, *?])/g;

function cmdArgument(arg: string): string {
  // MSVCRT rules first (backslashes before a quote are doubled, the quote escaped), then caret-escape for cmd.exe,
  // twice because a batch file re-parses its arguments
  let quoted = arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\*)$/, '$1$1');
  quoted = `"${quoted}"`;
  return quoted.replace(CMD_META, '^$1').replace(CMD_META, '^$1');
}

/**
 * How an argv is handed to spawn. On Windows `cmd.exe /d /s /c <script> args...` needs its command line built by
 * hand (verbatim), since Node's own quoting is not cmd.exe's; everything else goes through as an argv.
 */
export function spawnArguments(
  argv: readonly string[],
  platform: Platform,
): { file: string; args: string[]; verbatim: boolean } {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error('empty argv');
  if (
    platform === 'win' &&
    file.toLowerCase() === 'cmd.exe' &&
    args[0] === '/d' &&
    args[1] === '/s' &&
    args[2] === '/c' &&
    args[3] !== undefined
  ) {
    const [script, ...rest] = args.slice(3) as [string, ...string[]];
    const line = [script.replace(CMD_META, '^$1'), ...rest.map(cmdArgument)].join(' ');
    return { file, args: ['/d', '/s', '/c', `"${line}"`], verbatim: true };
  }
  return { file, args, verbatim: false };
}

function killTree(child: ChildProcess | undefined, platform: Platform, spawn: SpawnFn, signal: NodeJS.Signals): void {
  if (child?.pid === undefined) return;
  try {
    if (platform === 'win') {
      spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on(
        'error',
        () => undefined,
      );
    } else {
      process.kill(-child.pid, signal);
    }
  } catch {
    // already gone
  }
}

export function runProcess(argv: readonly string[], options: ProcessOptions): Promise<ProcessOutcome> {
  const spawn = options.spawn ?? nodeSpawn;
  const { file, args, verbatim } = spawnArguments(argv, options.platform);
  return new Promise<ProcessOutcome>((resolve) => {
    let timedOut = false;
    let settled = false;
    let child: ChildProcess | undefined;
    const timers: NodeJS.Timeout[] = [];
    const finish = (outcome: Omit<ProcessOutcome, 'timedOut'>) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      // after a timeout, whatever of the tree outlived the polite stop goes now
      if (timedOut) killTree(child, options.platform, spawn, 'SIGKILL');
      options.log.flush();
      resolve({ ...outcome, timedOut });
    };
    try {
      child = spawn(file, args, {
        cwd: options.cwd ?? undefined,
        stdio: ['ignore', 'pipe', 'pipe'],
        // its own process group on POSIX, so the whole tree can be stopped at once
        detached: options.platform !== 'win',
        windowsHide: true,
        windowsVerbatimArguments: verbatim,
        shell: false,
      });
    } catch (e) {
      finish({ exitCode: null, signal: null, spawnError: e instanceof Error ? e.message : String(e) });
      return;
    }
    const proc = child;
    proc.stdout?.on('data', (chunk: Buffer) => options.log.write('stdout', chunk));
    proc.stderr?.on('data', (chunk: Buffer) => options.log.write('stderr', chunk));
    proc.once('error', (e: NodeJS.ErrnoException) =>
      finish({ exitCode: null, signal: null, spawnError: `${e.code ?? 'error'}: ${e.message}` }),
    );
    proc.once('exit', (code, signal) => {
      // a service the installer started may keep our pipes open: give the output a moment, then stop waiting
      timers.push(
        setTimeout(() => {
          proc.stdout?.destroy();
          proc.stderr?.destroy();
          finish({ exitCode: code, signal, spawnError: null });
        }, 2000),
      );
      proc.once('close', () => finish({ exitCode: code, signal, spawnError: null }));
    });
    timers.push(
      setTimeout(() => {
        timedOut = true;
        killTree(proc, options.platform, spawn, 'SIGTERM');
        timers.push(setTimeout(() => killTree(proc, options.platform, spawn, 'SIGKILL'), options.killGraceMs ?? 5000));
      }, options.timeoutMs),
    );
  });
}
