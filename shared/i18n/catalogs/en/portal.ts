/** Text the portal serves besides errors (pages, reports). */
import type { Messages } from '../../messages.js';

export const portal = {} satisfies Messages;
