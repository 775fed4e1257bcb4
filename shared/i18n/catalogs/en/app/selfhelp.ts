/** Self-help: search, articles, the assistant and the community. */
import type { Messages } from '../../../messages.js';

export const selfhelp = {} satisfies Messages;
