/** The back office's words: Contracts by the service description’s start-date rules, renewals and tier changes. */
import type { Messages } from '../../../messages.js';

export const contractsWords = {} satisfies Messages;
