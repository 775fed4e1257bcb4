import type { SameShape } from '../../../messages.js';
import type { overview as en } from '../../en/app/overview.js';

export const overview: SameShape<typeof en> = {};
