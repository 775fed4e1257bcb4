import type { SameShape } from '../../messages.js';
import type { desktop as en } from '../en/desktop.js';

export const desktop: SameShape<typeof en> = {};
