/** Settings: connection, trust, language, shortcuts, support bundle. */
import type { Messages } from '../../../messages.js';

export const settings = {} satisfies Messages;
