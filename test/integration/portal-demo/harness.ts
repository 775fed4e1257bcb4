/**
 * Runs demo packages the way a customer's machine would: the system's own `tar` extracts them and `sh` runs the
 * install script, both through argv (never a shell string), so the tests exercise the real archive and script.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir } from '../../support/temp-dir.js';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(argv: [string, ...string[]], cwd?: string): RunResult {
  const [cmd, ...args] = argv;
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 30_000 });
  if (r.error !== undefined) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Extracts with `tar -xzf` and fails loudly, with tar's own message, if the archive is not readable. */
export function extract(archive: string, into: string): void {
  const r = run(['tar', '-xzf', archive, '-C', into]);
  if (r.status !== 0) throw new Error(`tar -xzf ${archive} failed (${String(r.status)}): ${r.stderr}`);
}

/** `tar -tvzf`: one line per entry with mode, owner, size and time. */
export function list(archive: string): string[] {
  const r = run(['tar', '-tvzf', archive]);
  if (r.status !== 0) throw new Error(`tar -tvzf ${archive} failed (${String(r.status)}): ${r.stderr}`);
  return r.stdout.trim().split('\n');
}

/** Runs the extracted installer as the app does: `sh install.sh <target>` from the package directory. */
export function runInstallSh(packageDir: string, target: string): RunResult {
  return run(['sh', 'install.sh', target], packageDir);
}

/** Runs the installed product's own command (payload/bin/<product>). */
export function runInstalled(target: string, product: string): RunResult {
  return run(['sh', join(target, product, 'bin', product)]);
}

/** A fresh temporary directory and the function that removes it. */
export async function scratch(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const { dir, remove } = await makeTempDir(`hicare-${prefix}-`);
  return { dir, cleanup: remove };
}
