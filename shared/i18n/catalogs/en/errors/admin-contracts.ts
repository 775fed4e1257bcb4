/** Refusals of the back office: Contracts by the service description’s start-date rules, renewals and tier changes. */
import type { ErrorMessages } from '../../../error-messages.js';

export const contractsErrors = {} satisfies ErrorMessages;
