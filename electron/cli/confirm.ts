/**
 * Every question the CLI asks before it acts (trusting a root, sending a request, running an upgrade): answered on a
 * terminal, or beforehand with --yes. A question nobody can answer (a script without --yes) or answered "no" stops
 * the command with CONFIRMATION_REQUIRED, so a script never mistakes "nothing was done" for success.
 */
import { HicareError } from '../../shared/errors.js';
import type { CliContext } from './context.js';

export interface Confirmation {
  /** The question, ending in "?"; " [y/N] " is added. */
  question: string;
  /** --yes was given. */
  yes: boolean | undefined;
  /** What was left undone, said when the command stops ("Nothing was sent."). */
  nothingDone: string;
  /** The command to run again with --yes, shown in the remedy. */
  command: string;
}

export async function confirmOrStop(ctx: CliContext, c: Confirmation): Promise<void> {
  if (c.yes === true) return;
  if (ctx.io.prompt === undefined) {
    throw new HicareError(
      'CONFIRMATION_REQUIRED',
      `${c.nothingDone} This needs your confirmation and there is no terminal to ask on.`,
      `Run it on a terminal, or add --yes: ${c.command} --yes`,
    );
  }
  const answer = await ctx.io.prompt(`${c.question} [y/N] `, { echo: true });
  if (!/^y(es)?$/i.test(answer.trim())) {
    throw new HicareError(
      'CONFIRMATION_REQUIRED',
      `${c.nothingDone} You did not confirm.`,
      `Run the command again and answer y when you are sure: ${c.command}`,
    );
  }
}
