/** Errors of the hicare command line (flags, files, prompts), as variants of their codes. */
import type { ErrorMessages } from '../../../error-messages.js';

export const cliErrors = {} satisfies ErrorMessages;
