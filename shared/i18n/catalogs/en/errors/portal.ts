/** Errors the portal answers with (requests, accounts, catalog, storage), as variants of their codes. */
import type { ErrorMessages } from '../../../error-messages.js';

export const portalErrors = {} satisfies ErrorMessages;
