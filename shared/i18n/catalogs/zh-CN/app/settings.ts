import type { SameShape } from '../../../messages.js';
import type { settings as en } from '../../en/app/settings.js';

export const settings: SameShape<typeof en> = {};
