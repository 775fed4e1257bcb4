import type { SameShape } from '../../../messages.js';
import type { shell as en } from '../../en/app/shell.js';

export const shell: SameShape<typeof en> = {};
