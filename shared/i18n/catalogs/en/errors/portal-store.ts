/** Errors of the portal's data and signing side (database, TUF repository, storage, requests), as variants of their codes. */
import type { ErrorMessages } from '../../../error-messages.js';

export const portalStoreErrors = {} satisfies ErrorMessages;
