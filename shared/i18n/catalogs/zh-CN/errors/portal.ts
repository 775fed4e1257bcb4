import type { SameShape } from '../../../messages.js';
import type { portalErrors as en } from '../../en/errors/portal.js';

export const portalErrors: SameShape<typeof en> = {};
