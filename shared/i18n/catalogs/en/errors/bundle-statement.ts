/** Refusals of the portal when it is asked to sign an entitlement statement for an offline bundle. */
import type { ErrorMessages } from '../../../error-messages.js';

export const bundleStatementErrors = {} satisfies ErrorMessages;
