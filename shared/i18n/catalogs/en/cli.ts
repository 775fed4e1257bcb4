/** The hicare command line: help, tables, progress and results. */
import type { Messages } from '../../messages.js';

export const cli = {} satisfies Messages;
