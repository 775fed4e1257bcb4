/** Refusals of the community: questions, answers, verification, acceptance and hiding. */
import type { ErrorMessages } from '../../../error-messages.js';

export const communityErrors = {} satisfies ErrorMessages;
