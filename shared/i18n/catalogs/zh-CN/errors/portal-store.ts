import type { SameShape } from '../../../messages.js';
import type { portalStoreErrors as en } from '../../en/errors/portal-store.js';

export const portalStoreErrors: SameShape<typeof en> = {};
