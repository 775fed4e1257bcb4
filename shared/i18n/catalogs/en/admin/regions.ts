/** The back office's words: Regions: response-time tables and business calendars. */
import type { Messages } from '../../../messages.js';

export const regionsWords = {} satisfies Messages;
