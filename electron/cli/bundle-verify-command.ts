/** `hicare bundle verify`. */
import { HicareError } from '../../shared/errors.js';
import type { CliContext } from './context.js';

export async function bundleVerifyCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  void ctx;
  void args;
  throw new HicareError('NOT_FOUND');
}
