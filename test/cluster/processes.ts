/**
 * Child processes of the cluster tests, started as an operator would start them: `node bin/hicare-portal.js <cmd>`
 * with an environment, and s3rver from its own command line. Every child's output is kept so that a failed start
 * shows why, and every child is registered so that one call stops whatever is still running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { until } from '../integration/wait.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PORTAL_BIN = join(ROOT, 'bin/hicare-portal.js');
const S3RVER_BIN = join(ROOT, 'node_modules/s3rver/bin/s3rver.js');

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** stdout and stderr as received so far, interleaved. */
  output(): string;
  stdout(): string;
  exited(): boolean;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  readonly exit: Promise<number | string>;
  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves when the process is gone. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | string>;
}

const running = new Set<Child>();

export function start(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString('utf8');
    stdout += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exit = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const handle: Child = {
    name,
    process: child,
    output: () => output,
    stdout: () => stdout,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    exit,
    async stop(signal = 'SIGTERM') {
      if (!handle.exited()) child.kill(signal);
      const code = await exit;
      running.delete(handle);
      return code;
    },
  };
  running.add(handle);
  void exit.then(() => running.delete(handle));
  return handle;
}

export function startPortal(name: string, args: readonly string[], env: NodeJS.ProcessEnv): Child {
  return start(name, process.execPath, [PORTAL_BIN, ...args], env);
}

/** Runs a portal command to its end; a non-zero exit is an error carrying the command's output. */
export async function runPortal(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = startPortal(args.join(' '), args, env);
  const code = await child.exit;
  if (code !== 0) throw new Error(`hicare-portal ${args.join(' ')} exited with ${String(code)}:\n${child.output()}`);
  return child.stdout();
}

/** Runs a portal command that may fail, for tests of refusals. */
export async function tryPortal(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | string; stdout: string; output: string }> {
  const child = startPortal(args.join(' '), args, env);
  const code = await child.exit;
  return { code, stdout: child.stdout(), output: child.output() };
}

/** Waits for a line of the child's output matching `pattern`; a child that exits first fails the wait with its output. */
export async function waitForOutput(child: Child, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
  return until(
    async () => {
      const match = pattern.exec(child.output());
      if (match !== null) return match;
      if (child.exited())
        throw new Error(`${child.name} exited before printing ${String(pattern)}:\n${child.output().slice(-4000)}`);
      return undefined;
    },
    { what: `${child.name} to print ${String(pattern)}`, timeoutMs, detail: () => child.output() },
  );
}

export interface S3Server {
  child: Child;
  endpoint: string;
}

/** s3rver on a free loopback port with its objects in `directory` and `bucket` created. */
export async function startS3rver(directory: string, bucket: string): Promise<S3Server> {
  const child = start(
    's3rver',
    process.execPath,
    [
      S3RVER_BIN,
      '-d',
      directory,
      '-a',
      '127.0.0.1',
      '-p',
      '0',
      '--silent',
      '--no-vhost-buckets',
      '--configure-bucket',
      bucket,
    ],
    process.env,
  );
  const match = await waitForOutput(child, /S3rver listening on [^:]+:(\d+)/);
  return { child, endpoint: `http://127.0.0.1:${match[1] ?? ''}` };
}

/** Stops every child still running: SIGTERM, then SIGKILL for any that lingers. */
export async function stopAll(graceMs = 5000): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(async (child) => {
      const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
      await child.stop('SIGTERM');
      clearTimeout(timer);
    }),
  );
}
