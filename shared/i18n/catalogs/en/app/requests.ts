/** Remote-guidance requests, for customers and engineers. */
import type { Messages } from '../../../messages.js';

export const requests = {} satisfies Messages;
