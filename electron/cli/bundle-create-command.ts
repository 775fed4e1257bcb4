/** `hicare bundle create`. */
import { HicareError } from '../../shared/errors.js';
import type { CliContext } from './context.js';

export async function bundleCreateCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  void ctx;
  void args;
  throw new HicareError('NOT_FOUND');
}
