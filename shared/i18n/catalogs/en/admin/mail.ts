/** The back office's words: E-mail: the outbox, preferences and the survey page. */
import type { Messages } from '../../../messages.js';

export const mailWords = {} satisfies Messages;
