/** The desktop shell: menus, tray, notifications and dialogs of the Electron app. */
import type { Messages } from '../../messages.js';

export const desktop = {} satisfies Messages;
