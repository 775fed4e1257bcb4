/** Errors the client core raises (transport, trust, downloads, installs, settings), as variants of their codes. */
import type { ErrorMessages } from '../../../error-messages.js';

export const coreErrors = {} satisfies ErrorMessages;
