/**
 * Every question the CLI asks before it acts (trusting a root, sending a request, running an upgrade): answered on a
 * terminal, or beforehand with --yes. A question nobody can answer (a script without --yes) or answered "no" stops
 * the command with CONFIRMATION_REQUIRED, so a script never mistakes "nothing was done" for success.
 */
import { HicareError } from '../../shared/errors.js';
import type { CliContext } from './context.js';

export interface Confirmation {
  /** The question, in the CLI's language, ending in "?"; " [y/N] " is added. */
  question: string;
  /** --yes was given. */
  yes: boolean | undefined;
  /** What was left undone, said when the command stops ("Nothing was sent."). */
  undone: 'trust' | 'send' | 'install';
  /** The command to run again with --yes, shown in the remedy. */
  command: string;
}

/** y or yes in any case; a Chinese reader may answer 是. */
const YES = /^(y(es)?|是)$/i;

export async function confirmOrStop(ctx: CliContext, c: Confirmation): Promise<void> {
  if (c.yes === true) return;
  if (ctx.io.prompt === undefined) {
    throw new HicareError('CONFIRMATION_REQUIRED.cliNoTerminal', { undone: c.undone, command: c.command });
  }
  const answer = await ctx.io.prompt(ctx.t('cli.confirm.prompt', { question: c.question }), { echo: true });
  if (!YES.test(answer.trim())) {
    throw new HicareError('CONFIRMATION_REQUIRED.cliNotConfirmed', { undone: c.undone, command: c.command });
  }
}
