/** Installing a release, its log and what to do when it fails. */
import type { Messages } from '../../../messages.js';

export const install = {} satisfies Messages;
