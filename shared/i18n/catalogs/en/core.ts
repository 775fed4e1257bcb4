/** What the client core writes for people besides errors: notices, view words, operation summaries, drafts. */
import type { Messages } from '../../messages.js';

export const core = {} satisfies Messages;
