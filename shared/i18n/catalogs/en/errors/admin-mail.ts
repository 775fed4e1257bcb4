/** Refusals of the back office: E-mail: the outbox, preferences and the survey page. */
import type { ErrorMessages } from '../../../error-messages.js';

export const mailErrors = {} satisfies ErrorMessages;
