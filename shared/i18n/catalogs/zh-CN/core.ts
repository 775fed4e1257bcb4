import type { SameShape } from '../../messages.js';
import type { core as en } from '../en/core.js';

export const core: SameShape<typeof en> = {};
