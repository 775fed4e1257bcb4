/** The app frame: navigation, sign-in, workspace, notices and shared components. */
import type { Messages } from '../../../messages.js';

export const shell = {} satisfies Messages;
