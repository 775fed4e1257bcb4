/** The back office's words: Releases, their lines’ lifecycle dates, and withdrawals. */
import type { Messages } from '../../../messages.js';

export const releasesWords = {} satisfies Messages;
