/** The overview screen. */
import type { Messages } from '../../../messages.js';

export const overview = {} satisfies Messages;
