import type { SameShape } from '../../../messages.js';
import type { releasesErrors as en } from '../../en/errors/admin-releases.js';

export const releasesErrors: SameShape<typeof en> = {};
