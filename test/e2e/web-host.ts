/** Starts the web host as `npm start` does (a real process on loopback) with its own data directory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  openUrl: string;
  home: string;
  /** Everything the host printed so far, for a failed test's report. */
  output(): string;
  stop(): Promise<void>;
}

/** `env` is added to the host's environment (an SMTP server for the demo portal's mail, say). */
export async function startHost(env: Record<string, string> = {}): Promise<RunningHost> {
  const home = mkdtempSync(join(tmpdir(), 'hicare-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts'], {
    env: { ...process.env, ...env, HICARE_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    // A deadline, not a wait: tsx compiles the host and the demo portal is seeded before the address is printed,
    // which has taken close to 20 s on a busy machine.
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  // Keep collecting after start-up: a failing test attaches what the host logged.
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    openUrl,
    home,
    output: () => output,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
}
