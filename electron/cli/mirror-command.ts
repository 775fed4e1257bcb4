/** `hicare mirror serve BUNDLE… --port P`: a site's portal for catalog and packages, from bundles. */
import { HicareError } from '../../shared/errors.js';
import type { CliContext } from './context.js';

export async function mirrorCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  void ctx;
  void args;
  throw new HicareError('NOT_FOUND');
}
