import type { SameShape } from '../../../messages.js';
import type { systems as en } from '../../en/app/systems.js';

export const systems: SameShape<typeof en> = {};
