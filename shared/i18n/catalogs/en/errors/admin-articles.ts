/** Refusals of the back office: Articles: writing, revising, publishing and withdrawing. */
import type { ErrorMessages } from '../../../error-messages.js';

export const articlesErrors = {} satisfies ErrorMessages;
