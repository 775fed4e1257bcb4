import type { SameShape } from '../../../messages.js';
import type { coreErrors as en } from '../../en/errors/core.js';

export const coreErrors: SameShape<typeof en> = {};
