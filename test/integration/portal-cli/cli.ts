/**
 * Runs `hicare-portal` the way an operator does: `node bin/hicare-portal.js …` as a real child process, with its data
 * directory (and, for PostgreSQL, its database) given through the environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = 'bin/hicare-portal.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The test process's environment without any database setting, plus `extra`. */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (extra['DATABASE_URL'] === undefined) delete env['DATABASE_URL'];
  if (extra['HICARE_DATABASE_SCHEMA'] === undefined) delete env['HICARE_DATABASE_SCHEMA'];
  delete env['PORT'];
  return env;
}

function start(args: readonly string[], env: NodeJS.ProcessEnv, stdin?: string): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(stdin);
  return child;
}

/** `stdin`, when given, is what the command reads from its standard input. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = start(args, env, stdin);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hicare-portal ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Served {
  url: string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  stderr(): string;
}

/** `serve --port 0 --json`, resolved once it has printed where it listens. */
export function serve(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = start(['serve', '--port', '0', '--json'], env);
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout?.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line === undefined) return;
      clearTimeout(timer);
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        stderr: () => stderr,
        stop: async () => {
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.kill('SIGTERM');
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${String(code)}) before listening\n${stdout}\n${stderr}`));
    });
  });
}

export async function json<T>(
  url: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}
