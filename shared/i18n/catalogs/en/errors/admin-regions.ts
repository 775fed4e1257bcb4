/** Refusals of the back office: Regions: response-time tables and business calendars. */
import type { ErrorMessages } from '../../../error-messages.js';

export const regionsErrors = {} satisfies ErrorMessages;
