/** The back office's words: Reports for the vendor: SLA, surveys, downloads, requests. */
import type { Messages } from '../../../messages.js';

export const reportsWords = {} satisfies Messages;
