/** `hicare completion bash|zsh|powershell`: prints the completion script for that shell on standard output. */
import { SHELLS } from './command-table.js';
import { parse, UsageError } from './commands.js';
import { completionScript, type Shell } from './completion.js';
import type { CliContext } from './context.js';

export function completionCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const { positionals } = parse(args, {}, { max: 1 });
  const shell = positionals[0];
  if (shell === undefined || !(SHELLS as readonly string[]).includes(shell))
    throw new UsageError('cli.usage.completionShell', { given: shell ?? '', choices: SHELLS.join(', ') });
  ctx.io.out(completionScript(shell as Shell));
  return Promise.resolve();
}
