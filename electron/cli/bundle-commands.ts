/** `hicare bundle create|verify`: offline bundles for sites without internet. */
import { bundleCreateCommand } from './bundle-create-command.js';
import { bundleVerifyCommand } from './bundle-verify-command.js';
import { UsageError } from './commands.js';
import type { CliContext } from './context.js';

export async function bundleCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'create') return bundleCreateCommand(ctx, rest);
  if (sub === 'verify') return bundleVerifyCommand(ctx, rest);
  throw new UsageError(sub === undefined ? 'cli.usage.missingArgument' : 'cli.usage.unexpectedArgument', {
    argument: sub ?? '',
  });
}
