/** Bundle files and site mirrors: making, reading and serving them. */
import type { Messages } from '../../../messages.js';

export const bundleArchiveWords = {} satisfies Messages;
