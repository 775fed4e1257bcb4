/** The back office's words: Customers, their accounts and their covered systems. */
import type { Messages } from '../../../messages.js';

export const customersWords = {} satisfies Messages;
