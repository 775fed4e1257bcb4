/**
 * Signers as an operator runs them: `node bin/hicare-portal.js signer` child processes whose JSON log lines the
 * tests wait on (never a fixed sleep), and the little SQL the tests read the outcome with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../portal-cli/cli.js';
import { until } from '../wait.js';

export interface LogLine {
  msg: string;
  pid: number;
  [field: string]: unknown;
}

export interface SignerProcess {
  pid: number;
  lines: LogLine[];
  /** Resolves with the first log line (already seen or to come) that `match` accepts; rejects at the deadline. */
  waitFor(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
  output(): string;
}

export function startSigner(env: NodeJS.ProcessEnv, args: readonly string[] = []): SignerProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/hicare-portal.js', 'signer', '--refresh-every', '1', '--heartbeat-every', '1', ...args],
    {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: LogLine[] = [];
  let text = '';
  let pending = '';
  const watchers = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) if (part.startsWith('{')) lines.push(JSON.parse(part) as LogLine);
    for (const watch of watchers) watch();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    pid: child.pid ?? 0,
    lines,
    exited,
    output: () => text,
    signal: (name) => void child.kill(name),
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = lines.find(match);
          if (found === undefined) return;
          watchers.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`signer ${String(child.pid)}: no matching log line within ${timeoutMs} ms\n${text}`));
        }, timeoutMs);
        watchers.add(check);
        void exited.then(() => setImmediate(check));
        check();
      });
    },
  };
}

/** Stops a signer for good (cleanup), whatever state it is in. */
export async function killSigner(signer: SignerProcess): Promise<void> {
  signer.signal('SIGKILL');
  await signer.exited;
}

/** Polls `probe` until it returns a value other than undefined, or fails at the deadline. */
export function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  return until(probe, { what, timeoutMs, intervalMs: 100 });
}
