/** The back office's words: Articles: the knowledge base's writing, revisions, publishing and withdrawal. */
import type { Messages } from '../../../messages.js';

export const articlesWords = {} satisfies Messages;
