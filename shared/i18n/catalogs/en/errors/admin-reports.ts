/** Refusals of the back office: Reports for the vendor: SLA, surveys, downloads, requests. */
import type { ErrorMessages } from '../../../error-messages.js';

export const reportsErrors = {} satisfies ErrorMessages;
