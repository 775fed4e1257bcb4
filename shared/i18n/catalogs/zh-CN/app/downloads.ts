import type { SameShape } from '../../../messages.js';
import type { downloads as en } from '../../en/app/downloads.js';

export const downloads: SameShape<typeof en> = {};
