/**
 * The core's remedies speak to every host; in the app the user also wants to know which control does it. Keyed by
 * the error's code, like the CLI's command hints (electron/cli/command-hints.ts).
 */
import { HicareError } from '../../../shared/errors.js';

/** The same refusal, its remedy naming the Set version form's checkbox. */
export function withAppRemedy(error: unknown): unknown {
  if (!(error instanceof HicareError) || error.key !== 'VERSION_NOT_IN_CATALOG.entered') return error;
  return new HicareError('VERSION_NOT_IN_CATALOG.enteredInApp', error.params, error.details);
}
