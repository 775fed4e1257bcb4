/** Refusals of the back office: Releases, their lines’ lifecycle dates, and withdrawals. */
import type { ErrorMessages } from '../../../error-messages.js';

export const releasesErrors = {} satisfies ErrorMessages;
