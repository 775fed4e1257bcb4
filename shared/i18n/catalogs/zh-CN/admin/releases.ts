import type { SameShape } from '../../../messages.js';
import type { releasesWords as en } from '../../en/admin/releases.js';

export const releasesWords: SameShape<typeof en> = {};
