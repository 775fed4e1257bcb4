/** Systems, their releases, verdicts and upgrade paths. */
import type { Messages } from '../../../messages.js';

export const systems = {} satisfies Messages;
