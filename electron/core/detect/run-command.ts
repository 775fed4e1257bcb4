/**
 * The real way a detection rule asks the OS: spawn the argv directly (no shell), collect a bounded amount of
 * output, and give up after a timeout. A command that cannot be started rejects with its errno error (ENOENT, ...).
 */
import { spawn } from 'node:child_process';
import type { CommandOutput } from './rule-commands.js';

export type RunCommand = (argv: readonly string[]) => Promise<CommandOutput>;

const MAX_OUTPUT = 1024 * 1024;

export function commandRunner(timeoutMs = 30_000): RunCommand {
  return (argv) =>
    new Promise<CommandOutput>((resolve, reject) => {
      const [file, ...args] = argv;
      if (file === undefined) {
        reject(new Error('empty command'));
        return;
      }
      const child = spawn(file, args, {
        shell: false,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let outBytes = 0;
      let errBytes = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        if (outBytes < MAX_OUTPUT) out.push(chunk);
        outBytes += chunk.length;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (errBytes < MAX_OUTPUT) err.push(chunk);
        errBytes += chunk.length;
      });
      child.once('error', reject);
      child.once('close', (code, signal) => {
        const stderr = Buffer.concat(err).toString('utf8');
        resolve({
          exitCode: code ?? -1,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr:
            signal === null
              ? stderr
              : `${stderr}\n(stopped by ${signal}${signal === 'SIGKILL' ? `, after ${timeoutMs} ms` : ''})`,
        });
      });
    });
}
