/** Refusals of the back office: Customers, their accounts and their covered systems. */
import type { ErrorMessages } from '../../../error-messages.js';

export const customersErrors = {} satisfies ErrorMessages;
