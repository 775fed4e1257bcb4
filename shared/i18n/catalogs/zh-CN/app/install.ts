import type { SameShape } from '../../../messages.js';
import type { install as en } from '../../en/app/install.js';

export const install: SameShape<typeof en> = {};
