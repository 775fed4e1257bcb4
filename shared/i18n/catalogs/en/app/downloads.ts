/** Downloads, single and in bulk. */
import type { Messages } from '../../../messages.js';

export const downloads = {} satisfies Messages;
