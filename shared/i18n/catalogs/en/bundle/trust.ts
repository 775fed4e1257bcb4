/** Verifying a bundle offline and installing from it. */
import type { Messages } from '../../../messages.js';

export const bundleTrustWords = {} satisfies Messages;
